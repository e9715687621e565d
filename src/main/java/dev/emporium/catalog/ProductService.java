package dev.emporium.catalog;

import dev.emporium.catalog.search.ProductIndex;
import dev.emporium.platform.error.Conflict;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.InvalidInput;
import dev.emporium.platform.error.NotFound;
import dev.emporium.platform.error.PreconditionFailed;
import dev.emporium.web.Page;
import dev.emporium.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Products: listing with filters, search and pages; admin writes with optimistic locking. Stock set here is an
 * absolute value checked against the version the admin read; orders change stock with a relative, conditional
 * UPDATE (stock = stock - n WHERE stock >= n) that bumps the version, so neither overwrites the other silently.
 */
@ApplicationScoped
public class ProductService {

    /** The columns of a ProductView (see view(Object[])), from VIEW_FROM. */
    private static final String VIEW_COLUMNS = "SELECT p.id, p.name, p.description, p.sku, p.price, p.currency, p.stock,"
            + " coalesce('" + ProductView.IMAGE_PATH + "' || p.image_key, p.image_url), p.created_at, p.updated_at,"
            + " c.id AS cid, c.name AS cname, c.slug";
    private static final String VIEW_FROM = " FROM products p JOIN categories c ON c.id = p.category_id";

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    ProductIndex index;

    /** The currency of a product created without one. */
    @Inject
    @ConfigProperty(name = "emporium.store.currency", defaultValue = "EUR")
    String storeCurrency;

    @Inject
    Event<CatalogChanged> changes;

    /** A product that is listed (not archived), as the API shows it; empty when there is none. */
    public Optional<ListedProduct> findListed(UUID id) {
        return listed(id).map(ListedProduct::of);
    }

    /** A product that is listed (not archived). */
    public Product find(UUID id) {
        Product product = listed(id).orElseThrow(() -> new NotFound(ErrorCode.PRODUCT_NOT_FOUND, "No such product"));
        product.getCategory().getSlug();
        return product;
    }

    private Optional<Product> listed(UUID id) {
        return Optional.ofNullable(em.find(Product.class, id)).filter(product -> product.getArchivedAt() == null);
    }

    @Transactional
    public Product create(ProductWrite write) {
        String sku = write.sku();
        if (sku == null) {
            sku = freeGeneratedSku(write.name());
        } else {
            requireFreeSku(sku, null);
        }
        Product product = new Product(category(write), sku, write.name().strip(), write.price(),
                currency(write.currency() != null ? write.currency() : storeCurrency), write.stock());
        apply(product, write);
        em.persist(product);
        flush();
        changes.fire(CatalogChanged.product(product.getId()));
        return product;
    }

    /** Replaces every field, provided the product is still at the version the caller read (if it says). */
    @Transactional
    public Product replace(UUID id, Long expectedVersion, ProductWrite write) {
        Product product = find(id);
        requireVersion(product, expectedVersion);
        String sku = write.sku() != null ? write.sku() : product.getSku();
        requireFreeSku(sku, id);
        product.setCategory(category(write));
        product.setSku(sku);
        product.setName(write.name().strip());
        product.setPrice(write.price());
        product.setCurrency(currency(write.currency() != null ? write.currency() : product.getCurrency()));
        product.setStock(write.stock());
        apply(product, write);
        flush();
        changes.fire(CatalogChanged.product(id));
        return product;
    }

    @Transactional
    public Product setImage(UUID id, String key) {
        Product product = find(id);
        product.setImageKey(key);
        flush();
        changes.fire(CatalogChanged.product(id));
        return product;
    }

    /** Archives: gone from listings and from GET, still referenced by the orders that have it. */
    @Transactional
    public void archive(UUID id, Long expectedVersion) {
        Product product = find(id);
        requireVersion(product, expectedVersion);
        product.archive();
        flush();
        changes.fire(CatalogChanged.product(id));
    }

    /**
     * One page of listed products, from the offset asked for or from where a cursor of this listing says. Filters
     * apply to products alone (a category slug is resolved to its id first). The product index chooses the page and
     * counts the total of every listing the database has no index for (docs/catalog.md, "Search"); the rows
     * themselves are always read from the database. The page says where the next one starts ({@code next_cursor}).
     */
    public Page<ProductView> list(ProductFilter filter, PageRequest request, ProductCursor cursor) {
        UUID categoryId = filter.categoryId();
        if (filter.categorySlug() != null) {
            Optional<UUID> bySlug = em.createQuery("select c.id from Category c where c.slug = :slug", UUID.class)
                    .setParameter("slug", filter.categorySlug()).getResultStream().findFirst();
            if (bySlug.isEmpty() || (categoryId != null && !categoryId.equals(bySlug.get()))) {
                return request.of(List.of(), 0);
            }
            categoryId = bySlug.get();
        }
        if (!walksADatabaseIndex(filter, categoryId) && index.ready()) {
            return listFromIndex(filter, categoryId, request, cursor);
        }
        return listFromDatabase(filter, categoryId, request, cursor);
    }

