package dev.emporium.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Collections;

/**
 * Moves a message that can never be processed to the dead-letter queue, with the reason and the queue it came from,
 * in the consumer's transaction: the message leaves its queue and reaches DLQ together, or neither happens.
 */
@ApplicationScoped
public class DeadLetters {

    /** Why the message was rejected (set on messages a consumer refused; the broker's own dead letters lack it). */
    public static final String REASON_PROPERTY = "dead_letter_reason";
    /** The queue a rejected message came from. */
    public static final String ORIGIN_PROPERTY = "dead_letter_origin";

    private static final int MAX_REASON_LENGTH = 1000;

    @Inject
    @JMSConnectionFactory(Destinations.CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Destinations.DEAD_LETTER_QUEUE)
    Queue deadLetterQueue;

    public void reject(Message message, String origin, String reason) {
        try {
            JMSProducer producer = jms.createProducer();
            for (Object name : Collections.list(message.getPropertyNames())) {
                String property = (String) name;
                if (!property.startsWith("JMSX") && !property.startsWith("_AMQ")) {
                    producer.setProperty(property, message.getObjectProperty(property));
                }
            }
            String shortReason = reason == null ? "rejected" : reason.length() > MAX_REASON_LENGTH
                    ? reason.substring(0, MAX_REASON_LENGTH) : reason;
            producer.setJMSCorrelationID(message.getJMSCorrelationID())
                    .setProperty(REASON_PROPERTY, shortReason)
                    .setProperty(ORIGIN_PROPERTY, origin);
            producer.send(deadLetterQueue, message instanceof TextMessage text ? text.getText() : null);
        } catch (JMSException e) {
            throw new IllegalStateException("could not move a rejected message to the dead-letter queue", e);
        }
    }
}
