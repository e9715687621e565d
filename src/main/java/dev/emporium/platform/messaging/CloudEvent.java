package dev.emporium.platform.messaging;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every event Emporium sends or takes: CloudEvents 1.0 in structured mode (the whole event is the
 * JSON body), so any consumer reads the same attributes whatever its protocol binding. {@code subject} is the id of
 * the order (or other thing) the event is about; {@code correlationid} is an extension attribute carrying the id of
 * the HTTP request the event follows from.
 */
@JsonbPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "correlationid", "data"})
public record CloudEvent<T>(String specversion, String id, String source, String type, String subject, Instant time,
                            String datacontenttype, String correlationid, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static <T> CloudEvent<T> of(String source, String type, String subject, String correlationId, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, Instant.now(), JSON,
                correlationId, data);
    }
}
