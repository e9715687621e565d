package dev.emporium.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the OpenTelemetry SDK off (Liberty's default until OTEL_SDK_DISABLED=false) the application gets a no-op
 * OpenTelemetry: messages carry no trace properties, and the work inside spans runs and fails exactly as without them.
 * (TracingIT shows the spans with the SDK on.)
 */
class MessageTracingOffTest {

    private final MessageTracing tracing = new MessageTracing();

    MessageTracingOffTest() {
        tracing.telemetry = OpenTelemetry.noop();
        tracing.tracer = OpenTelemetry.noop().getTracer("test");
    }

    @Test
    void messagesCarryNoTraceContext() {
        OutgoingMessage message = new OutgoingMessage(Destinations.ORDERS_PLACED, "{}", Map.of("ce_type", "t"), "c-1");
        Span created = tracing.creating(message);
        assertFalse(created.getSpanContext().isValid());
        assertEquals(Map.of("ce_type", "t"), tracing.withCurrentContext(message.properties()));
    }

    @Test
    void workInsideSpansRunsAndFailsAsItWould() {
        assertEquals("done", tracing.process(null, Destinations.ORDERS_PLACED, "order-processing", () -> "done"));
        IllegalStateException failure = new IllegalStateException("boom");
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> tracing.work("SomeMdb", () -> {
                    throw failure;
                })));
    }
}
