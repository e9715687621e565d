package dev.emporium.web;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads Integer fields exactly: JSON-B would otherwise take 1.5 as 1, "7" as 7 and 99999999999 as 1215752191
 * (its low 32 bits), so that a quantity or a stock could silently become another number.
 */
final class WholeNumber implements JsonbDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.bigIntegerValueExact().intValueExact();
            } catch (ArithmeticException e) {
                // reported below
            }
        }
        throw new RefusedValue("must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
    }
}
