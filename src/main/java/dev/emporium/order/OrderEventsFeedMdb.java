package dev.emporium.order;

import dev.emporium.platform.json.JsonP;
import dev.emporium.platform.messaging.ConsumerMetrics;
import dev.emporium.platform.messaging.Deliveries;
import dev.emporium.platform.messaging.Destinations;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Hears every order status change on emporium.orders.events, through a non-durable subscription of this replica's
 * own, and wakes the event streams open here (OrderStreams). It changes nothing and records nothing: a message it
 * cannot read is logged and dropped, since the durable consumers of the same events judge them for real.
 */
@MessageDriven(name = "OrderEventsFeedMdb")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderEventsFeedMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(OrderEventsFeedMdb.class.getName());

    @Inject
    Deliveries deliveries;

    @Inject
    OrderStreams streams;

    @Override
    public void onMessage(Message message) {
        deliveries.take(message, Destinations.ORDER_EVENTS, "order-events-feed", () -> {
            orderOf(message).ifPresent(streams::changed);
            return ConsumerMetrics.Outcome.HANDLED;
        });
    }

    static Optional<UUID> orderOf(Message message) {
        try {
            if (!(message instanceof TextMessage text) || text.getText() == null) {
                return Optional.empty();
            }
            JsonObject event = JsonP.PROVIDER.createReader(new StringReader(text.getText())).readObject();
            JsonValue data = event.get("data");
            if (!OrderMessages.STATUS_TYPE.equals(event.getString("type", null))
                    || data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(data.asJsonObject().getString("order_id", "")));
        } catch (JMSException | JsonException | IllegalArgumentException e) {
            LOG.warning(() -> "Ignored an unreadable order event: " + e);
            return Optional.empty();
        }
    }
}
