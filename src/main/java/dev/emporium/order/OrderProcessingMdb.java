package dev.emporium.order;

import dev.emporium.payment.PaymentGateway;
import dev.emporium.web.JsonMapping;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.bind.Jsonb;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Takes payment for each placed order and moves it to processing or payment_failed. Receive, payment record,
 * status change and the resulting events share one XA transaction; the message id is recorded in
 * processed_messages in it too, so a redelivered duplicate changes nothing.
 */
@MessageDriven(name = "OrderProcessingMdb")
public class OrderProcessingMdb implements MessageListener {

    static final String CONSUMER = "order-processing";
    private static final Jsonb JSONB = JsonMapping.create();

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    OrderService orders;

    @Inject
    PaymentGateway payments;

    /** The parts of a dev.emporium.order.placed.v1 event this consumer reads. */
    public record PlacedEvent(String id, String type, OrderMessages.Placed data) {
    }

    @Override
    public void onMessage(Message message) {
        PlacedEvent event = JSONB.fromJson(body(message), PlacedEvent.class);
        if (event.id() == null || !OrderMessages.PLACED_TYPE.equals(event.type()) || event.data() == null
                || event.data().orderId() == null) {
            throw new IllegalArgumentException("not a " + OrderMessages.PLACED_TYPE + " event");
        }
        int first = em.createNativeQuery(
                "INSERT INTO processed_messages (consumer, message_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, CONSUMER).setParameter(2, event.id()).executeUpdate();
        if (first == 0) {
            return;
        }
        OrderMessages.Placed placed = event.data();
        orders.recordPayment(placed.orderId(), payments.authorize(placed.orderId(), placed.totalAmount(),
                placed.currency(), placed.paymentToken()));
    }

    private static String body(Message message) {
        try {
            return message.getBody(String.class);
        } catch (JMSException e) {
            throw new IllegalArgumentException("not a text message", e);
        }
    }
}
