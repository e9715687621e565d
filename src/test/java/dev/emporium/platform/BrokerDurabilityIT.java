package dev.emporium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.emporium.testing.Services;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * The broker as ci/artemis.sh configures it keeps what it acknowledged: a persistent message survives a broker
 * restart. Talks to the broker directly, as an integration team's client would.
 */
class BrokerDurabilityIT {

    private static final String URL = "tcp://" + System.getProperty("it.artemis.host", "127.0.0.1") + ":"
            + System.getProperty("it.artemis.port", "61636");

    @Test
    void acknowledgedMessageSurvivesABrokerRestart() throws Exception {
        String marker = "durability-" + UUID.randomUUID();
        try (ActiveMQConnectionFactory factory = connectionFactory(); JMSContext context = factory.createContext()) {
            // ExpiryQueue has no consumer, so the message waits there untouched.
            Queue queue = context.createQueue("ExpiryQueue");
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setProperty("marker", marker)
                    .send(queue, "kept across restarts");
        }

        Services.broker("stop");
        Services.broker("start");

        try (ActiveMQConnectionFactory factory = connectionFactory(); JMSContext context = factory.createContext();
             JMSConsumer consumer = context.createConsumer(context.createQueue("ExpiryQueue"),
                     "marker = '" + marker + "'")) {
            Message message = consumer.receive(10_000);
            assertNotNull(message, "the message sent before the restart is still there");
            assertEquals("kept across restarts", message.getBody(String.class));
        }
    }

    private static ActiveMQConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(URL, System.getenv().getOrDefault("ARTEMIS_USER", "emporium"),
                System.getenv().getOrDefault("ARTEMIS_PASSWORD", "emporium"));
    }
}
