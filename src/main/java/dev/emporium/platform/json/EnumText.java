package dev.emporium.platform.json;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads an enum field by its constant's name, for use with @JsonbTypeDeserializer: JSON-B's own reading fails on an
 * unknown name with an "internal error" that names neither the field nor the allowed values.
 */
public final class EnumText extends StrictValue<Enum<?>> {

    @Override
    Enum<?> read(JsonValue value, Type type) {
        Enum<?>[] constants = (Enum<?>[]) ((Class<?>) type).getEnumConstants();
        if (value instanceof JsonString text) {
            for (Enum<?> constant : constants) {
                if (constant.name().equals(text.getString())) {
                    return constant;
                }
            }
        }
        throw new RefusedValue("must be one of " + Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
