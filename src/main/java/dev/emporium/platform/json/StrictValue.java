package dev.emporium.platform.json;

import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * A JSON-B reader that takes a value exactly as documented or refuses it (RefusedValue), so that the error names
 * the field; null stays null.
 */
abstract class StrictValue<T> implements JsonbDeserializer<T> {

    @Override
    public final T deserialize(JsonParser parser, DeserializationContext context, Type type) {
        // getValue(), not currentEvent(): the parser JSON-B hands over does not support the latter.
        JsonValue value = parser.getValue();
        return value.getValueType() == JsonValue.ValueType.NULL ? null : read(value, type);
    }

    /** The value, or a RefusedValue saying what it must be. */
    abstract T read(JsonValue value, Type type);
}
