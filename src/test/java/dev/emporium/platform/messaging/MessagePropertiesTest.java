package dev.emporium.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePropertiesTest {

    /** A message that only records the properties set on it, by setter name. */
    private static Message recording(Map<String, Object> set) {
        return (Message) Proxy.newProxyInstance(Message.class.getClassLoader(), new Class<?>[] {Message.class},
                (proxy, method, arguments) -> {
                    if (method.getName().startsWith("set") && method.getName().endsWith("Property")) {
                        set.put(arguments[0] + ":" + method.getName(), arguments[1]);
                    }
                    return null;
                });
    }

    @Test
    void everyPropertyComesBackWithItsOwnType() throws JMSException {
        Map<String, Object> original = Map.of("ce_type", "dev.emporium.order.placed.v1", "flag", true, "b", (byte) 7,
                "s", (short) 300, "i", 70_000, "l", 7_000_000_000L, "f", 1.5f, "d", 2.25);
        Map<String, Object> set = new HashMap<>();
        MessageProperties.apply(MessageProperties.toJson(original), recording(set));
        assertEquals(Map.of("ce_type:setStringProperty", "dev.emporium.order.placed.v1", "flag:setBooleanProperty", true,
                "b:setByteProperty", (byte) 7, "s:setShortProperty", (short) 300, "i:setIntProperty", 70_000,
                "l:setLongProperty", 7_000_000_000L, "f:setFloatProperty", 1.5f, "d:setDoubleProperty", 2.25), set);
    }

    @Test
    void aValueJmsCannotCarryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MessageProperties.toJson(Map.of("when", new Object())));
    }
}
