package dev.emporium.platform.messaging;

import dev.emporium.platform.persistence.AfterCommit;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where every message Emporium sends starts: a row written in the caller's transaction, so that the message exists
 * if and only if the change it describes commits, with no second resource in that transaction. {@link OutboxRelay}
 * takes it to the broker once the transaction has committed (woken at once, and polling behind that). The row
 * carries the trace context of the message's creation ({@link MessageTracing}).
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = Outbox.class.getName() + ".wake";

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    AfterCommit afterCommit;

    @Inject
    MessageTracing tracing;

    @Inject
    XaDelivery xa;

    /** "outbox", or "xa" to measure the design the outbox replaced ({@link XaDelivery}). */
    @Inject
    @ConfigProperty(name = "emporium.messaging.delivery", defaultValue = "outbox")
    String delivery;

    /** A setting that is neither stops the start, rather than every message later. */
    void checkDelivery(@Observes Startup startup) {
        if (!delivery.equals("outbox") && !delivery.equals("xa")) {
            throw new IllegalStateException("emporium.messaging.delivery is \"" + delivery + "\": outbox or xa");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(OutgoingMessage message) {
        Span created = tracing.creating(message);
        try (Scope ignored = created.makeCurrent()) {
            if ("xa".equals(delivery)) {
                xa.send(message, tracing.withCurrentContext(message.properties()));
                return;
            }
            insert(message, tracing.withCurrentContext(message.properties()));
        } catch (RuntimeException e) {
            MessageTracing.failed(created, e);
            throw e;
        } finally {
            created.end();
        }
        wakeRelayOnCommit();
    }

    private void insert(OutgoingMessage message, Map<String, Object> properties) {
        em.createNativeQuery("INSERT INTO outbox (address, routing, body, properties, correlation_id)"
                        + " VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5)")
                .setParameter(1, message.address().name())
                .setParameter(2, message.address().routing().wireName())
                .setParameter(3, message.body())
                .setParameter(4, MessageProperties.toJson(properties))
                .setParameter(5, message.correlationId())
                .executeUpdate();
    }

    private void wakeRelayOnCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        afterCommit.run(relay::wake);
    }
}
