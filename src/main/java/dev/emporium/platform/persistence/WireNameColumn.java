package dev.emporium.platform.persistence;

import dev.emporium.platform.text.WireNamed;
import jakarta.persistence.AttributeConverter;

/**
 * Stores an enum as its wire name (payment_failed), the spelling the API, the messages and the tables share. JPA
 * finds a converter by its concrete types, so each such enum has a one-line subclass beside it.
 *
 * @param <E> the enum
 */
public abstract class WireNameColumn<E extends Enum<E> & WireNamed> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireNameColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wireName();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        // The tables' CHECK constraints allow only the wire names: anything else is a schema out of step with the code.
        return WireNamed.find(type, column)
                .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " is stored as " + column));
    }
}
