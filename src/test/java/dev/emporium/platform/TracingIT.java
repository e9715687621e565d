package dev.emporium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Broker;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Orders;
import dev.emporium.testing.Poll;
import dev.emporium.testing.TraceCollector;
import dev.emporium.testing.TraceCollector.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Traces as an operator's tracing backend receives them: the test server exports over OTLP/HTTP to the receiver in
 * the test JVM (TraceCollector), and one placed order is followed from its HTTP request through the outbox and the
 * broker into OrderProcessingMdb and on to NotificationMdb and the status event, every hop the child of the one
 * before, with the database statements under the work that ran them and the correlation id on the spans.
 */
@ExtendWith(ArquillianExtension.class)
class TracingIT {

    private static final Duration EXPORTED = Duration.ofSeconds(30);
    private static final String DB_SYSTEM = "db.system.name";
    private static final String CORRELATION = "emporium.correlation_id";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Broker broker;

    @BeforeEach
    void connect() {
        broker = Broker.connect();
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void oneTraceFollowsAnOrderFromTheRequestThroughBothBeansAndTheEvent() {
        Account admin = Accounts.admin();
        Account customer = Accounts.newCustomer();
        String product = Catalog.newProduct(admin, Catalog.newCategory(admin), 5);
        // An integration team's subscription, made before the order exists.
        JMSConsumer events = broker.subscribe("emporium.orders.events");
        String requestId = "trace-" + UUID.randomUUID();

        Reply placed = api.call("POST", "/orders", Orders.body(product, 1, Orders.PAYS), customer.accessToken(),
                "X-Request-Id", requestId);
        assertEquals(201, placed.status(), placed.toString());
        String orderId = placed.string("order_id");
        Orders.awaitStatus(api, customer.accessToken(), orderId, "processing", EXPORTED);

        ReceivedSpan request = TraceCollector.await("the server span of POST /orders", EXPORTED,
                span -> span.kind() == SpanKind.SPAN_KIND_SERVER && requestId.equals(span.attribute(CORRELATION)));
        assertEquals("emporium", request.service());
        assertEquals("POST", request.attribute("http.request.method"), request.toString());
        assertTrue(request.name().startsWith("POST ") && request.name().endsWith("/orders"), request.name());
        String trace = request.traceId();

        ReceivedSpan placedCreated = awaitInTrace(trace, "emporium.orders.placed create", request);
        assertEquals(SpanKind.SPAN_KIND_PRODUCER, placedCreated.kind());
        assertEquals("emporium.orders.placed", placedCreated.attribute("messaging.destination.name"));
        awaitInTrace(trace, "INSERT outbox", placedCreated);
        ReceivedSpan orderInsert = awaitInTrace(trace, "INSERT orders", request);
        assertEquals("postgresql", orderInsert.attribute(DB_SYSTEM));
        assertTrue(orderInsert.attribute("db.query.text").toLowerCase().startsWith("insert into orders"), orderInsert.toString());

        // Across the broker: the bean's span is the child of the message's, in the same trace.
        ReceivedSpan processing = awaitInTrace(trace, "emporium.orders.placed process", placedCreated);
        assertEquals(SpanKind.SPAN_KIND_CONSUMER, processing.kind());
        assertEquals(requestId, processing.attribute(CORRELATION));
        assertEquals("order-processing", processing.attribute("messaging.consumer.group.name"));
        ReceivedSpan payment = awaitInTrace(trace, "OrderProcessingMdb handle", processing);
        ReceivedSpan paymentRow = awaitInTrace(trace, "INSERT payments", payment);
        assertEquals("postgresql", paymentRow.attribute(DB_SYSTEM));

        ReceivedSpan mailCreated = awaitInTrace(trace, "emporium.notifications create", payment);
        ReceivedSpan mailing = awaitInTrace(trace, "emporium.notifications process", mailCreated);
        assertEquals(requestId, mailing.attribute(CORRELATION));
        awaitInTrace(trace, "NotificationMdb handle", mailing);

        ReceivedSpan eventCreated = awaitInTrace(trace, "emporium.orders.events create", payment);
        assertEquals(requestId, eventCreated.attribute(CORRELATION));
        ReceivedSpan feed = awaitInTrace(trace, "emporium.orders.events process", eventCreated);
        assertEquals("order-events-feed", feed.attribute("messaging.consumer.group.name"));

        // The relay's sends are their own traces, linked to each message they carried.
        TraceCollector.await("the relay's send span linked to the placed-order message", EXPORTED,
                span -> span.name().equals("outbox send") && span.linkedSpanIds().contains(placedCreated.spanId()));

        // What an integration team's consumer receives carries the trace on.
        Message event = Broker.await(events, EXPORTED, m -> orderId.equals(Broker.property(m, "ce_subject"))
                && "processing".equals(Broker.json(m).getJsonObject("data").getString("status", "")));
        String traceparent = Broker.property(event, "traceparent");
        assertTrue(traceparent != null && traceparent.startsWith("00-" + trace + "-"), "traceparent " + traceparent);
        assertTrue(traceparent.endsWith("-01"), "sampled: " + traceparent);
        assertTrue(TraceCollector.trace(trace).stream().anyMatch(span -> traceparent.contains("-" + span.spanId() + "-")
                && span.name().equals("emporium.orders.events create")), "the event's context is its create span");
        // The tree as a tracing backend would draw it, in the test's report.
        System.out.println("Trace " + trace + " of order " + orderId + ":\n" + String.join("\n", tree(trace)));
    }

    @Test
    void aMessageFromAnotherSystemContinuesItsTraceAndItsDeadLetterStaysInIt() {
        String foreignTrace = hex(32);
        String foreignSpan = hex(16);
        String marker = "trace-poison-" + UUID.randomUUID();
        broker.send("emporium.orders.placed", "not an event at all", marker,
                Map.of("traceparent", "00-" + foreignTrace + "-" + foreignSpan + "-01"));

        ReceivedSpan processing = TraceCollector.await("the span of the foreign message's processing", EXPORTED,
                span -> span.traceId().equals(foreignTrace) && span.name().equals("emporium.orders.placed process"));
        assertEquals(foreignSpan, processing.parentSpanId());
        assertTrue(processing.failed(), "a message that cannot be processed marks its span failed");
        assertEquals(marker, processing.attribute(CORRELATION));

        ReceivedSpan deadLetter = awaitInTrace(foreignTrace, "DLQ create", processing);
        assertEquals("DLQ", deadLetter.attribute("messaging.destination.name"));
        // The broker's copy of the dead letter reaches DeadLetterWatchMdb, still in the same trace.
        awaitInTrace(foreignTrace, "emporium.dead-letters.watch process", deadLetter);
        Message dead = broker.awaitDeadLetter("JMSCorrelationID = '" + marker + "'", EXPORTED);
        assertTrue(Broker.property(dead, "traceparent").contains("-" + deadLetter.spanId() + "-"),
                "the dead letter carries its own creation context");
    }

    /** Waits for the span of that name in the trace whose parent is the given span. */
    private static ReceivedSpan awaitInTrace(String trace, String name, ReceivedSpan parent) {
        Predicate<ReceivedSpan> matches = span -> span.name().equals(name) && span.isChildOf(parent);
        try {
            return Poll.until(EXPORTED, "span \"" + name + "\" under \"" + parent.name() + "\" in trace " + trace,
                    () -> TraceCollector.trace(trace).stream().filter(matches).findFirst().orElse(null));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the trace has " + shape(trace), e);
        }
    }

    /** The spans of the trace indented under their parents, in the order they started. */
    private static List<String> tree(String trace) {
        List<ReceivedSpan> spans = TraceCollector.trace(trace).stream()
                .sorted(Comparator.comparingLong(ReceivedSpan::startNanos)).toList();
        List<String> lines = new ArrayList<>();
        spans.stream().filter(span -> spans.stream().noneMatch(span::isChildOf)).forEach(root -> draw(root, spans, "", lines));
        return lines;
    }

    private static void draw(ReceivedSpan span, List<ReceivedSpan> spans, String indent, List<String> lines) {
        lines.add("%s%s [%s, %.1f ms]".formatted(indent, span.name(), span.kind().name().replace("SPAN_KIND_", "").toLowerCase(),
                (span.endNanos() - span.startNanos()) / 1e6));
        spans.stream().filter(child -> child.isChildOf(span)).forEach(child -> draw(child, spans, indent + "  ", lines));
    }

    /** Each span of the trace as "name <- parent's name", for a failure's message. */
    private static List<String> shape(String trace) {
        List<ReceivedSpan> spans = TraceCollector.trace(trace);
        Map<String, String> names = spans.stream().collect(Collectors.toMap(ReceivedSpan::spanId, ReceivedSpan::name, (a, b) -> a));
        return spans.stream().map(span -> span.name() + " <- " + names.getOrDefault(span.parentSpanId(), span.parentSpanId())).toList();
    }

    private static String hex(int digits) {
        String random = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return random.substring(0, digits);
    }
}
