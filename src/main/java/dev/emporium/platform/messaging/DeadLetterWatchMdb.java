package dev.emporium.platform.messaging;

import dev.emporium.platform.json.JsonP;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
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
import java.util.logging.Logger;

/**
 * Watches the dead-letter queue through a copy of every dead letter (the broker's non-exclusive divert
 * dead-letter-watch; the original stays in DLQ for operators) and announces each as a {@link DeadLetter} event,
 * which the domains observe (the order flags the order it was about, and counts it). Delivered outside a JTA
 * transaction like every Emporium consumer: what the observers change and the record of the copy's JMSMessageID
 * commit locally, so a redelivered copy is announced once.
 */
@MessageDriven(name = "DeadLetterWatchMdb")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetterWatchMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeadLetterWatchMdb.class.getName());

    @Inject
    Event<DeadLetter> deadLetters;

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
        String subject = subjectOf(message, body).orElse(null);
        processedMessages.once("dead-letter-watch", messageId(message), () -> {
            LOG.warning(() -> "Dead letter of type " + type + (subject == null ? "" : " about " + subject) + ": " + reason);
            deadLetters.fire(new DeadLetter(type, reason, subject));
        });
    }

    /** What a dead letter is about: the event's subject, or the order_id of its data (warehouse messages). */
    private static Optional<String> subjectOf(Message message, Optional<JsonObject> body) {
        return property(message, EventSender.SUBJECT_PROPERTY)
                .or(() -> body.flatMap(b -> string(b, "subject")))
                .or(() -> body.map(b -> b.get("data")).filter(d -> d.getValueType() == JsonValue.ValueType.OBJECT)
                        .flatMap(d -> string(d.asJsonObject(), "order_id")));
    }

    private static Optional<JsonObject> body(Message message) {
        try {
            if (message instanceof TextMessage text && text.getText() != null) {
                try (var reader = JsonP.PROVIDER.createReader(new StringReader(text.getText()))) {
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
}
