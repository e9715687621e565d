package dev.emporium.platform.messaging;

import dev.emporium.platform.json.JsonP;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * JMS properties as the outbox stores them (a JSON object): a String as a JSON string, any other type as
 * {@code {"type": "int", "value": 5}}, so that a dead letter keeps the exact types of the original's properties.
 */
final class MessageProperties {

    /** The non-String types a JMS property may have, by the names the outbox stores. */
    private static final Map<Class<?>, String> TYPES = Map.of(Boolean.class, "boolean", Byte.class, "byte",
            Short.class, "short", Integer.class, "int", Long.class, "long", Float.class, "float", Double.class, "double");

    private MessageProperties() {
    }

    static String toJson(Map<String, Object> properties) {
        JsonObjectBuilder json = JsonP.PROVIDER.createObjectBuilder();
        properties.forEach((name, value) -> {
            if (value instanceof String text) {
                json.add(name, text);
            } else {
                json.add(name, typed(value));
            }
        });
        return json.build().toString();
    }

    /** Sets properties as the sender gave them (String or boxed primitives, as {@link #toJson} takes them). */
    static void apply(Map<String, Object> properties, Message message) throws JMSException {
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            message.setObjectProperty(property.getKey(), property.getValue());
        }
    }

    /** Sets the stored properties on a message. */
    static void apply(String stored, Message message) throws JMSException {
        JsonObject properties;
        try (var reader = JsonP.PROVIDER.createReader(new StringReader(stored))) {
            properties = reader.readObject();
        }
        for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
            String name = property.getKey();
            if (property.getValue() instanceof JsonString text) {
                message.setStringProperty(name, text.getString());
            } else {
                JsonObject typed = property.getValue().asJsonObject();
                JsonValue value = typed.get("value");
                switch (typed.getString("type")) {
                    case "boolean" -> message.setBooleanProperty(name, value == JsonValue.TRUE);
                    case "byte" -> message.setByteProperty(name, (byte) ((JsonNumber) value).intValueExact());
                    case "short" -> message.setShortProperty(name, (short) ((JsonNumber) value).intValueExact());
                    case "int" -> message.setIntProperty(name, ((JsonNumber) value).intValueExact());
                    case "long" -> message.setLongProperty(name, ((JsonNumber) value).longValueExact());
                    case "float" -> message.setFloatProperty(name, (float) ((JsonNumber) value).doubleValue());
                    case "double" -> message.setDoubleProperty(name, ((JsonNumber) value).doubleValue());
                    default -> throw new JMSException("outbox property " + name + " has an unknown type");
                }
            }
        }
    }

    private static JsonObject typed(Object value) {
        String type = TYPES.get(value.getClass());
        if (type == null) {
            throw new IllegalArgumentException("a JMS property cannot be a " + value.getClass().getName());
        }
        JsonValue json = value instanceof Boolean flag ? (flag ? JsonValue.TRUE : JsonValue.FALSE)
                : value instanceof Float || value instanceof Double ? JsonP.PROVIDER.createValue(((Number) value).doubleValue())
                : JsonP.PROVIDER.createValue(((Number) value).longValue());
        return JsonP.PROVIDER.createObjectBuilder().add("type", type).add("value", json).build();
    }
}
