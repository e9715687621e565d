package dev.emporium.catalog.search;

import dev.emporium.catalog.Product;
import dev.emporium.catalog.ProductFilter;
import dev.emporium.catalog.ProductSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchQuery;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;

/**
 * Listings answered by the product index: the ids of one page, in the listing's order, and the exact number of
 * matches. Ranking follows the database's weights: a word in the name counts more than one in the description.
 */
@ApplicationScoped
public class ProductIndex {

    /** PostgreSQL ranks a name (weight A, 1.0) above a description (weight B, 0.4). */
    private static final float NAME_BOOST = 2.5f;

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    ProductIndexSync sync;

    public record Ids(List<UUID> ids, long total) {
    }

    /** Whether listings are answered from the index: it is built, and not further behind the database than allowed. */
    public boolean ready() {
        return sync.answering();
    }

    /**
     * Since when (System.nanoTime()) the index has held every committed change; a page it chose is as old as that,
     * which the catalog cache counts its age from. Long.MAX_VALUE while listings are not answered from it.
     */
    public long asOfNanos() {
        return ready() ? sync.caughtUpNanos() : Long.MAX_VALUE;
    }

    public Ids find(ProductFilter filter, UUID categoryId, int offset, int limit) {
        boolean searching = filter.search() != null && !filter.search().isBlank();
        SearchQuery<UUID> query = Search.session(em).search(Product.class)
                .select(f -> f.id(UUID.class))
                .where(f -> {
                    BooleanPredicateClausesStep<?> all = f.bool();
                    all.must(searching ? text(f, filter.search()) : f.matchAll());
                    if (categoryId != null) {
                        // The field holds the category's id as text (ProductIndexMapping.CategoryId), not a Category.
                        all.filter(f.match().field(ProductFields.CATEGORY).matching(categoryId.toString(), ValueModel.INDEX));
                    }
                    if (filter.minPrice() != null) {
                        all.filter(f.range().field(ProductFields.PRICE).atLeast(filter.minPrice()));
                    }
                    if (filter.maxPrice() != null) {
                        all.filter(f.range().field(ProductFields.PRICE).atMost(filter.maxPrice()));
                    }
                    if (filter.inStockOnly()) {
                        all.filter(f.range().field(ProductFields.STOCK).greaterThan(0));
                    }
                    return all;
                })
                .sort(f -> order(f, filter.sort(), searching))
                // The page is collected without counting every match, which lets Lucene skip documents that cannot
                // reach it; the exact total is a count of its own, which Lucene answers from its posting lists.
                .totalHitCountThreshold((long) offset + limit)
                .toQuery();
        long total = query.fetchTotalHitCount();
        // Collecting a page costs as many slots as its offset: past the last match only the count is wanted.
        List<UUID> ids = offset >= total ? List.of() : query.fetchHits(offset, limit);
        return new Ids(ids, total);
    }

    private static PredicateFinalStep text(SearchPredicateFactory f, String search) {
        return f.simpleQueryString()
                .field(ProductFields.NAME).boost(NAME_BOOST)
                .field(ProductFields.DESCRIPTION)
                .matching(WebSearchSyntax.toSimpleQueryString(search))
                .defaultOperator(BooleanOperator.AND)
                .flags(SimpleQueryFlag.OR, SimpleQueryFlag.NOT, SimpleQueryFlag.PHRASE, SimpleQueryFlag.WHITESPACE);
    }

    /** The same orders as the database's listing (ProductSort), each ending on the id so that pages are stable. */
    private static SortFinalStep order(SearchSortFactory f, ProductSort sort, boolean searching) {
        if (sort == null) {
            return searching ? byId(f.score().then(), false) : byId(f.field(ProductFields.CREATED_AT).desc().then(), false);
        }
        return switch (sort) {
            case PRICE -> byId(f.field(ProductFields.PRICE).asc().then(), true);
            case PRICE_DESC -> byId(f.field(ProductFields.PRICE).desc().then(), false);
            case NAME -> byId(f.field(ProductFields.NAME_SORT).asc().then(), true);
            case NEWEST -> byId(f.field(ProductFields.CREATED_AT).desc().then(), false);
        };
    }

    private static SortFinalStep byId(SearchSortFactory then, boolean ascending) {
        return ascending
                ? then.field(ProductFields.ID_HIGH).asc().then().field(ProductFields.ID_LOW).asc()
                : then.field(ProductFields.ID_HIGH).desc().then().field(ProductFields.ID_LOW).desc();
    }
}
