package dev.emporium.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * The design the outbox replaced, kept so that the two can be measured side by side (docs/performance.md, "XA
 * against the outbox"): the message goes to the broker inside the caller's JTA transaction, which the adapter's
 * pooled connection joins as an XA branch, so the change and the message commit in two phases together. On only
 * with {@code EMPORIUM_MESSAGING_DELIVERY=xa} and an XA data source ({@code DB_DATASOURCE_TYPE=javax.sql.XADataSource}).
 */
@ApplicationScoped
class XaDelivery {

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Transactional(Transactional.TxType.MANDATORY)
    void send(OutgoingMessage message, Map<String, Object> properties) {
        try (JMSContext jms = connectionFactory.createContext()) {
            TextMessage sent = jms.createTextMessage(message.body());
            sent.setJMSCorrelationID(message.correlationId());
            MessageProperties.apply(properties, sent);
            Destination destination = message.address().routing() == Address.Routing.MULTICAST
                    ? jms.createTopic(message.address().name()) : jms.createQueue(message.address().name());
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(destination, sent);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
