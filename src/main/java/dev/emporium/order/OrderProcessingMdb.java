package dev.emporium.order;

import dev.emporium.platform.messaging.CloudEvent;
import dev.emporium.platform.messaging.Destinations;
import dev.emporium.platform.messaging.EventConsumer;
import dev.emporium.platform.messaging.InvalidMessageException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Takes payment for each placed order. The payment record, the status change, the events that follow (in the
 * outbox) and the record of the event id commit in one local transaction before the message is acknowledged: a
 * redelivered duplicate changes nothing, and the order's single payment row means no order is charged twice.
 */
@MessageDriven(name = "OrderProcessingMdb")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderProcessingMdb extends EventConsumer<OrderMessages.Placed> {

    @Inject
    OrderService orders;

    public OrderProcessingMdb() {
        super("order-processing", Destinations.ORDERS_PLACED, OrderMessages.PLACED_TYPE, OrderMessages.Placed.class);
    }

    @Override
    protected void handle(CloudEvent<OrderMessages.Placed> event) {
        if (orders.takePayment(event.data()) == OrderService.Outcome.NO_SUCH_ORDER) {
            throw new InvalidMessageException("no such order: " + event.data().orderId());
        }
    }
}
