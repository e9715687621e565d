package dev.emporium.catalog;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.UUID;

/** A category as the API shows it; the tree is given by parent_id. */
@JsonbPropertyOrder({"id", "name", "slug", "description", "parentId"})
public record CategoryView(UUID id, String name, String slug, String description, UUID parentId) {

    public static CategoryView of(Category category) {
        return new CategoryView(category.getId(), category.getName(), category.getSlug(), category.getDescription(),
                category.getParent() == null ? null : category.getParent().getId());
    }
}
