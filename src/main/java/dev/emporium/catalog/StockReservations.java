package dev.emporium.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The catalog's side of an order: the price of each product as it is now, and its stock taken or given back, in the
 * caller's transaction. Stock changes are relative and conditional (stock = stock - n where stock >= n) and bump the
 * product's version, so they neither overwrite an admin's edit nor are overwritten by one; they lock products in
 * id order, so that two orders, or an order and a cancellation, never wait for each other in a cycle.
 */
@ApplicationScoped
public class StockReservations {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    Event<CatalogChanged> changes;

    /** What an order line keeps of a product: its name, price and currency when the order was placed. */
    public record PricedProduct(UUID id, String name, BigDecimal price, String currency) {
        public PricedProduct {
            currency = currency.strip();
        }
    }

    /** The products on sale among these, priced as they are now; a product not on sale is absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, PricedProduct> prices(Collection<UUID> productIds) {
        Map<UUID, PricedProduct> found = new HashMap<>();
        em.createQuery("select new dev.emporium.catalog.StockReservations$PricedProduct(p.id, p.name, p.price, p.currency)"
                        + " from Product p where p.id in :ids and p.archivedAt is null", PricedProduct.class)
                .setParameter("ids", productIds).getResultList().forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** Takes the quantities out of stock; OutOfStock for the first product short of them (the caller rolls back). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(Map<UUID, Integer> quantities) {
        new TreeMap<>(quantities).forEach((productId, quantity) -> {
            int updated = em.createNativeQuery("UPDATE products SET stock = stock - ?1, version = version + 1,"
                            + " updated_at = now() WHERE id = ?2 AND archived_at IS NULL AND stock >= ?1")
                    .setParameter(1, quantity).setParameter(2, productId).executeUpdate();
            if (updated == 0) {
                throw new OutOfStock(productId, nameOf(productId));
            }
        });
        changes.fire(CatalogChanged.stockOf(quantities.keySet()));
    }

    /** Gives the quantities back to stock (an order cancelled or unpaid), archived products included. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Map<UUID, Integer> quantities) {
        new TreeMap<>(quantities).forEach((productId, quantity) -> em.createNativeQuery(
                        "UPDATE products SET stock = stock + ?1, version = version + 1, updated_at = now() WHERE id = ?2")
                .setParameter(1, quantity).setParameter(2, productId).executeUpdate());
        changes.fire(CatalogChanged.stockOf(quantities.keySet()));
    }

    private String nameOf(UUID productId) {
        return em.createQuery("select p.name from Product p where p.id = :id", String.class)
                .setParameter("id", productId).getResultStream().findFirst().orElse(productId.toString());
    }
}
