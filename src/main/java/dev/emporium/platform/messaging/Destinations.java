package dev.emporium.platform.messaging;

/** JNDI names of the messaging resources that server.xml defines, and the broker's names for the queues. */
public final class Destinations {

    public static final String CONNECTION_FACTORY = "jms/emporium";
    public static final String SYSTEM_PROBE_QUEUE = "jms/queue/systemProbe";
    public static final String ORDERS_PLACED_QUEUE = "jms/queue/ordersPlaced";
    public static final String ORDER_EVENTS_TOPIC = "jms/topic/orderEvents";
    public static final String NOTIFICATIONS_QUEUE = "jms/queue/notifications";
    public static final String DEAD_LETTER_QUEUE = "jms/queue/deadLetters";

    public static final String ORDERS_PLACED = "emporium.orders.placed";
    public static final String NOTIFICATIONS = "emporium.notifications";
    public static final String FULFILLMENT_UPDATES = "emporium.fulfillment.updates";

    private Destinations() {
    }
}
