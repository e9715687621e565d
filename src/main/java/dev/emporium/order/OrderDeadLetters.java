package dev.emporium.order;

import dev.emporium.platform.messaging.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;

/** Flags the order a dead letter was about for an operator's attention, in the transaction that records the letter. */
@ApplicationScoped
public class OrderDeadLetters {

    private static final Logger LOG = Logger.getLogger(OrderDeadLetters.class.getName());

    @Inject
    OrderService orders;

    void flag(@Observes DeadLetter letter) {
        UUID order = orderOf(letter.subject());
        if (order != null && orders.markForAttention(order, letter.type() + " " + letter.reason())) {
            LOG.warning(() -> "Order " + order + " needs attention: " + letter.type() + " " + letter.reason());
        }
    }

    private static UUID orderOf(String subject) {
        if (subject == null) {
            return null;
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
