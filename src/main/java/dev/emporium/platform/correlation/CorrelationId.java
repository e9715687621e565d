package dev.emporium.platform.correlation;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties together an HTTP request and every message that follows from it. Set from the request's
 * X-Request-Id (or made up) at the edge, and from JMSCorrelationID when a message-driven bean takes a message
 * (CDI's request scope is active during message delivery), so that it travels on through every hop. It is also
 * put on the trace span in hand when it is adopted, so that a trace can be found from a log line and back.
 */
@RequestScoped
public class CorrelationId {

    /** The span attribute that carries the id. */
    public static final AttributeKey<String> SPAN_ATTRIBUTE = AttributeKey.stringKey("emporium.correlation_id");

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private String value;

    /** The id, made up the first time it is asked for when nothing set it. */
    public String value() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }

    /** Adopts the given id when it is well-formed; anything else is replaced by a fresh one. */
    public String adopt(String candidate) {
        value = isWellFormed(candidate) ? candidate : UUID.randomUUID().toString();
        Span.current().setAttribute(SPAN_ATTRIBUTE, value);
        return value;
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }
}