    /** A ranked search resumes after the index's last hit; other index listings resume at the offset. */
    private Page<ProductView> listFromIndex(ProductFilter filter, UUID categoryId, PageRequest request, ProductCursor cursor) {
        ProductIndex.After after = cursor != null && cursor.resumesAfterScore()
                ? new ProductIndex.After(cursor.score(), cursor.lastId()) : null;
        ProductIndex.Ids page = index.find(filter, categoryId, request.offset(), request.limit(), after);
        int next = request.offset() + request.limit();
        ProductCursor nextCursor = null;
        if (next < page.total() && page.ids().size() == request.limit()) {
            UUID last = page.ids().get(page.ids().size() - 1);
            nextCursor = Float.isNaN(page.lastScore())
                    ? ProductCursor.atOffset(ProductCursor.Source.INDEX, next, filter)
                    : ProductCursor.afterScore(next, filter, page.lastScore(), last);
        }
        return request.of(views(page.ids()), page.total(), nextCursor == null ? null : nextCursor.encode());
    }

    /**
     * Whether PostgreSQL answers this listing by walking one of its indexes (V1 migration) and counts it from
     * category_product_counts: no search, no price or stock filter, and a category only in the newest order. It
     * does so faster than the product index, which visits every match to place a page (docs/performance.md).
     */
    private static boolean walksADatabaseIndex(ProductFilter filter, UUID categoryId) {
        boolean plain = (filter.search() == null || filter.search().isBlank()) && filter.minPrice() == null
                && filter.maxPrice() == null && !filter.inStockOnly();
        return plain && (categoryId == null || filter.sort() == null || filter.sort() == ProductSort.NEWEST);
    }

