package dev.emporium.platform.messaging;

import java.util.Map;

/**
 * A text message waiting in the outbox: where it goes, its body (null for a dead letter whose original had no
 * text), its JMS properties (String, Boolean or a number) and its JMSCorrelationID.
 */
public record OutgoingMessage(Address address, String body, Map<String, Object> properties, String correlationId) {

    public OutgoingMessage {
        properties = Map.copyOf(properties);
    }
}
