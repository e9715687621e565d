package dev.emporium.order;

import dev.emporium.payment.Payment;
import dev.emporium.payment.PaymentGateway;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Takes payment for each placed order, in the steps of {@link Payments}: the attempt is recorded and the gateway asked
 * before the settling transaction, so that no transaction and no order row waits on the gateway; the gateway's
 * answer, the order's move, the events that follow (in the outbox) and the record of the event id then commit in one
 * local transaction before the message is acknowledged. A redelivery after a crash between any two steps takes up the
 * pending payment with the same idempotency key, and the order's single payment row means no order is charged twice.
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

    /** Asks the gateway about a payment still pending; the settlement then records its answer with the order's move. */
    @Override
    protected Runnable prepare(CloudEvent<OrderMessages.Placed> event) {
        UUID orderId = event.data().orderId();
        Optional<Payment> pending;
        try {
            pending = orders.beginPayment(orderId).filter(p -> p.getStatus() == Payment.Status.PENDING);
        } catch (NotFound e) {
            throw new InvalidMessageException("no such order: " + orderId);
        }
        if (pending.isEmpty()) {
            return () -> handle(event);
        }
        PaymentGateway.Authorization answer = payments.ask(pending.get(), event.data().paymentToken());
        return () -> settle(orderId, Optional.of(answer));
    }

    /** Settles with the answer on record (an earlier delivery's), or moves nothing for an order settled before. */
    @Override
    protected void handle(CloudEvent<OrderMessages.Placed> event) {
        settle(event.data().orderId(), Optional.empty());
    }

    private void settle(UUID orderId, Optional<PaymentGateway.Authorization> answer) {
        if (orders.settlePayment(orderId, answer) == OrderService.Outcome.NO_SUCH_ORDER) {
            throw new InvalidMessageException("no such order: " + orderId);
        }
    }
}
