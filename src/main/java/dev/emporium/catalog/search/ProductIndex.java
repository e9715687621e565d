package dev.emporium.catalog.search;

import dev.emporium.catalog.Product;
import dev.emporium.catalog.ProductFilter;
import dev.emporium.catalog.ProductSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.query.SearchQuery;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Listings answered by the product index: the ids of one page, in the listing's order, and the exact number of
 * matches. Ranking follows the database's weights: a word in the name counts more than one in the description.
 */
@ApplicationScoped
public class ProductIndex {

    /** PostgreSQL ranks a name (weight A, 1.0) above a description (weight B, 0.4). */
    private static final float NAME_BOOST = 2.5f;
    /** The fields a search ranks, in a fixed order: the order of the clauses decides how their scores are summed. */
    private static final Map<String, Float> RANKED_FIELDS = rankedFields();

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    ProductIndexSync sync;

    private volatile Analyzer searchAnalyzer;

    /** One page's ids, the listing's exact number of matches, and the score of the page's last hit (NaN unless ranked). */
    public record Ids(List<UUID> ids, long total, float lastScore) {
    }

    /** Where a ranked search resumes: after the hit with this score and id (relevance order). */
    public record After(float score, UUID id) {
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

    /**
     * One page of the listing: the {@code limit} hits from {@code offset}, or, for a ranked search resuming from a
     * cursor, the {@code limit} hits after {@code after} (then the offset is only the page's number).
     */
    public Ids find(ProductFilter filter, UUID categoryId, int offset, int limit, After after) {
        // Parsed once: the count and the page share it.
        Query text = filter.search() == null || filter.search().isBlank() ? null : text(filter.search());
        boolean ranked = filter.sort() == null && text != null;
        SearchSession session = Search.session(em);
        long total = query(session, filter, categoryId, text, ranked, null, limit, true).fetchTotalHitCount();
        boolean resuming = ranked && after != null;
        // Collecting a page costs as many slots as its offset: past the last match only the count is wanted.
        if (offset >= total) {
            return new Ids(List.of(), total, Float.NaN);
        }
        int skipped = resuming ? 0 : offset;
        List<Hit> hits = query(session, filter, categoryId, text, ranked, resuming ? after : null, skipped + limit, false)
                .fetchHits(skipped, limit);
        List<UUID> ids = hits.stream().map(Hit::id).toList();
        float lastScore = ranked && !hits.isEmpty() ? hits.get(hits.size() - 1).score() : Float.NaN;
        return new Ids(ids, total, lastScore);
    }

    private record Hit(UUID id, float score) {
    }

    /** The listing's query; for a count, the search is not ranked, so that Lucene counts from its posting lists. */
    private SearchQuery<Hit> query(SearchSession session, ProductFilter filter, UUID categoryId, Query text,
                                   boolean ranked, After after, int collected, boolean counting) {
        boolean searching = text != null;
        return session.search(Product.class)
                .select(f -> f.composite().from(f.id(UUID.class), f.score()).as(Hit::new))
                .where(f -> {
                    BooleanPredicateClausesStep<?> all = f.bool();
                    if (searching) {
                        all.must(f.extension(LuceneExtension.get())
                                .fromLuceneQuery(ranked && !counting ? rankedAfter(text, after) : text));
                    } else {
                        all.must(f.matchAll());
                    }
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
                .totalHitCountThreshold(collected)
                .toQuery();
    }

    /** A search as a Lucene query of our own, parsed as the predicate DSL's simple query string parses it. */
    private Query text(String search) {
        SimpleQueryParser parser = new SimpleQueryParser(searchAnalyzer(), RANKED_FIELDS, SimpleQueryParser.OR_OPERATOR
                | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(WebSearchSyntax.toSimpleQueryString(search));
    }

    /**
     * The search ranked by relevance, always wrapped in {@link RankedAfter} (from the top when there is no cursor),
     * so that a page and the page resuming after it score every hit the same way, to the last bit.
     */
    private static Query rankedAfter(Query text, After after) {
        if (after == null) {
            return new RankedAfter(text, Float.POSITIVE_INFINITY, new MatchNoDocsQuery());
        }
        return new RankedAfter(text, after.score(), idBefore(after.id()));
    }

    /** Ids that sort after this one in descending order: (high, low) below its halves (ProductIndexMapping.UuidHalf). */
    private static Query idBefore(UUID id) {
        long high = ProductIndexMapping.UuidHalf.half(id, true);
        long low = ProductIndexMapping.UuidHalf.half(id, false);
        BooleanQuery.Builder before = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        if (high != Long.MIN_VALUE) {
            before.add(LongPoint.newRangeQuery(ProductFields.ID_HIGH, Long.MIN_VALUE, high - 1), BooleanClause.Occur.SHOULD);
        }
        if (low != Long.MIN_VALUE) {
            before.add(new BooleanQuery.Builder()
                    .add(LongPoint.newExactQuery(ProductFields.ID_HIGH, high), BooleanClause.Occur.FILTER)
                    .add(LongPoint.newRangeQuery(ProductFields.ID_LOW, Long.MIN_VALUE, low - 1), BooleanClause.Occur.FILTER)
                    .build(), BooleanClause.Occur.SHOULD);
        }
        return before.build();
    }

    private Analyzer searchAnalyzer() {
        Analyzer analyzer = searchAnalyzer;
        if (analyzer == null) {
            analyzer = Search.mapping(em.getEntityManagerFactory()).indexManager(ProductIndexMapping.INDEX)
                    .unwrap(LuceneIndexManager.class).searchAnalyzer();
            searchAnalyzer = analyzer;
        }
        return analyzer;
    }

    private static Map<String, Float> rankedFields() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(ProductFields.NAME, NAME_BOOST);
        fields.put(ProductFields.DESCRIPTION, 1f);
        return Collections.unmodifiableMap(fields);
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
