package dev.emporium.platform.messaging;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every message Emporium sends: CloudEvents 1.0 in structured mode (the whole event is the JSON
 * body), so any consumer reads the same attributes whatever its protocol binding.
 */
@JsonbPropertyOrder({"specversion", "id", "source", "type", "time", "datacontenttype", "data"})
public record CloudEvent<T>(String specversion, String id, String source, String type, Instant time,
                            String datacontenttype, T data) {

    public static <T> CloudEvent<T> of(String source, String type, T data) {
        return new CloudEvent<>("1.0", UUID.randomUUID().toString(), source, type, Instant.now(), "application/json", data);
    }
}
