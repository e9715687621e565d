package dev.emporium.platform.messaging;

/** JNDI names of the messaging resources that server.xml defines. */
public final class Destinations {

    public static final String CONNECTION_FACTORY = "jms/emporium";
    public static final String SYSTEM_PROBE_QUEUE = "jms/queue/systemProbe";
    public static final String ORDERS_PLACED_QUEUE = "jms/queue/ordersPlaced";
    public static final String ORDER_EVENTS_TOPIC = "jms/topic/orderEvents";

    private Destinations() {
    }
}
