package dev.emporium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.catalog.Category;
import dev.emporium.catalog.Product;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.InServer;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** JPA through Hibernate on the Liberty data source: written, read back in a new persistence context, locked. */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inServer();
    }

    @Inject
    InServer server;

    @Test
    void productAndCategoryRoundTripThroughTheDatabase() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID productId = server.inTransaction(() -> {
            Category category = new Category("Round trip " + suffix, "round-trip-" + suffix, null);
            server.em().persist(category);
            Product product = new Product(category, "RT-" + suffix, "Walnut desk", new BigDecimal("249.90"), "EUR", 7);
            product.setDescription("Solid walnut, oiled");
            server.em().persist(product);
            return product.getId();
        });
        assertNotNull(productId, "the database-side UUID is assigned on persist");

        Product loaded = server.inTransaction(() -> {
            Product p = server.em().find(Product.class, productId);
            p.getCategory().getSlug();
            return p;
        });
        assertEquals("RT-" + suffix, loaded.getSku());
        assertEquals("Walnut desk", loaded.getName());
        assertEquals("Solid walnut, oiled", loaded.getDescription());
        assertEquals(0, new BigDecimal("249.90").compareTo(loaded.getPrice()));
        assertEquals("EUR", loaded.getCurrency());
        assertEquals(7, loaded.getStock());
        assertEquals("round-trip-" + suffix, loaded.getCategory().getSlug());
        assertNotNull(loaded.getCreatedAt());
        assertEquals(0, loaded.getVersion());

        long versionAfterUpdate = server.inTransaction(() -> {
            Product p = server.em().find(Product.class, productId);
            p.setStock(5);
            server.em().flush();
            return p.getVersion();
        });
        assertEquals(1, versionAfterUpdate, "each update bumps the optimistic-lock version");

        PersistenceException refused = assertThrows(PersistenceException.class, () -> server.inTransaction(() -> {
            Product p = server.em().find(Product.class, productId);
            p.setStock(-1);
            server.em().flush();
            return null;
        }));
        assertTrue(String.valueOf(rootMessage(refused)).contains("products_stock_non_negative"),
                "the database refuses negative stock: " + rootMessage(refused));
        assertEquals(5, server.inTransaction(() -> server.em().find(Product.class, productId).getStock()));

        server.inTransaction(() -> {
            Product p = server.em().find(Product.class, productId);
            server.em().remove(p);
            server.em().remove(p.getCategory());
            return null;
        });
        assertEquals(null, server.inTransaction(() -> server.em().find(Product.class, productId)));
    }

    private static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
