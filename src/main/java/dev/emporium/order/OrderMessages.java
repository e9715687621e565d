package dev.emporium.order;

import dev.emporium.notification.NotificationRequest;
import dev.emporium.notification.NotificationTemplate;
import dev.emporium.notification.Notifications;
import dev.emporium.platform.messaging.Destinations;
import dev.emporium.platform.messaging.EventSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the order domain tells the broker, written to the outbox in the transaction that makes the change: the
 * order-placed event for payment, a status-changed event on the topic for every change, and the customer e-mails
 * some changes call for.
 */
@ApplicationScoped
public class OrderMessages {

    public static final String SOURCE = "/emporium/orders";
    public static final String PLACED_TYPE = "dev.emporium.order.placed.v1";
    public static final String STATUS_TYPE = "dev.emporium.order.status-changed.v1";

    @Inject
    EventSender events;

    @Inject
    Notifications notifications;

    /** Data of dev.emporium.order.placed.v1. */
    @JsonbPropertyOrder({"orderId", "userId", "totalAmount", "currency", "paymentToken"})
    public record Placed(@NotNull UUID orderId, @NotNull UUID userId, @NotNull @PositiveOrZero BigDecimal totalAmount,
                         @NotNull String currency, String paymentToken) {
    }

    /** Data of dev.emporium.order.status-changed.v1. */
    @JsonbPropertyOrder({"orderId", "userId", "previousStatus", "status", "reason", "trackingNumber", "at"})
    public record StatusChanged(UUID orderId, UUID userId, String previousStatus, String status, String reason,
                                String trackingNumber, Instant at) {
    }

    void placed(Order order, String paymentToken) {
        events.send(Destinations.ORDERS_PLACED, SOURCE, PLACED_TYPE, order.getId().toString(), new Placed(order.getId(),
                order.getUserId(), order.getTotalAmount(), order.getCurrency(), paymentToken));
    }

    /** The change just made to the order (previous is null for a new order). */
    void statusChanged(Order order, OrderStatus previous, String reason) {
        events.send(Destinations.ORDER_EVENTS, SOURCE, STATUS_TYPE, order.getId().toString(), new StatusChanged(order.getId(),
                order.getUserId(), previous == null ? null : previous.wireName(), order.getStatus().wireName(), reason,
                order.getTrackingNumber(), Instant.now()));
        mailFor(order.getStatus()).ifPresent(template -> notifications.request(new NotificationRequest(
                template.wireName(), order.getUserId(), order.getId(), order.getTotalAmount(), order.getCurrency(),
                order.getTrackingNumber(), reason)));
    }

    /** The statuses a customer hears about by e-mail. */
    static Optional<NotificationTemplate> mailFor(OrderStatus status) {
        return Optional.ofNullable(switch (status) {
            case PROCESSING -> NotificationTemplate.ORDER_CONFIRMED;
            case PAYMENT_FAILED -> NotificationTemplate.PAYMENT_FAILED;
            case SHIPPED -> NotificationTemplate.ORDER_SHIPPED;
            case CANCELLED -> NotificationTemplate.ORDER_CANCELLED;
            case PENDING, DELIVERED -> null;
        });
    }
}
