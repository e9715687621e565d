package dev.emporium.order;

import dev.emporium.platform.messaging.Destinations;
import dev.emporium.platform.messaging.EventSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The order events as Jakarta Messaging carries them: dev.emporium.order.placed.v1 on emporium.orders.placed for
 * payment, dev.emporium.order.status-changed.v1 on the emporium.orders.events topic for every change (docs/asyncapi).
 */
@ApplicationScoped
public class JmsOrderEvents implements OrderEvents {

    @Inject
    EventSender events;

    @Override
    public void placed(Order order, String paymentToken) {
        events.send(Destinations.ORDERS_PLACED, OrderMessages.SOURCE, OrderMessages.PLACED_TYPE, order.getId().toString(),
                new OrderMessages.Placed(order.getId(), order.getUserId(), order.getTotalAmount(), order.getCurrency(), paymentToken));
        publish(order, null, "placed");
    }

    @Override
    public void statusChanged(Order order, Transition transition) {
        publish(order, transition.from(), transition.reason());
    }

    private void publish(Order order, OrderStatus previous, String reason) {
        events.send(Destinations.ORDER_EVENTS, OrderMessages.SOURCE, OrderMessages.STATUS_TYPE, order.getId().toString(),
                new OrderMessages.StatusChanged(order.getId(), order.getUserId(), previous == null ? null : previous.wireName(),
                        order.getStatus().wireName(), reason, order.getTrackingNumber(), Instant.now()));
    }
}
