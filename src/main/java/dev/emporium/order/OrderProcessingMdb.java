package dev.emporium.order;

import dev.emporium.payment.Payments;
import dev.emporium.platform.error.NotFound;
import dev.emporium.platform.messaging.CloudEvent;
import dev.emporium.platform.messaging.Destinations;
import dev.emporium.platform.messaging.EventConsumer;
import dev.emporium.platform.messaging.InvalidMessageException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Takes payment for each placed order, in the steps of {@link Payments}: the attempt is recorded and the gateway asked
 * before the recorded transaction, so that no transaction and no order row waits on the gateway; the order's move,
 * the events that follow (in the outbox) and the record of the event id then commit in one local transaction before
 * the message is acknowledged. A redelivery after a crash between any two steps takes up the pending payment with the
 * same idempotency key, and the order's single payment row means no order is charged twice.
 */
@MessageDriven(name = "OrderProcessingMdb")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderProcessingMdb extends EventConsumer<OrderMessages.Placed> {

    @Inject
    OrderService orders;

    @Inject
    Payments payments;

    public OrderProcessingMdb() {
        super("order-processing", Destinations.ORDERS_PLACED, OrderMessages.PLACED_TYPE, OrderMessages.Placed.class);
    }

    @Override
    protected void prepare(CloudEvent<OrderMessages.Placed> event) {
        try {
            orders.beginPayment(event.data().orderId())
                    .ifPresent(payment -> payments.authorize(payment, event.data().paymentToken()));
        } catch (NotFound e) {
            throw new InvalidMessageException("no such order: " + event.data().orderId());
        }
    }

    @Override
    protected void handle(CloudEvent<OrderMessages.Placed> event) {
        if (orders.settlePayment(event.data().orderId()) == OrderService.Outcome.NO_SUCH_ORDER) {
            throw new InvalidMessageException("no such order: " + event.data().orderId());
        }
    }
}
