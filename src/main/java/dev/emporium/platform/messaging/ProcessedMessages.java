package dev.emporium.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Which messages each consumer has handled. Recorded in the consumer's transaction, together with its effect: a
 * duplicate delivery, even one running side by side with the first, finds the id taken and changes nothing.
 */
@ApplicationScoped
public class ProcessedMessages {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    /** Claims the id for the consumer; false when it was claimed before (the insert waits for a concurrent claim). */
    public boolean firstTime(String consumer, String messageId) {
        return em.createNativeQuery(
                        "INSERT INTO processed_messages (consumer, message_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer).setParameter(2, messageId).executeUpdate() == 1;
    }
}
