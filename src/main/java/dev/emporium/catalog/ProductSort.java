package dev.emporium.catalog;

import dev.emporium.platform.error.InvalidInput;
import java.math.BigDecimal;
import java.time.Instant;


/** The orders a listing offers; each is backed by an index (V1 migration) and ends on id so pages are stable. */
public enum ProductSort {
    PRICE("price", "p.price", true),
    PRICE_DESC("-price", "p.price", false),
    NAME("name", "p.name", true),
    NEWEST("-created_at", "p.created_at", false);

    private final String parameter;
    private final String column;
    private final boolean ascending;

    ProductSort(String parameter, String column, boolean ascending) {
        this.parameter = parameter;
        this.column = column;
        this.ascending = ascending;
    }

    String orderBy() {
        String direction = ascending ? " ASC" : " DESC";
        return column + direction + ", p.id" + direction;
    }

    /** The rows after (:afterKey, :afterId) in this order: a row comparison that the order's index answers. */
    String after() {
        return "(" + column + ", p.id) " + (ascending ? ">" : "<") + " (:afterKey, :afterId)";
    }

    /** The sort column's value of a row, as a cursor keeps it. */
    String key(ProductView row) {
        return switch (this) {
            case PRICE, PRICE_DESC -> row.price().toPlainString();
            case NAME -> row.name();
            case NEWEST -> row.createdAt().toString();
        };
    }

    /** A value kept by {@link #key}, typed as the column is. */
    Object keyValue(String key) {
        return switch (this) {
            case PRICE, PRICE_DESC -> new BigDecimal(key);
            case NAME -> key;
            case NEWEST -> Instant.parse(key);
        };
    }

    /** The sort named by the query parameter; null means the default (relevance when searching, else newest). */
    static ProductSort parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (ProductSort sort : values()) {
            if (sort.parameter.equals(value)) {
                return sort;
            }
        }
        throw new InvalidInput("sort", "must be one of price, -price, name, -created_at");
    }
}
