package dev.emporium.platform.messaging;

import dev.emporium.platform.correlation.CorrelationId;
import dev.emporium.platform.json.JsonMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends CloudEvents through the {@link Outbox}: the event is written in the caller's transaction and leaves for the
 * broker once that commits. The JMS properties repeat the attributes consumers select on, and JMSCorrelationID
 * carries the correlation id of the request in hand.
 */
@ApplicationScoped
public class EventSender {

    /** JMS properties that repeat CloudEvents attributes, for selectors and for routing without parsing the body. */
    public static final String TYPE_PROPERTY = "ce_type";
    public static final String ID_PROPERTY = "ce_id";
    public static final String SUBJECT_PROPERTY = "ce_subject";

    private static final Jsonb JSONB = JsonMapping.create();

    @Inject
    Outbox outbox;

    @Inject
    CorrelationId correlationId;

    public <T> CloudEvent<T> send(Address address, String source, String type, String subject, T data) {
        CloudEvent<T> event = CloudEvent.of(source, type, subject, correlationId.value(), data);
        Map<String, Object> properties = new HashMap<>();
        properties.put(TYPE_PROPERTY, event.type());
        properties.put(ID_PROPERTY, event.id());
        if (subject != null) {
            properties.put(SUBJECT_PROPERTY, subject);
        }
        outbox.add(new OutgoingMessage(address, JSONB.toJson(event), properties, event.correlationid()));
        return event;
    }
}
