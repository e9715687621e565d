package dev.emporium.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * An OTLP/HTTP trace receiver in the test JVM, up for the whole integration-test run: the test server's exporter
 * (OTEL_EXPORTER_OTLP_ENDPOINT = it.otlp.port) sends every span here, as it would to an OpenTelemetry Collector.
 * Started when the JUnit launcher session opens, before the server, so that no export finds it missing. Keeps the
 * latest spans only; unit-test runs (no it.otlp.port) start nothing.
 */
public final class TraceCollector implements LauncherSessionListener {

    private static final int KEPT = 50_000;
    private static final HexFormat HEX = HexFormat.of();
    private static final ConcurrentLinkedDeque<ReceivedSpan> SPANS = new ConcurrentLinkedDeque<>();
    /** The deque's size, which the deque itself can only count by walking it. */
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static HttpServer server;

    /** A span as the exporter sent it; ids in lower-case hex, parent "" for a root. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                               Span.SpanKind kind, long startNanos, long endNanos, Map<String, String> attributes,
                               List<String> linkedSpanIds, boolean failed) {

        public String attribute(String name) {
            return attributes.get(name);
        }

        public boolean isChildOf(ReceivedSpan parent) {
            return traceId.equals(parent.traceId) && parentSpanId.equals(parent.spanId);
        }
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("it.otlp.port");
        if (port != null) {
            start(Integer.parseInt(port));
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (TraceCollector.class) {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
    }

    private static synchronized void start(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("no trace receiver on port " + port, e);
        }
        server.createContext("/v1/traces", TraceCollector::receiveTraces);
        // Metrics and logs are not exported in the tests' configuration; answer them all the same.
        server.createContext("/", exchange -> answer(exchange, 200, new byte[0]));
        server.start();
    }

    private static void receiveTraces(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = attributes(resourceSpans.getResource()).get("service.name");
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (Span span : scopeSpans.getSpansList()) {
                        keep(received(service, span));
                    }
                }
            }
            answer(exchange, 200, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
        }
    }

    private static void keep(ReceivedSpan span) {
        SPANS.addLast(span);
        if (COUNT.incrementAndGet() > KEPT && SPANS.pollFirst() != null) {
            COUNT.decrementAndGet();
        }
    }

    private static ReceivedSpan received(String service, Span span) {
        List<String> links = span.getLinksList().stream().map(link -> HEX.formatHex(link.getSpanId().toByteArray())).toList();
        return new ReceivedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
                HEX.formatHex(span.getSpanId().toByteArray()), HEX.formatHex(span.getParentSpanId().toByteArray()),
                span.getName(), span.getKind(), span.getStartTimeUnixNano(), span.getEndTimeUnixNano(),
                attributes(span.getAttributesList()), links,
                span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR);
    }

    private static Map<String, String> attributes(Resource resource) {
        return attributes(resource.getAttributesList());
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, a -> text(a.getValue()), (a, b) -> b));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The spans of one trace received so far. */
    public static List<ReceivedSpan> trace(String traceId) {
        return SPANS.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Waits for a span that matches, and returns it. */
    public static ReceivedSpan await(String what, Duration wait, Predicate<ReceivedSpan> matches) {
        return Poll.until(wait, what, () -> SPANS.stream().filter(matches).findFirst().orElse(null));
    }
}
