package dev.emporium.platform.messaging;

/**
 * A message that reached the dead-letter queue, as the watcher read it: fired once per dead letter, inside the
 * transaction that records it, for the domains to act on what it was about.
 *
 * @param type    the event type ("unknown" when the message did not say)
 * @param reason  why it died: the consumer's reason, or that the broker gave up redelivering it
 * @param subject what the event was about (the CloudEvent subject, or the order_id of its data), or null
 */
public record DeadLetter(String type, String reason, String subject) {
}
