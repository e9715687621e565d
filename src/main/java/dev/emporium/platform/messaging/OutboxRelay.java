package dev.emporium.platform.messaging;

import io.opentelemetry.api.trace.Span;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes the outbox to the broker, oldest first: a batch is sent in one local JMS transaction, and its rows are
 * deleted only once the broker has committed it. A crash between the two sends the batch again, so delivery is at
 * least once; every consumer skips an event id it has handled. One relay works at a time across all replicas (a
 * transaction-scoped PostgreSQL advisory lock), which keeps messages in the order their changes committed.
 *
 * <p>Woken after every transaction that wrote to the outbox, and polling behind that, which also resends what a
 * crashed server or a broker outage left behind. Runs outside any JTA transaction: the database and the broker each
 * commit locally, and nothing is ever left in doubt between them.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    /** The advisory lock key of the relay ("emporium" in ASCII). */
    private static final long RELAY_LOCK = 0x656d706f7269756dL;

    @Resource(lookup = "jdbc/emporium")
    DataSource dataSource;

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    MessageTracing tracing;

    @Inject
    @ConfigProperty(name = "emporium.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @Inject
    @ConfigProperty(name = "emporium.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean wanted;
    private volatile boolean failing;
    private ScheduledFuture<?> poller;

    void start(@Observes Startup startup) {
        poller = executor.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }

    /** Something was committed to the outbox: relay it now rather than at the next poll. */
    public void wake() {
        wanted = true;
        if (!draining.get() && !failing) {
            submitDrain();
        }
    }

    /** Relays until the outbox is empty; one drain at a time in this server. */
    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            do {
                wanted = false;
                while (relayBatch() == batchSize) {
                    // a full batch: more may be waiting
                }
            } while (wanted);
            if (failing) {
                failing = false;
                LOG.info("Outbox relay: messages flow to the broker again");
            }
        } catch (SQLException | JMSException | RuntimeException e) {
            // Caught whatever it is: a periodic task that throws is never run again.
            reportFailure(e);
        } finally {
            draining.set(false);
        }
        if (wanted && !failing) {
            // A wake that came while this drain was finishing.
            submitDrain();
        }
    }

    private void submitDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The application is stopping: what is in the outbox leaves at the next start.
            LOG.fine("Outbox relay: not woken, the application is stopping");
        }
    }

    /** Sends one batch; the number of messages sent (0 when the outbox is empty or another replica relays). */
    private int relayBatch() throws SQLException, JMSException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                int sent = relayBatch(db);
                db.commit();
                return sent;
            } catch (SQLException | JMSException | RuntimeException e) {
                rollbackQuietly(db);
                throw e;
            }
        }
    }

    private int relayBatch(Connection db) throws SQLException, JMSException {
        if (!relayLock(db)) {
            return 0;
        }
        List<Row> rows = oldest(db);
        if (rows.isEmpty()) {
            return 0;
        }
        // The classic API: the adapter refuses a transacted JMSContext outside JTA, but honours AllowLocalTransactions
        // for a transacted Session.
        try (jakarta.jms.Connection broker = connectionFactory.createConnection();
             Session session = broker.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(null)) {
            List<Message> messages = new ArrayList<>(rows.size());
            for (Row row : rows) {
                messages.add(message(session, row));
            }
            Span sending = tracing.sending(messages);
            try {
                for (int i = 0; i < rows.size(); i++) {
                    producer.send(destination(session, rows.get(i).address()), messages.get(i), DeliveryMode.PERSISTENT,
                            Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
                }
                session.commit();
            } catch (JMSException | RuntimeException e) {
                MessageTracing.failed(sending, e);
                throw e;
            } finally {
                sending.end();
            }
        }
        delete(db, rows);
        return rows.size();
    }

    private static boolean relayLock(Connection db) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private List<Row> oldest(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT id, address, routing, body, properties::text,"
                + " correlation_id FROM outbox ORDER BY id LIMIT ?")) {
            select.setInt(1, batchSize);
            try (ResultSet result = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), new Address(result.getString(2),
                            Address.Routing.fromWireName(result.getString(3))), result.getString(4),
                            result.getString(5), result.getString(6)));
                }
                return rows;
            }
        }
    }

    private static TextMessage message(Session session, Row row) throws JMSException {
        TextMessage message = session.createTextMessage(row.body());
        message.setJMSCorrelationID(row.correlationId());
        MessageProperties.apply(row.properties(), message);
        return message;
    }

    private static Destination destination(Session session, Address address) throws JMSException {
        return address.routing() == Address.Routing.MULTICAST
                ? session.createTopic(address.name()) : session.createQueue(address.name());
    }

    private static void delete(Connection db, List<Row> rows) throws SQLException {
        Array ids = db.createArrayOf("bigint", rows.stream().map(Row::id).toArray());
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            delete.setArray(1, ids);
            delete.executeUpdate();
        } finally {
            ids.free();
        }
    }

    private static void rollbackQuietly(Connection db) {
        try {
            db.rollback();
        } catch (SQLException e) {
            // The connection is gone with the database; nothing was committed on it.
        }
    }

    private void reportFailure(Exception e) {
        if (!failing) {
            failing = true;
            LOG.log(Level.WARNING, "Outbox relay: cannot relay now (retrying every " + pollInterval.toMillis()
                    + " ms; messages wait in the outbox): " + e);
        } else {
            LOG.log(Level.FINE, "Outbox relay still failing", e);
        }
    }

    private record Row(long id, Address address, String body, String properties, String correlationId) {
    }
}
