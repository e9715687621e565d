package dev.emporium.catalog.search;

/** The names of the product index's fields, shared by its mapping and its queries. */
final class ProductFields {
    static final String ID_HIGH = "id_high";
    static final String ID_LOW = "id_low";
    static final String NAME = "name";
    static final String NAME_SORT = "name_sort";
    static final String DESCRIPTION = "description";
    static final String PRICE = "price";
    static final String STOCK = "stock";
    static final String CREATED_AT = "created_at";
    static final String CATEGORY = "category";

    private ProductFields() {
    }
}
