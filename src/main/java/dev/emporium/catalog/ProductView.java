package dev.emporium.catalog;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A product as the API shows it. */
@JsonbPropertyOrder({"id", "name", "description", "sku", "price", "currency", "stock", "category", "imageUrl",
        "createdAt", "updatedAt"})
public record ProductView(UUID id, String name, String description, String sku, BigDecimal price, String currency,
                          int stock, CategoryRef category, @JsonbNillable String imageUrl, Instant createdAt, Instant updatedAt) {

    /** The product's category, in brief. */
    @JsonbPropertyOrder({"id", "name", "slug"})
    public record CategoryRef(UUID id, String name, String slug) {
    }

    public static ProductView of(Product p) {
        Category c = p.getCategory();
        return new ProductView(p.getId(), p.getName(), p.getDescription(), p.getSku(), p.getPrice(), p.getCurrency(),
                p.getStock(), new CategoryRef(c.getId(), c.getName(), c.getSlug()), p.getImageUrl(), p.getCreatedAt(),
                p.getUpdatedAt());
    }
}
