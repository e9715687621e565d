package dev.emporium.catalog;

import dev.emporium.platform.error.InvalidInput;


/** The orders a listing offers; each is backed by an index (V1 migration) and ends on id so pages are stable. */
public enum ProductSort {
    PRICE("price", "p.price ASC, p.id ASC"),
    PRICE_DESC("-price", "p.price DESC, p.id DESC"),
    NAME("name", "p.name ASC, p.id ASC"),
    NEWEST("-created_at", "p.created_at DESC, p.id DESC");

    private final String parameter;
    private final String orderBy;

    ProductSort(String parameter, String orderBy) {
        this.parameter = parameter;
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
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
