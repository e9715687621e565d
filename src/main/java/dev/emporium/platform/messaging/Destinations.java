package dev.emporium.platform.messaging;

/** The broker's addresses that Emporium uses, and the JNDI names of the messaging resources messaging.xml defines. */
public final class Destinations {

    public static final String CONNECTION_FACTORY = "jms/emporium";
    /** Unpooled, for the broker readiness check. */
    public static final String HEALTH_CONNECTION_FACTORY = "jms/emporiumHealth";
    /** Read by the broker readiness check, which browses it. */
    public static final String SYSTEM_PROBE_QUEUE = "jms/queue/systemProbe";

    public static final Address SYSTEM_PROBE = Address.queue("emporium.system.probe");
    public static final Address ORDERS_PLACED = Address.queue("emporium.orders.placed");
    public static final Address ORDER_EVENTS = Address.topic("emporium.orders.events");
    public static final Address NOTIFICATIONS = Address.queue("emporium.notifications");
    public static final Address FULFILLMENT_UPDATES = Address.queue("emporium.fulfillment.updates");
    /** A copy of every dead letter, for DeadLetterWatchMdb (broker.xml diverts it), so that DLQ keeps the original. */
    public static final Address DEAD_LETTER_WATCH = Address.queue("emporium.dead-letters.watch");
    public static final Address DEAD_LETTERS = Address.queue("DLQ");

    private Destinations() {
    }
}
