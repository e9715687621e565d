package dev.emporium.platform.messaging;

import dev.emporium.platform.persistence.RetentionSweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets which messages were handled once they are older than {@code EMPORIUM_RETENTION_PROCESSED_MESSAGES} (7
 * days): duplicates come from redeliveries and relay retries within minutes of the first delivery, so a week is far
 * beyond any duplicate's reach. The delete walks the processed_at index.
 */
@ApplicationScoped
public class ExpiredProcessedMessages implements RetentionSweep {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "emporium.retention.processed-messages", defaultValue = "P7D")
    Duration retention;

    @Override
    public String name() {
        return "processed-message records";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteBatch(int limit) {
        return RetentionSweep.deleteOlderThan(em, "processed_messages", "processed_at", retention, limit);
    }
}
