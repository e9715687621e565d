package dev.emporium.platform.messaging;

import dev.emporium.platform.correlation.CorrelationId;
import dev.emporium.web.JsonMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.json.bind.Jsonb;

/**
 * Sends CloudEvents. The send joins the caller's JTA transaction (XA with the database): an event leaves if and only
 * if the change it describes commits. The JMS properties repeat the attributes consumers select on, and
 * JMSCorrelationID carries the correlation id of the request in hand.
 */
@ApplicationScoped
public class EventSender {

    /** JMS properties that repeat CloudEvents attributes, for selectors and for routing without parsing the body. */
    public static final String TYPE_PROPERTY = "ce_type";
    public static final String ID_PROPERTY = "ce_id";
    public static final String SUBJECT_PROPERTY = "ce_subject";

    private static final Jsonb JSONB = JsonMapping.create();

    @Inject
    @JMSConnectionFactory(Destinations.CONNECTION_FACTORY)
    JMSContext jms;

    @Inject
    CorrelationId correlationId;

    public <T> CloudEvent<T> send(Destination destination, String source, String type, String subject, T data) {
        CloudEvent<T> event = CloudEvent.of(source, type, subject, correlationId.value(), data);
        JMSProducer producer = jms.createProducer()
                .setJMSCorrelationID(event.correlationid())
                .setProperty(TYPE_PROPERTY, event.type())
                .setProperty(ID_PROPERTY, event.id());
        if (subject != null) {
            producer.setProperty(SUBJECT_PROPERTY, subject);
        }
        producer.send(destination, JSONB.toJson(event));
        return event;
    }
}
