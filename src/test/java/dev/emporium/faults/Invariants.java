package dev.emporium.faults;

import dev.emporium.testing.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold after every fault, checked in SQL on the fault set's database, on its broker and in the mailbox:
 * nothing acknowledged is lost or doubled, stock adds up, money was taken once or not at all, and nothing is left
 * pending, prepared, queued or in flight.
 */
final class Invariants {

    /** One invariant's verdict, with what was found. */
    record Verdict(String name, boolean holds, String found) {
    }

    /** Where things stood when the scenario began. */
    record Before(Instant at, Map<String, Integer> stock, long deadLetters) {
    }

    private static final Pattern ORDER_IN_MAIL = Pattern.compile("Order ([0-9a-f-]{36})");

    private Invariants() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(FaultServices.DB_URL, "emporium", "emporium");
    }

    static Before before(List<String> products) throws Exception {
        try (Connection db = connect(); BrokerState broker = BrokerState.connect()) {
            Instant now;
            try (ResultSet result = db.createStatement().executeQuery("SELECT now()")) {
                result.next();
                now = result.getTimestamp(1).toInstant();
            }
            return new Before(now, stock(db, products), broker.messages("DLQ"));
        }
    }

    /** Null when everything has settled: no order of the scenario pending, the outbox and the queues empty. */
    static String unsettled(Before before) throws Exception {
        try (Connection db = connect(); BrokerState broker = BrokerState.connect()) {
            long pending = number(db, "SELECT count(*) FROM orders WHERE created_at >= ? AND status = 'pending'", at(before));
            long outbox = number(db, "SELECT count(*) FROM outbox");
            List<String> queues = broker.unfinished();
            if (pending == 0 && outbox == 0 && queues.isEmpty()) {
                return null;
            }
            return pending + " pending, " + outbox + " in the outbox, queues " + queues;
        }
    }

    static List<Verdict> check(Before before, OrderLoad load, long expectedDeadLetters) throws Exception {
        List<Verdict> verdicts = new ArrayList<>();
        try (Connection db = connect(); BrokerState broker = BrokerState.connect()) {
            Map<String, OrderLoad.Acknowledged> acknowledged = load.acknowledged();
            List<UUID> ids = acknowledged.values().stream().map(a -> UUID.fromString(a.orderId())).distinct().toList();

            verdicts.add(new Verdict("every request answered (no client gave up)",
                    acknowledged.size() + load.refusals().size() == load.total() && load.refusals().isEmpty(),
                    acknowledged.size() + " of " + load.total() + " acknowledged; refused: " + load.refusals()));
            long stored = number(db, "SELECT count(*) FROM orders WHERE id = ANY (?)", uuids(db, ids));
            long window = number(db, "SELECT count(*) FROM orders WHERE created_at >= ?", at(before));
            long keysToTheirOrder = number(db, "SELECT count(*) FROM order_idempotency_keys WHERE idempotency_key = ANY (?)"
                    + " AND order_id = ANY (?)", texts(db, new ArrayList<>(acknowledged.keySet())), uuids(db, ids));
            verdicts.add(new Verdict("every acknowledged order exists exactly once",
                    ids.size() == acknowledged.size() && stored == ids.size() && window == ids.size()
                            && keysToTheirOrder == acknowledged.size(),
                    acknowledged.size() + " keys acknowledged, " + ids.size() + " distinct orders, " + stored
                            + " of them stored, " + window + " orders made in the scenario"));

            Map<String, Integer> stockNow = stock(db, List.copyOf(before.stock().keySet()));
            Map<String, Integer> held = new HashMap<>();
            try (PreparedStatement statement = db.prepareStatement("SELECT i.product_id::text, sum(i.quantity) FROM"
                    + " order_items i JOIN orders o ON o.id = i.order_id WHERE o.created_at >= ?"
                    + " AND o.status NOT IN ('payment_failed', 'cancelled') GROUP BY 1")) {
                statement.setTimestamp(1, at(before));
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        held.put(result.getString(1), result.getInt(2));
                    }
                }
            }
            List<String> wrongStock = new ArrayList<>();
            before.stock().forEach((product, start) -> {
                int expected = start - held.getOrDefault(product, 0);
                if (stockNow.get(product) != expected) {
                    wrongStock.add(product + ": " + stockNow.get(product) + " instead of " + expected);
                }
            });
            verdicts.add(new Verdict("stock = start - what live orders hold", wrongStock.isEmpty(),
                    wrongStock.isEmpty() ? held.values().stream().mapToInt(Integer::intValue).sum() + " units held by "
                            + "live orders, every product adds up" : wrongStock.toString()));

            long paidWrongly = number(db, "SELECT count(*) FROM orders o WHERE o.created_at >= ? AND o.status = 'processing'"
                    + " AND (SELECT count(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'authorised') <> 1", at(before));
            long unpaidCharged = number(db, "SELECT count(*) FROM orders o JOIN payments p ON p.order_id = o.id WHERE"
                    + " o.created_at >= ? AND o.status <> 'processing' AND p.status = 'authorised'", at(before));
            long paid = number(db, "SELECT count(*) FROM orders WHERE created_at >= ? AND status = 'processing'", at(before));
            long failed = number(db, "SELECT count(*) FROM orders WHERE created_at >= ? AND status = 'payment_failed'", at(before));
            verdicts.add(new Verdict("one payment per paid order, none for unpaid", paidWrongly == 0 && unpaidCharged == 0,
                    paid + " paid with one authorised payment each, " + failed + " declined; " + paidWrongly
                            + " paid orders without exactly one payment, " + unpaidCharged + " unpaid orders charged"));

            // The simulated provider's own books: what it charged must be what the orders show, however often a
            // crash made the gateway be asked again under the same key.
            long paidWithoutTheirCharge = number(db, "SELECT count(*) FROM orders o JOIN payments p ON p.order_id = o.id"
                    + " WHERE o.created_at >= ? AND o.status = 'processing' AND NOT EXISTS (SELECT 1 FROM"
                    + " simulated_provider_charges c WHERE c.idempotency_key = o.id AND c.approved AND c.refunded_at IS NULL"
                    + " AND c.reference = p.reference)", at(before));
            long chargedUnpaid = number(db, "SELECT count(*) FROM simulated_provider_charges c JOIN orders o ON"
                    + " o.id = c.idempotency_key WHERE o.created_at >= ? AND c.approved AND c.refunded_at IS NULL"
                    + " AND o.status <> 'processing'", at(before));
            long pendingPayments = number(db, "SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id"
                    + " WHERE o.created_at >= ? AND p.status = 'pending'", at(before));
            long askedAgain = number(db, "SELECT count(*) FROM simulated_provider_charges c JOIN orders o ON"
                    + " o.id = c.idempotency_key WHERE o.created_at >= ? AND c.requests > 1", at(before));
            verdicts.add(new Verdict("the provider charged each paid order once and no other",
                    paidWithoutTheirCharge == 0 && chargedUnpaid == 0 && pendingPayments == 0,
                    paidWithoutTheirCharge + " paid orders without their charge, " + chargedUnpaid + " charges for unpaid"
                            + " orders, " + pendingPayments + " payments left pending; " + askedAgain
                            + " orders the gateway was asked for again"));

            long pending = number(db, "SELECT count(*) FROM orders WHERE created_at >= ? AND status = 'pending'", at(before));
            verdicts.add(new Verdict("no order left pending", pending == 0, pending + " pending"));

            long prepared = number(db, "SELECT count(*) FROM pg_prepared_xacts");
            verdicts.add(new Verdict("pg_prepared_xacts empty", prepared == 0, prepared + " prepared transactions"));

            long outbox = number(db, "SELECT count(*) FROM outbox");
            List<String> queues = broker.unfinished();
            verdicts.add(new Verdict("no message left in the outbox, in a queue or delivering", outbox == 0 && queues.isEmpty(),
                    outbox + " in the outbox; queues " + (queues.isEmpty() ? "all empty, nothing delivering" : queues)));

            long deadLetters = broker.messages("DLQ") - before.deadLetters();
            verdicts.add(new Verdict("dead letters only where expected", deadLetters == expectedDeadLetters,
                    deadLetters + " new in DLQ, " + expectedDeadLetters + " expected"
                            + (deadLetters == expectedDeadLetters ? "" : "; DLQ holds " + BrokerState.deadLetterKinds())));

            verdicts.add(mails(db, before));
        }
        return verdicts;
    }

    /** Each order that was paid or declined has had its mail (at least once; a repeat is counted, not failed). */
    private static Verdict mails(Connection db, Before before) throws SQLException {
        List<String> mailed = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("SELECT id::text FROM orders WHERE created_at >= ?"
                + " AND status IN ('processing', 'payment_failed')")) {
            statement.setTimestamp(1, at(before));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    mailed.add(result.getString(1));
                }
            }
        }
        Map<String, Integer> mails = new HashMap<>();
        for (MimeMessage message : Mailbox.all()) {
            Matcher order = ORDER_IN_MAIL.matcher(Mailbox.text(message));
            if (order.find()) {
                mails.merge(order.group(1), 1, Integer::sum);
            }
        }
        long missing = mailed.stream().filter(id -> !mails.containsKey(id)).count();
        long repeated = mailed.stream().filter(id -> mails.getOrDefault(id, 0) > 1).count();
        return new Verdict("every paid or declined order mailed", missing == 0,
                (mailed.size() - missing) + " of " + mailed.size() + " mailed; " + repeated + " mailed more than once"
                        + " (at least once by design)");
    }

    private static Map<String, Integer> stock(Connection db, List<String> products) throws SQLException {
        Map<String, Integer> stock = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement("SELECT id::text, stock FROM products WHERE id = ANY (?)")) {
            statement.setArray(1, uuids(db, products.stream().map(UUID::fromString).toList()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    stock.put(result.getString(1), result.getInt(2));
                }
            }
        }
        return stock;
    }

    private static long number(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static Timestamp at(Before before) {
        return Timestamp.from(before.at());
    }

    private static Array uuids(Connection db, List<UUID> ids) throws SQLException {
        return db.createArrayOf("uuid", ids.toArray());
    }

    private static Array texts(Connection db, List<String> values) throws SQLException {
        return db.createArrayOf("varchar", values.toArray());
    }
}
