package dev.emporium.faults;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Every status-changed event published on emporium.orders.events while it is open, as an integration team's
 * subscriber receives them (a non-durable subscription of its own).
 */
final class OrderEventsTap implements AutoCloseable {

    /** One event: its CloudEvent id, the order and the status it moved to. */
    record Event(String id, String orderId, String status) {
    }

    private final ActiveMQConnectionFactory factory;
    private final JMSContext jms;
    private final JMSConsumer consumer;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> unreadable = new CopyOnWriteArrayList<>();

    OrderEventsTap() {
        factory = new ActiveMQConnectionFactory(FaultServices.BROKER_URL, "emporium", "emporium");
        jms = factory.createContext();
        consumer = jms.createConsumer(jms.createTopic("emporium.orders.events"));
        consumer.setMessageListener(message -> {
            try {
                JsonObject event = json(((TextMessage) message).getText());
                JsonObject data = event.getJsonObject("data");
                events.add(new Event(event.getString("id"), data.getString("order_id"), data.getString("status")));
            } catch (JMSException | RuntimeException e) {
                unreadable.add(e.toString());
            }
        });
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    @Override
    public void close() {
        consumer.close();
        jms.close();
        factory.close();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
