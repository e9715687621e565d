package dev.emporium.order;

import dev.emporium.notification.NotificationRequest;
import dev.emporium.notification.NotificationTemplate;
import dev.emporium.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Which status changes the customer hears about by e-mail, and asking for that e-mail. */
@ApplicationScoped
public class CustomerMails {

    @Inject
    Notifications notifications;

    /** The e-mail a change to this status calls for: confirmation, failed payment, shipping, cancellation. */
    static Optional<NotificationTemplate> mailFor(OrderStatus status) {
        return Optional.ofNullable(switch (status) {
            case PROCESSING -> NotificationTemplate.ORDER_CONFIRMED;
            case PAYMENT_FAILED -> NotificationTemplate.PAYMENT_FAILED;
            case SHIPPED -> NotificationTemplate.ORDER_SHIPPED;
            case CANCELLED -> NotificationTemplate.ORDER_CANCELLED;
            case PENDING, DELIVERED -> null;
        });
    }

    /** Asks for the e-mail the change calls for, if any, in the transaction that makes it. */
    void tell(Order order, Transition transition) {
        mailFor(transition.to()).ifPresent(template -> notifications.request(new NotificationRequest(
                template.wireName(), order.getUserId(), order.getId(), order.getTotalAmount(), order.getCurrency(),
                order.getTrackingNumber(), transition.reason())));
    }
}
