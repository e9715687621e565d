package dev.emporium.testing;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** The test service set's Artemis broker, reached from outside the server as an integration team would. */
public final class Broker implements AutoCloseable {

    private final ActiveMQConnectionFactory factory;
    private final JMSContext jms;

    private Broker() {
        factory = new ActiveMQConnectionFactory("tcp://" + System.getProperty("it.artemis.host", "127.0.0.1") + ":"
                + System.getProperty("it.artemis.port", "61636"), "emporium", "emporium");
        jms = factory.createContext();
    }

    public static Broker connect() {
        return new Broker();
    }

    /** A non-durable subscription to a multicast address (a topic), made now: it sees what is sent from now on. */
    public JMSConsumer subscribe(String address) {
        return jms.createConsumer(jms.createTopic(address));
    }

    /** Sends a text message to a queue, with JMSCorrelationID and string properties. */
    public void send(String queue, String body, String correlationId, Map<String, String> properties) {
        JMSProducer producer = jms.createProducer().setJMSCorrelationID(correlationId);
        properties.forEach(producer::setProperty);
        producer.send(jms.createQueue(queue), body);
    }

    /** Takes the dead letter the selector picks from DLQ, waiting for it to arrive. */
    public Message awaitDeadLetter(String selector, Duration wait) {
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue("DLQ"), selector)) {
            Message message = consumer.receive(wait.toMillis());
            if (message == null) {
                throw new AssertionError("no dead letter matching " + selector + " within " + wait);
            }
            return message;
        }
    }

    /** The first message on the consumer that the filter accepts, within the wait; fails the test otherwise. */
    public static Message await(JMSConsumer consumer, Duration wait, Predicate<Message> filter) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = consumer.receive(200);
            if (message != null && filter.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no matching message within " + wait);
    }

    public static String body(Message message) {
        try {
            return message.getBody(String.class);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(Message message) {
        try (var reader = Json.createReader(new StringReader(body(message)))) {
            return reader.readObject();
        }
    }

    public static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String correlationId(Message message) {
        try {
            return message.getJMSCorrelationID();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        jms.close();
        factory.close();
    }
}
