package dev.emporium.platform.messaging;

import dev.emporium.platform.correlation.CorrelationId;
import dev.emporium.platform.correlation.LogCorrelation;
import dev.emporium.platform.json.JsonMapping;
import dev.emporium.platform.json.JsonNames;
import dev.emporium.platform.json.JsonP;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What every Emporium message-driven bean does around its own work: continue the message's trace (a "process" span,
 * and one for the bean's own work, see {@link MessageTracing}), adopt the message's correlation id, read and
 * check the CloudEvent (envelope and Bean Validation of its data), skip an event handled before, and move a message
 * that can never succeed to the dead-letter queue with the reason.
 *
 * <p>Messages are delivered outside any JTA transaction (NOT_SUPPORTED): the work, the record that the event was
 * handled and the messages it sends (through the outbox) commit together in one local database transaction, and the
 * adapter acknowledges the message after that. A crash in between makes the broker deliver it again, and the record
 * makes that delivery a no-op. Anything else thrown rolls the work back, and the broker redelivers with back-off.
 * (Delivery under XA is not used: Liberty cannot recover an in-doubt inbound branch of the Artemis adapter after a
 * crash, see docs/messaging.md.)
 *
 * @param <T> the type of the event's data
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class EventConsumer<T> implements MessageListener {

    private static final Jsonb JSONB = JsonMapping.create();
    private static final Logger LOG = Logger.getLogger(EventConsumer.class.getName());

    @Inject
    CorrelationId correlationId;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ProcessedMessages processedMessages;

    @Inject
    Validator validator;

    @Inject
    Deliveries deliveries;

    @Inject
    MessageTracing tracing;

    private final String consumer;
    private final Address queue;
    private final String eventType;
    private final Class<T> dataType;

    protected EventConsumer(String consumer, Address queue, String eventType, Class<T> dataType) {
        this.consumer = consumer;
        this.queue = queue;
        this.eventType = eventType;
        this.dataType = dataType;
    }

    /**
     * Does the work for one event, the first time it arrives, inside the local transaction that records it. Throws
     * InvalidMessageException for an event that can never be processed (what it changed is rolled back).
     */
    protected abstract void handle(CloudEvent<T> event);

    /**
     * Work that must not run inside a transaction (a call to a remote party that may be slow), done first and outside
     * it; returns the work to do inside the transaction that records the event handled, which may carry what the call
     * answered. By default there is nothing to do outside, and the work inside is {@link #handle}. A redelivered or
     * duplicate message runs it again, so it must be safe to repeat. Throws InvalidMessageException for an event that
     * can never be processed.
     */
    protected Runnable prepare(CloudEvent<T> event) {
        return () -> handle(event);
    }

    @Override
    public void onMessage(Message message) {
        deliveries.take(message, queue, consumer, () -> handleOrReject(message));
    }

    private ConsumerMetrics.Outcome handleOrReject(Message message) {
        LogCorrelation.begin(correlationId.adopt(correlationOf(message)));
        try {
            CloudEvent<T> event = read(message);
            tracing.work(getClass().getSimpleName(), () -> {
                processedMessages.once(consumer, event.id(), prepare(event));
            });
            return ConsumerMetrics.Outcome.HANDLED;
        } catch (InvalidMessageException e) {
            LOG.warning(() -> "Message from " + queue + " moved to the dead-letter queue: " + e.getMessage());
            Span.current().setStatus(StatusCode.ERROR, "moved to the dead-letter queue: " + e.getMessage());
            deadLetters.reject(consumer, message, queue.name(), e.getMessage());
            return ConsumerMetrics.Outcome.INVALID;
        } finally {
            LogCorrelation.end();
        }
    }

    private CloudEvent<T> read(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new InvalidMessageException("not a text message");
        }
        JsonObject envelope;
        try (var reader = JsonP.PROVIDER.createReader(new StringReader(bodyOf(text)))) {
            envelope = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidMessageException("body is not a JSON object");
        }
        String version = string(envelope, "specversion");
        if (!CloudEvent.SPEC_VERSION.equals(version)) {
            throw new InvalidMessageException("specversion must be " + CloudEvent.SPEC_VERSION + " (a CloudEvents 1.0 envelope)");
        }
        String id = required(envelope, "id");
        String source = required(envelope, "source");
        String type = required(envelope, "type");
        if (!eventType.equals(type)) {
            throw new InvalidMessageException("type must be " + eventType + " on " + queue + ", not " + type);
        }
        String contentType = string(envelope, "datacontenttype");
        if (contentType != null && !contentType.startsWith(CloudEvent.JSON)) {
            throw new InvalidMessageException("datacontenttype must be " + CloudEvent.JSON);
        }
        Instant time = instant(envelope);
        JsonValue data = envelope.get("data");
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidMessageException("data must be a JSON object");
        }
        T payload;
        try {
            payload = JSONB.fromJson(data.toString(), dataType);
        } catch (JsonbException e) {
            throw new InvalidMessageException("data does not match " + eventType + ": " + rootMessage(e));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new InvalidMessageException(violations.stream()
                    .map(v -> "data." + JsonNames.snakeCase(v.getPropertyPath().toString()) + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        return new CloudEvent<>(version, id, source, type, string(envelope, "subject"), time, contentType,
                string(envelope, "correlationid"), payload);
    }

    private static String bodyOf(TextMessage text) {
        try {
            String body = text.getText();
            if (body == null) {
                throw new InvalidMessageException("empty body");
            }
            return body;
        } catch (JMSException e) {
            throw new IllegalStateException("could not read a message body", e);
        }
    }

    private static String correlationOf(Message message) {
        try {
            return message.getJMSCorrelationID();
        } catch (JMSException e) {
            return null;
        }
    }

    private static String string(JsonObject envelope, String name) {
        JsonValue value = envelope.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidMessageException(name + " must be a string");
        }
        return envelope.getString(name);
    }

    private static String required(JsonObject envelope, String name) {
        String value = string(envelope, name);
        if (value == null || value.isBlank()) {
            throw new InvalidMessageException(name + " is required");
        }
        return value;
    }

    private static Instant instant(JsonObject envelope) {
        String time = string(envelope, "time");
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException("time must be an RFC 3339 timestamp");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
