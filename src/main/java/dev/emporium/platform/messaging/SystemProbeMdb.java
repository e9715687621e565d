package dev.emporium.platform.messaging;

import dev.emporium.web.JsonMapping;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.bind.Jsonb;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Records each probe it receives. The receive and the insert share one XA transaction (container-managed,
 * REQUIRED), so a failed insert puts the message back on the queue. A duplicate delivery finds the row already
 * there and changes nothing.
 */
@MessageDriven(name = "SystemProbeMdb")
public class SystemProbeMdb implements MessageListener {

    private static final Jsonb JSONB = JsonMapping.create();

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Override
    public void onMessage(Message message) {
        ProbeMessage probe = JSONB.fromJson(body(message), ProbeMessage.class);
        if (probe.probeId() == null || probe.sentAt() == null) {
            throw new IllegalArgumentException("probe message without probe_id or sent_at");
        }
        if (em.find(SystemProbe.class, probe.probeId()) == null) {
            em.persist(new SystemProbe(probe.probeId(), probe.sentAt(), Instant.now()));
        }
    }

    private static String body(Message message) {
        try {
            return message.getBody(String.class);
        } catch (JMSException e) {
            throw new IllegalArgumentException("probe message is not a text message", e);
        }
    }
}