    /** The listed products among these ids, in their order: the index chose them, the database says what they are now. */
    private List<ProductView> views(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ProductView> byId = new HashMap<>();
        for (Object row : em.createNativeQuery(VIEW_COLUMNS + VIEW_FROM + " WHERE p.id IN (:ids) AND p.archived_at IS NULL")
                .setParameter("ids", ids).getResultList()) {
            ProductView view = view((Object[]) row);
            byId.put(view.id(), view);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The same listing answered by PostgreSQL alone: while the index is first built, or with it switched off. The
     * total of an unfiltered or category-only listing comes from category_product_counts (kept by triggers); other
     * totals are counted without a join.
     */
    private Page<ProductView> listFromDatabase(ProductFilter filter, UUID categoryId, PageRequest request,
                                               ProductCursor cursor) {
        StringBuilder where = new StringBuilder(" WHERE p.archived_at IS NULL");
        Map<String, Object> parameters = new LinkedHashMap<>();
        String search = "";
        String rank = "";
        if (filter.search() != null && !filter.search().isBlank()) {
            search = ", websearch_to_tsquery('english', :search) q";
            where.append(" AND p.search_vector @@ q");
            rank = ", ts_rank(p.search_vector, q) AS rank";
            parameters.put("search", filter.search().strip());
        }
        if (categoryId != null) {
            where.append(" AND p.category_id = :categoryId");
            parameters.put("categoryId", categoryId);
        }
        if (filter.minPrice() != null) {
            where.append(" AND p.price >= :minPrice");
            parameters.put("minPrice", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            where.append(" AND p.price <= :maxPrice");
            parameters.put("maxPrice", filter.maxPrice());
        }
        if (filter.inStockOnly()) {
            where.append(" AND p.stock > 0");
        }
        // A listing in a column's order resumes after the cursor's row (keyset); one ranked by ts_rank at the offset.
        ProductSort order = filter.sort() != null ? filter.sort() : rank.isEmpty() ? ProductSort.NEWEST : null;
        String orderBy = order != null ? order.orderBy() : "rank DESC, p.id DESC";
        boolean afterRow = order != null && cursor != null && cursor.resumesAfterKey();

        Query rows = em.createNativeQuery(VIEW_COLUMNS + rank + VIEW_FROM + search + where
                + (afterRow ? " AND " + order.after() : "") + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset");
        boolean byCategoryOnly = search.isEmpty() && filter.minPrice() == null && filter.maxPrice() == null
                && !filter.inStockOnly();
        Query count = byCategoryOnly
                ? em.createNativeQuery("SELECT coalesce(sum(listed), 0) FROM category_product_counts p"
                        + (categoryId == null ? "" : " WHERE p.category_id = :categoryId"))
                : em.createNativeQuery("SELECT count(*) FROM products p" + search + where);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            if (!byCategoryOnly || name.equals("categoryId")) {
                count.setParameter(name, value);
            }
        });
        if (afterRow) {
            rows.setParameter("afterKey", order.keyValue(cursor.key())).setParameter("afterId", cursor.lastId());
        }
        rows.setParameter("limit", request.limit()).setParameter("offset", afterRow ? 0L : (long) request.offset());
        List<ProductView> data = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            data.add(view((Object[]) row));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        int next = request.offset() + request.limit();
        ProductCursor nextCursor = null;
        if (next < total && data.size() == request.limit()) {
            ProductView last = data.get(data.size() - 1);
            nextCursor = order == null
                    ? ProductCursor.atOffset(ProductCursor.Source.DATABASE, next, filter)
                    : ProductCursor.afterKey(next, filter, order.key(last), last.id());
        }
        return request.of(data, total, nextCursor == null ? null : nextCursor.encode());
    }

    private static ProductView view(Object[] r) {
        return new ProductView((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4],
                ((String) r[5]).strip(), ((Number) r[6]).intValue(),
                new ProductView.CategoryRef((UUID) r[10], (String) r[11], (String) r[12]),
                (String) r[7], instant(r[8]), instant(r[9]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private void apply(Product product, ProductWrite write) {
        product.setDescription(write.description() == null ? "" : write.description());
        product.setImageUrl(write.imageUrl());
    }

    private Category category(ProductWrite write) {
        if (write.categoryId() != null) {
            Category category = em.find(Category.class, write.categoryId());
            if (category == null) {
                throw new InvalidInput("category_id", "no such category");
            }
            return category;
        }
        if (write.category() != null && !write.category().isBlank()) {
            return categoryBySlugOrName(write.category().strip());
        }
        throw new InvalidInput("category_id", "category_id or category (a slug or a name) is required");
    }

    /** The category with this slug, or else the one category with this name (in any case). */
    private Category categoryBySlugOrName(String category) {
        Optional<Category> bySlug = em.createQuery("select c from Category c where c.slug = :slug", Category.class)
                .setParameter("slug", category).getResultStream().findFirst();
        if (bySlug.isPresent()) {
            return bySlug.get();
        }
        List<Category> byName = em.createQuery("select c from Category c where lower(c.name) = lower(:name)", Category.class)
                .setParameter("name", category).setMaxResults(2).getResultList();
        if (byName.size() > 1) {
            throw new InvalidInput("category", "names more than one category: give its slug or category_id");
        }
        return byName.stream().findFirst().orElseThrow(() -> new InvalidInput("category", "no such category"));
    }

    /** A made-up SKU no product has; a clash of the random part is next to impossible, but is tried again. */
    private String freeGeneratedSku(String name) {
        for (int attempt = 0; attempt < 3; attempt++) {
            String sku = Skus.generate(name);
            if (em.createQuery("select count(p) from Product p where p.sku = :sku", Long.class)
                    .setParameter("sku", sku).getSingleResult() == 0) {
                return sku;
            }
        }
        throw new IllegalStateException("no free SKU after three random tries");
    }

    private static String currency(String code) {
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("currency", "is not an ISO 4217 currency code");
        }
    }

    private static void requireVersion(Product product, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != product.getVersion()) {
            throw preconditionFailed();
        }
    }

    private void requireFreeSku(String sku, UUID self) {
        List<UUID> owners = em.createQuery("select p.id from Product p where p.sku = :sku", UUID.class)
                .setParameter("sku", sku).getResultList();
        if (owners.stream().anyMatch(owner -> !owner.equals(self))) {
            throw new Conflict(ErrorCode.SKU_TAKEN, "Another product has this SKU", "sku");
        }
    }

    /** Flushes; a concurrent writer that got there first gives 412 (version) or 409 (SKU), not a 500. */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw preconditionFailed();
        } catch (PersistenceException e) {
            if (String.valueOf(e.getMessage()).contains("products_sku_key")
                    || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("products_sku_key"))) {
                throw new Conflict(ErrorCode.SKU_TAKEN, "Another product has this SKU", "sku");
            }
            throw e;
        }
    }

    private static PreconditionFailed preconditionFailed() {
        return new PreconditionFailed("The product changed since you read it; fetch it again and reapply your change");
    }

}
