package dev.emporium.platform.json;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;

/**
 * Reads String fields only from JSON strings: JSON-B would otherwise turn {@code 123} or {@code true} into "123" or
 * "true" and let, say, a refresh token of the wrong type fail later as an invalid token. Text holding the NUL
 * character is refused here, for every field alike (PostgreSQL cannot store it, and a password is no exception).
 */
final class StrictText extends StrictValue<String> {

    @Override
    String read(JsonValue value, Type type) {
        if (!(value instanceof JsonString text)) {
            throw new RefusedValue("must be a string");
        }
        String string = text.getString();
        if (string.indexOf('\u0000') >= 0) {
            throw new RefusedValue("must not contain the NUL character (\\u0000)");
        }
        return string;
    }
}
