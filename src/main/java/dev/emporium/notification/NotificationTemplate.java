package dev.emporium.notification;

import java.util.Locale;

/** The e-mails Emporium sends about an order. */
public enum NotificationTemplate {
    ORDER_CONFIRMED,
    PAYMENT_FAILED,
    ORDER_SHIPPED,
    ORDER_CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
