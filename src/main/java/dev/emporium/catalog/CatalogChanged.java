package dev.emporium.catalog;

import java.util.Set;
import java.util.UUID;

/**
 * Fired inside the transaction that changes the catalog; the cache forgets what it read once that commits. An admin
 * edit names its product and may move it in any listing ({@code listings}); an order only moves stock, which listings
 * may show up to the cache's age late, so it names products alone.
 */
public record CatalogChanged(Set<UUID> products, boolean listings) {

    static CatalogChanged product(UUID id) {
        return new CatalogChanged(Set.of(id), true);
    }

    static CatalogChanged stockOf(Set<UUID> ids) {
        return new CatalogChanged(Set.copyOf(ids), false);
    }

    /** Categories appear in every product's view. */
    static CatalogChanged everything() {
        return new CatalogChanged(null, true);
    }

    boolean allProducts() {
        return products == null;
    }
}
