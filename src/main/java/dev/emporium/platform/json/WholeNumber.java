package dev.emporium.platform.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;

/**
 * Reads Integer fields exactly: JSON-B would otherwise take 1.5 as 1, "7" as 7 and 99999999999 as 1215752191
 * (its low 32 bits), so that a quantity or a stock could silently become another number.
 */
final class WholeNumber extends StrictValue<Integer> {

    @Override
    Integer read(JsonValue value, Type type) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.bigIntegerValueExact().intValueExact();
            } catch (ArithmeticException e) {
                // refused below
            }
        }
        throw new RefusedValue("must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
    }
}
