package dev.emporium.order;

import dev.emporium.platform.messaging.ConsumerMetrics;
import dev.emporium.platform.messaging.DeadLetters;
import dev.emporium.platform.messaging.Deliveries;
import dev.emporium.platform.messaging.Destinations;
import dev.emporium.platform.messaging.EventSender;
import dev.emporium.platform.messaging.ProcessedMessages;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Watches the dead-letter queue through a copy of every dead letter (the broker's non-exclusive divert
 * dead-letter-watch; the original stays in DLQ for operators). A dead letter about an order flags that order for
 * attention, and every dead letter is counted in emporium_dead_letters_total by event type ("other" for
 * anything that is not an Emporium event). Delivered outside a JTA transaction like every Emporium consumer: the flag
 * and the record of the copy's JMSMessageID commit locally, so a redelivered copy neither flags nor counts twice.
 */
@MessageDriven(name = "DeadLetterWatchMdb")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetterWatchMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeadLetterWatchMdb.class.getName());

    @Inject
    OrderService orders;

    @Inject
    DeadLetterMetrics deadLetters;

    @Inject
    ProcessedMessages processedMessages;

    @Inject
    Deliveries deliveries;

    @Override
    public void onMessage(Message message) {
        deliveries.take(message, Destinations.DEAD_LETTER_WATCH, "dead-letter-watch", () -> {
            watch(message);
            return ConsumerMetrics.Outcome.HANDLED;
        });
    }

    private void watch(Message message) {
        Optional<JsonObject> body = body(message);
        String type = property(message, EventSender.TYPE_PROPERTY)
                .or(() -> body.flatMap(b -> string(b, "type"))).orElse("unknown");
        String reason = property(message, DeadLetters.REASON_PROPERTY)
                .map(why -> "rejected by " + property(message, DeadLetters.ORIGIN_PROPERTY).orElse("a consumer") + ": " + why)
                .orElse("not processed after the broker's redeliveries");
        Optional<UUID> order = orderOf(message, body);
        boolean first = processedMessages.once("dead-letter-watch", messageId(message), () -> {
            if (order.isPresent() && orders.markForAttention(order.get(), type + " " + reason)) {
                LOG.warning(() -> "Order " + order.get() + " needs attention: " + type + " " + reason);
            } else {
                LOG.warning(() -> "Dead letter of type " + type + ": " + reason);
            }
        });
        // Counted once the flag is committed, so that a redelivered copy is not counted twice.
        if (first) {
            deadLetters.counted(type);
        }
    }

    /** The order a dead letter is about: the event's subject, or the order_id of its data (warehouse messages). */
    private static Optional<UUID> orderOf(Message message, Optional<JsonObject> body) {
        return property(message, EventSender.SUBJECT_PROPERTY)
                .or(() -> body.flatMap(b -> string(b, "subject")))
                .or(() -> body.map(b -> b.get("data")).filter(d -> d.getValueType() == JsonValue.ValueType.OBJECT)
                        .flatMap(d -> string(d.asJsonObject(), "order_id")))
                .flatMap(DeadLetterWatchMdb::uuid);
    }

    private static Optional<JsonObject> body(Message message) {
        try {
            if (message instanceof TextMessage text && text.getText() != null) {
                try (var reader = Json.createReader(new StringReader(text.getText()))) {
                    return Optional.of(reader.readObject());
                }
            }
        } catch (JMSException | JsonException | IllegalStateException e) {
            // Not JSON: nothing in it names an order.
        }
        return Optional.empty();
    }

    private static Optional<String> string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING
                ? Optional.of(object.getString(name)) : Optional.empty();
    }

    private static Optional<String> property(Message message, String name) {
        try {
            return Optional.ofNullable(message.getStringProperty(name)).filter(s -> !s.isBlank());
        } catch (JMSException e) {
            return Optional.empty();
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return null;
        }
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
