package dev.emporium.notification;

import java.math.RoundingMode;

/** The subject and text of each order e-mail. */
public record OrderMail(String subject, String text) {

    static OrderMail of(NotificationRequest request, String username) {
        String order = request.orderId().toString();
        String total = request.totalAmount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + request.currency();
        String greeting = "Hello " + username + ",\n\n";
        String footer = "\n\nOrder " + order + "\nTotal " + total + "\n\n-- Emporium\n";
        return switch (request.templateValue()) {
            case ORDER_CONFIRMED -> new OrderMail("Your Emporium order is confirmed",
                    greeting + "thank you: your payment was accepted and we are preparing your order." + footer);
            case PAYMENT_FAILED -> new OrderMail("Your Emporium order could not be paid",
                    greeting + "your payment was declined" + suffix(request.reason())
                            + ", so the order was not placed. Nothing was charged; you are welcome to try again." + footer);
            case ORDER_SHIPPED -> new OrderMail("Your Emporium order is on its way",
                    greeting + "your order has shipped. Tracking number: "
                            + (request.trackingNumber() == null ? "(none given)" : request.trackingNumber()) + "." + footer);
            case ORDER_CANCELLED -> new OrderMail("Your Emporium order is cancelled",
                    greeting + "your order was cancelled" + suffix(request.reason()) + ". Any payment taken is refunded."
                            + footer);
        };
    }

    private static String suffix(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    }
}
