package dev.emporium.platform.json;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * Reads UUIDs so that a malformed one fails as a JSON-B error of its property: JSON-B's own UUID reading fails
 * with an "internal error" that does not say which field was wrong.
 */
final class UuidText extends StrictValue<UUID> {

    @Override
    UUID read(JsonValue value, Type type) {
        if (value instanceof JsonString text) {
            try {
                return UUID.fromString(text.getString());
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw new RefusedValue("must be a UUID");
    }
}
