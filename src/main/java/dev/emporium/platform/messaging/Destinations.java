package dev.emporium.platform.messaging;

/** JNDI names of the messaging resources that server.xml defines. */
public final class Destinations {

    public static final String CONNECTION_FACTORY = "jms/emporium";
    public static final String SYSTEM_PROBE_QUEUE = "jms/queue/systemProbe";

    private Destinations() {
    }
}
