package dev.emporium.platform.messaging;

/**
 * A message that no number of retries would make processable (unreadable, of the wrong type, about an order that
 * does not exist, asking for an illegal change). Consumers move such a message to the dead-letter queue at once,
 * with this exception's message as the reason, instead of letting the broker redeliver it.
 */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String reason) {
        super(reason);
    }

    public InvalidMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
