package dev.emporium.notification;

import dev.emporium.platform.text.WireNamed;

/** The e-mails Emporium sends about an order. */
public enum NotificationTemplate implements WireNamed {
    ORDER_CONFIRMED,
    PAYMENT_FAILED,
    ORDER_SHIPPED,
    ORDER_CANCELLED
}
