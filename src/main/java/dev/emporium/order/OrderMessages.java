package dev.emporium.order;

import dev.emporium.platform.messaging.CloudEvent;
import dev.emporium.platform.messaging.Destinations;
import dev.emporium.web.JsonMapping;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What the order domain tells the broker. Sends join the caller's JTA transaction (XA with the database): a
 * message leaves if and only if the change it describes commits.
 */
@ApplicationScoped
public class OrderMessages {

    static final String SOURCE = "/emporium/orders";
    static final String PLACED_TYPE = "dev.emporium.order.placed.v1";
    static final String STATUS_TYPE = "dev.emporium.order.status-changed.v1";

    private static final Jsonb JSONB = JsonMapping.create();

    @Inject
    @JMSConnectionFactory(Destinations.CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Destinations.ORDERS_PLACED_QUEUE)
    Queue placedQueue;

    @Resource(lookup = Destinations.ORDER_EVENTS_TOPIC)
    Topic eventsTopic;

    /** Data of dev.emporium.order.placed.v1. */
    public record Placed(UUID orderId, UUID userId, BigDecimal totalAmount, String currency, String paymentToken) {
    }

    /** Data of dev.emporium.order.status-changed.v1. */
    public record StatusChanged(UUID orderId, UUID userId, String status, String reason, Instant at) {
    }

    void placed(Order order, String paymentToken) {
        send(placedQueue, CloudEvent.of(SOURCE, PLACED_TYPE, new Placed(order.getId(), order.getUserId(),
                order.getTotalAmount(), order.getCurrency(), paymentToken)), order.getId());
    }

    void statusChanged(Order order, String reason) {
        send(eventsTopic, CloudEvent.of(SOURCE, STATUS_TYPE, new StatusChanged(order.getId(), order.getUserId(),
                order.getStatus().wireName(), reason, Instant.now())), order.getId());
    }

    private void send(jakarta.jms.Destination destination, CloudEvent<?> event, UUID orderId) {
        jms.createProducer()
                .setJMSCorrelationID(orderId.toString())
                .setProperty("ce_type", event.type())
                .setProperty("ce_id", event.id())
                .send(destination, JSONB.toJson(event));
    }
}
