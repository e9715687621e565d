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

    /** Where uploaded images are served (ImageResource); an uploaded image wins over an external image_url. */
    static final String IMAGE_PATH = "/api/v1/images/";

    public static ProductView of(Product p) {
        Category c = p.getCategory();
        String image = p.getImageKey() != null ? IMAGE_PATH + p.getImageKey() : p.getImageUrl();
        return new ProductView(p.getId(), p.getName(), p.getDescription(), p.getSku(), p.getPrice(), p.getCurrency(),
                p.getStock(), new CategoryRef(c.getId(), c.getName(), c.getSlug()), image, p.getCreatedAt(),
                p.getUpdatedAt());
    }
}
