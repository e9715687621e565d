package dev.emporium.platform.messaging;

import java.util.Locale;

/**
 * A broker address and how it routes: anycast (a queue: one consumer takes each message) or multicast (a topic:
 * every subscription gets a copy). Outgoing messages name their address this way rather than by a JNDI object, so
 * that the outbox can store where a message goes.
 */
public record Address(String name, Routing routing) {

    public enum Routing {
        ANYCAST, MULTICAST;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Routing fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public static Address queue(String name) {
        return new Address(name, Routing.ANYCAST);
    }

    public static Address topic(String name) {
        return new Address(name, Routing.MULTICAST);
    }

    @Override
    public String toString() {
        return name;
    }
}
