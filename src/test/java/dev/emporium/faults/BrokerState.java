package dev.emporium.faults;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** What the fault set's broker holds, read through its management API as an operator's console would. */
final class BrokerState implements AutoCloseable {

    /** The queues Emporium consumes: after recovery each must be empty, with nothing being delivered. */
    static final List<String> CONSUMED = List.of("emporium.orders.placed", "emporium.notifications",
            "emporium.fulfillment.updates", "emporium.dead-letters.watch", "emporium.system.probe");

    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private final ClientSession session;
    private final ClientRequestor requestor;

    private BrokerState() throws Exception {
        locator = ActiveMQClient.createServerLocator(FaultServices.BROKER_URL).setCallTimeout(5000);
        factory = locator.createSessionFactory();
        session = factory.createSession("emporium", "emporium", false, true, true, false, 1);
        requestor = new ClientRequestor(session, "activemq.management");
        session.start();
    }

    static BrokerState connect() throws Exception {
        return new BrokerState();
    }

    long messages(String queue) throws Exception {
        return attribute(queue, "messageCount");
    }

    long delivering(String queue) throws Exception {
        return attribute(queue, "deliveringCount");
    }

    private long attribute(String queue, String attribute) throws Exception {
        ClientMessage request = session.createMessage(false);
        ManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
        ClientMessage reply = requestor.request(request, 5000);
        if (reply == null || !ManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("the broker did not say the " + attribute + " of " + queue);
        }
        return ((Number) ManagementHelper.getResult(reply)).longValue();
    }

    /** Queues (of those Emporium consumes) that still hold or deliver something, as "queue: n + m delivering". */
    List<String> unfinished() throws Exception {
        List<String> busy = new ArrayList<>();
        for (String queue : CONSUMED) {
            long held = messages(queue);
            long delivering = delivering(queue);
            if (held > 0 || delivering > 0) {
                busy.add(queue + ": " + held + " held, " + delivering + " delivering");
            }
        }
        return busy;
    }

    /** Takes the dead letters the selector picks, to look at them (they leave DLQ). */
    static List<Message> takeDeadLetters(String selector) {
        List<Message> taken = new ArrayList<>();
        try (ActiveMQConnectionFactory jmsFactory = new ActiveMQConnectionFactory(FaultServices.BROKER_URL, "emporium", "emporium");
             JMSContext jms = jmsFactory.createContext();
             JMSConsumer consumer = jms.createConsumer(jms.createQueue("DLQ"), selector)) {
            Message message;
            while ((message = consumer.receive(1000)) != null) {
                taken.add(message);
            }
        }
        return taken;
    }

    /** What DLQ holds, as "origin (type): reason x n", read without taking anything: the why of a failed scenario. */
    static List<String> deadLetterKinds() throws JMSException {
        Map<String, Integer> kinds = new TreeMap<>();
        try (ActiveMQConnectionFactory jmsFactory = new ActiveMQConnectionFactory(FaultServices.BROKER_URL, "emporium", "emporium");
             JMSContext jms = jmsFactory.createContext();
             QueueBrowser browser = jms.createBrowser(jms.createQueue("DLQ"))) {
            Enumeration<?> letters = browser.getEnumeration();
            while (letters.hasMoreElements()) {
                Message letter = (Message) letters.nextElement();
                String origin = letter.getStringProperty("dead_letter_origin");
                String reason = letter.getStringProperty("dead_letter_reason");
                String kind = (origin != null ? origin : letter.getStringProperty("_AMQ_ORIG_ADDRESS"))
                        + " (" + letter.getStringProperty("ce_type") + "): "
                        + (reason != null ? reason : "moved by the broker after its last delivery");
                kinds.merge(kind, 1, Integer::sum);
            }
        }
        return kinds.entrySet().stream().map(kind -> kind.getKey() + " x " + kind.getValue()).toList();
    }

    @Override
    public void close() throws Exception {
        requestor.close();
        session.close();
        factory.close();
        locator.close();
    }
}
