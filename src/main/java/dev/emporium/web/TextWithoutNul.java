package dev.emporium.web;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads every JSON string, refusing the NUL character (U+0000): PostgreSQL cannot store it in text, and a request
 * carrying one would otherwise fail at the database as a 500 (found by FuzzIT).
 */
final class TextWithoutNul implements JsonbDeserializer<String> {

    /** Refusal of a string holding U+0000; answered as 400 INVALID_BODY with this message. */
    static final class Refused extends JsonbException {
        Refused() {
            super("Text in the body may not contain the NUL character (\\u0000)");
        }
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonParser.Event event = parser.currentEvent();
        if (event == JsonParser.Event.VALUE_NULL) {
            return null;
        }
        if (event != JsonParser.Event.VALUE_STRING && event != JsonParser.Event.VALUE_NUMBER) {
            throw new JsonbException("expected text, found " + event);
        }
        String value = parser.getString();
        if (value.indexOf('\0') >= 0) {
            throw new Refused();
        }
        return value;
    }
}
