package dev.emporium.order;

import dev.emporium.notification.Notifications;
import dev.emporium.platform.messaging.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * emporium_dead_letters_total by event type, counted once the dead letter's record is committed (a redelivered copy
 * of the letter is not counted twice). The type label takes only the types Emporium knows, and "other", so
 * that senders cannot mint new series at will; each of those series exists from 0 at start, so that the alert's
 * increase() sees the very first dead letter of a replica.
 */
@ApplicationScoped
public class DeadLetterMetrics {

    private static final Metadata DEAD_LETTERS = Metadata.builder().withName("emporium.dead.letters")
            .withDescription("Messages that reached the dead-letter queue, by event type").build();
    private static final String OTHER = "other";
    private static final List<String> KNOWN_TYPES = List.of(OrderMessages.PLACED_TYPE, OrderMessages.STATUS_TYPE,
            Notifications.REQUESTED_TYPE, FulfillmentUpdateMdb.UPDATED_TYPE);

    @Inject
    MetricRegistry metrics;

    void register(@Observes Startup startup) {
        KNOWN_TYPES.forEach(type -> metrics.counter(DEAD_LETTERS, new Tag("type", type)));
        metrics.counter(DEAD_LETTERS, new Tag("type", OTHER));
    }

    void counted(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeadLetter letter) {
        metrics.counter(DEAD_LETTERS, new Tag("type", KNOWN_TYPES.contains(letter.type()) ? letter.type() : OTHER)).inc();
    }
}
