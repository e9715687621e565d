package dev.emporium.platform.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum spelt on the wire and in the database by its lower-case name (payment_failed), the one spelling the API,
 * the messages and the tables share.
 */
public interface WireNamed {

    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of the enum with this wire name, if there is one. */
    static <E extends Enum<E> & WireNamed> Optional<E> find(Class<E> type, String wireName) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(wireName)).findFirst();
    }
}
