package dev.emporium.platform.messaging;

import dev.emporium.platform.correlation.CorrelationId;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The spans of Emporium's messages, named and tagged as OpenTelemetry's messaging conventions say, and the W3C trace
 * context that links them across the broker. The context of a message is that of its "create" span, taken when the
 * outbox row is written and carried in the JMS properties {@code traceparent} and {@code tracestate}; the relay's
 * "send" span links to the messages it took, and a consumer's "process" span is the child of the message's context,
 * so that one trace runs from an HTTP request through every bean that its messages reach.
 *
 * <p>With the OpenTelemetry SDK off (Liberty's default) the tracer and the propagator do nothing, and no property is
 * written.
 */
@ApplicationScoped
public class MessageTracing {

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("messaging.message.conversation_id");
    private static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
    private static final String BROKER = "activemq";

    private static final TextMapSetter<Map<String, Object>> INTO_PROPERTIES = (properties, name, value) -> {
        if (properties != null) {
            properties.put(name, value);
        }
    };

    private static final TextMapGetter<Message> FROM_MESSAGE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Message message) {
            try {
                @SuppressWarnings("unchecked")
                List<String> names = Collections.list(message.getPropertyNames());
                return names;
            } catch (JMSException e) {
                return List.of();
            }
        }

        @Override
        public String get(Message message, String name) {
            try {
                return message == null ? null : message.getStringProperty(name);
            } catch (JMSException | RuntimeException e) {
                // A property of another type under the same name: no context to carry on.
                return null;
            }
        }
    };

    @Inject
    OpenTelemetry telemetry;

    @Inject
    Tracer tracer;

    /** Starts the span of a message written to the outbox, as a child of the work in hand. */
    Span creating(OutgoingMessage message) {
        return tracer.spanBuilder(message.address().name() + " create")
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, BROKER)
                .setAttribute(OPERATION, "create")
                .setAttribute(DESTINATION, message.address().name())
                .setAttribute(CONVERSATION_ID, message.correlationId())
                .setAttribute(CorrelationId.SPAN_ATTRIBUTE, message.correlationId())
                .startSpan();
    }

    /** The message's properties with the current context written into them (unchanged when tracing is off). */
    Map<String, Object> withCurrentContext(Map<String, Object> properties) {
        Map<String, Object> carried = new HashMap<>(properties);
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carried, INTO_PROPERTIES);
        return carried;
    }

    /**
     * Starts the span of the relay sending a batch to the broker: a trace of its own (the relay works for no one
     * request), linked to the context of every message in the batch.
     */
    Span sending(List<Message> batch) {
        SpanBuilder span = tracer.spanBuilder("outbox send")
                .setNoParent()
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, BROKER)
                .setAttribute(OPERATION, "send")
                .setAttribute(BATCH_SIZE, (long) batch.size());
        for (Message message : batch) {
            SpanContext created = Span.fromContext(contextOf(message)).getSpanContext();
            if (created.isValid()) {
                span.addLink(created);
            }
        }
        return span.startSpan();
    }

    /**
     * Runs a bean's handling of a message inside its "process" span, the child of the message's context; what the
     * work throws marks the span failed.
     */
    public <T> T process(Message message, Address queue, String consumer, Supplier<T> work) {
        Span span = tracer.spanBuilder(queue.name() + " process")
                .setParent(contextOf(message))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, BROKER)
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, queue.name())
                .setAttribute(CONSUMER, consumer)
                .setAttribute(MESSAGE_ID, property(message, EventSender.ID_PROPERTY))
                .startSpan();
        return inside(span, work);
    }

    /** Runs a bean's own work on a message in a span of its own, inside the processing span. */
    public void work(String bean, Runnable work) {
        inside(tracer.spanBuilder(bean + " handle").startSpan(), () -> {
            work.run();
            return null;
        });
    }

    private static <T> T inside(Span span, Supplier<T> work) {
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Marks a span as failed by what was thrown. */
    public static void failed(Span span, Throwable cause) {
        span.recordException(cause);
        span.setStatus(StatusCode.ERROR, cause.getClass().getSimpleName());
    }

    private Context contextOf(Message message) {
        return telemetry.getPropagators().getTextMapPropagator().extract(Context.root(), message, FROM_MESSAGE);
    }

    private static String property(Message message, String name) {
        return FROM_MESSAGE.get(message, name);
    }
}
