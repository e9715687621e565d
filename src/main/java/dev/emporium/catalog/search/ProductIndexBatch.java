package dev.emporium.catalog.search;

import dev.emporium.catalog.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;

/** The database side of {@link ProductIndexSync}: reading the change stamps, and indexing products by id. */
@ApplicationScoped
public class ProductIndexBatch {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    /** A product row and the transaction that last changed it for the index. */
    public record Change(UUID id, long xid) {
    }

    /** The oldest transaction still running in the database cluster (every older one has ended). */
    @Transactional
    public long oldestRunningTransaction() {
        return Long.parseLong((String) em.createNativeQuery("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)")
                .getSingleResult());
    }

    /** Rows stamped at or after {@code watermark}, in stamp and id order, after the row {@code after} (if given). */
    @Transactional
    public List<Change> changesSince(long watermark, Change after, int limit) {
        // Ordered by the xid8 column itself, which the index serves: the text column beside it is named apart.
        Query query = em.createNativeQuery("SELECT p.id, CAST(p.search_xid AS text) AS stamp FROM products p"
                + " WHERE p.search_xid >= CAST(CAST(:watermark AS text) AS xid8)"
                + (after == null ? "" : " AND (p.search_xid, p.id) > (CAST(CAST(:afterXid AS text) AS xid8), :afterId)")
                + " ORDER BY p.search_xid, p.id LIMIT :limit");
        query.setParameter("watermark", Long.toString(watermark)).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("afterXid", Long.toString(after.xid())).setParameter("afterId", after.id());
        }
        List<Change> changes = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            changes.add(new Change((UUID) columns[0], Long.parseLong((String) columns[1])));
        }
        return changes;
    }

    /**
     * Writes these products to the index as they are now: archived or deleted ones are removed. While the index is
     * first built nothing waits for each batch to become searchable ({@link #refresh()} does once at the end);
     * afterwards each batch is searchable when this returns.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void index(List<UUID> ids, boolean building) {
        SearchSession search = Search.session(em);
        search.indexingPlanSynchronizationStrategy(building
                ? IndexingPlanSynchronizationStrategy.async() : IndexingPlanSynchronizationStrategy.readSync());
        SearchIndexingPlan plan = search.indexingPlan();
        Set<UUID> missing = new HashSet<>(ids);
        em.createQuery("select p from Product p join fetch p.category where p.id in :ids", Product.class)
                .setParameter("ids", ids).getResultList().forEach(product -> {
                    plan.addOrUpdate(product);
                    missing.remove(product.getId());
                });
        missing.forEach(id -> plan.purge(Product.class, id, null));
    }

    /** Makes everything indexed so far searchable. */
    public void refresh() {
        Search.mapping(em.getEntityManagerFactory()).scope(Product.class).workspace().refresh();
    }
}
