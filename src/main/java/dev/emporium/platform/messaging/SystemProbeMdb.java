package dev.emporium.platform.messaging;

import dev.emporium.platform.json.JsonMapping;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.bind.Jsonb;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Records each probe it receives, once (by probe id), in a local transaction; the adapter acknowledges the message
 * after it commits. A probe that cannot be read throws, so the broker redelivers it with back-off and finally moves
 * it to DLQ, which the tests use to prove that path.
 */
@MessageDriven(name = "SystemProbeMdb")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SystemProbeMdb implements MessageListener {

    private static final Jsonb JSONB = JsonMapping.create();

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    ProcessedMessages processedMessages;

    @Override
    public void onMessage(Message message) {
        ProbeMessage probe = JSONB.fromJson(body(message), ProbeMessage.class);
        if (probe.probeId() == null || probe.sentAt() == null) {
            throw new IllegalArgumentException("probe message without probe_id or sent_at");
        }
        processedMessages.once("system-probe", probe.probeId().toString(),
                () -> em.persist(new SystemProbe(probe.probeId(), probe.sentAt(), Instant.now())));
    }

    private static String body(Message message) {
        try {
            return message.getBody(String.class);
        } catch (JMSException e) {
            throw new IllegalArgumentException("probe message is not a text message", e);
        }
    }
}
