package dev.emporium.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/** What a product listing asks for: every field optional. */
public record ProductFilter(String categorySlug, UUID categoryId, String search, BigDecimal minPrice,
                            BigDecimal maxPrice, boolean inStockOnly, ProductSort sort) {
}
