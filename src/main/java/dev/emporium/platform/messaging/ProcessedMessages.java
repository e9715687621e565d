package dev.emporium.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Which messages each consumer has handled. Recorded in the transaction that makes the message's effect: a duplicate
 * delivery (the broker redelivers what a crash left unacknowledged, and the outbox may send a batch twice), even one
 * running side by side with the first, finds the id taken and changes nothing.
 */
@ApplicationScoped
public class ProcessedMessages {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    /**
     * Does the work in one database transaction with the record that the consumer has handled this message, unless
     * it had; true when the work ran. A message without an id is always worked on. Whatever the work throws rolls
     * both back, so the broker's redelivery finds the id free again.
     */
    @Transactional
    public boolean once(String consumer, String messageId, Runnable work) {
        if (messageId != null && !firstTime(consumer, messageId)) {
            return false;
        }
        work.run();
        return true;
    }

    /** Claims the id for the consumer; false when it was claimed before (the insert waits for a concurrent claim). */
    private boolean firstTime(String consumer, String messageId) {
        return em.createNativeQuery(
                        "INSERT INTO processed_messages (consumer, message_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer).setParameter(2, messageId).executeUpdate() == 1;
    }
}
