package dev.emporium.web;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * Reads UUIDs so that a malformed one fails as a JSON-B error of its property: JSON-B's own UUID reading fails
 * with an "internal error" that does not say which field was wrong.
 */
final class UuidText implements JsonbDeserializer<UUID> {

    @Override
    public UUID deserialize(JsonParser parser, DeserializationContext context, Type type) {
        // getValue(), not currentEvent(): the parser JSON-B hands over does not support the latter.
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            try {
                return UUID.fromString(text.getString());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new RefusedValue("must be a UUID");
    }
}
