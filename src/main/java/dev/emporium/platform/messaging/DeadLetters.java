package dev.emporium.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Moves a message that can never be processed to the dead-letter queue, with the reason and the queue it came from.
 * The copy goes through the outbox in the same transaction as the record that this consumer rejected this message,
 * so a redelivery (after a crash before the acknowledgement) does not dead-letter it twice.
 */
@ApplicationScoped
public class DeadLetters {

    /** Why the message was rejected (set on messages a consumer refused; the broker's own dead letters lack it). */
    public static final String REASON_PROPERTY = "dead_letter_reason";
    /** The queue a rejected message came from. */
    public static final String ORIGIN_PROPERTY = "dead_letter_origin";

    private static final int MAX_REASON_LENGTH = 1000;

    @Inject
    Outbox outbox;

    @Inject
    ProcessedMessages processedMessages;

    public void reject(String consumer, Message message, String origin, String reason) {
        try {
            Map<String, Object> properties = new HashMap<>();
            for (Object name : Collections.list(message.getPropertyNames())) {
                String property = (String) name;
                if (!property.startsWith("JMSX") && !property.startsWith("_AMQ")) {
                    properties.put(property, message.getObjectProperty(property));
                }
            }
            properties.put(REASON_PROPERTY, reason == null ? "rejected"
                    : reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason);
            properties.put(ORIGIN_PROPERTY, origin);
            String body = message instanceof TextMessage text ? text.getText() : null;
            OutgoingMessage deadLetter = new OutgoingMessage(Destinations.DEAD_LETTERS, body, properties,
                    message.getJMSCorrelationID());
            String rejection = message.getJMSMessageID() == null ? null : "rejected " + message.getJMSMessageID();
            processedMessages.once(consumer, rejection, () -> outbox.add(deadLetter));
        } catch (JMSException e) {
            throw new IllegalStateException("could not read a rejected message", e);
        }
    }
}
