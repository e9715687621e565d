package dev.emporium.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.emporium.catalog.search.ProductIndex;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.NotFound;
import dev.emporium.web.Page;
import dev.emporium.web.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Product pages and listing pages as read from the database, kept in this replica's memory for at most
 * {@code emporium.catalog.cache.max-age} (1 s) counted from the moment the read began, so nothing is served older than
 * that, whichever replica made the change. Two layers share that bound: the values (for every caller) and the
 * anonymous answers made of them (CatalogResponseCache, which skips JAX-RS). A change committed through this replica
 * is forgotten at once: an admin edit drops the product and every listing, an order drops the products whose stock
 * it moved (listings keep showing the old stock until they age out). Orders themselves never read stock from here.
 */
@ApplicationScoped
public class CatalogCache {

    /** A value and when the database read that produced it began. */
    public record Read<V>(V value, long startedNanos) {
    }

    /** One listing page as a client asked for it. */
    private record ListingKey(ProductFilter filter, PageRequest page, ProductCursor cursor) {
    }

    @Inject
    ProductService products;

    @Inject
    ProductIndex index;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.max-age", defaultValue = "PT1S")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.max-products", defaultValue = "20000")
    long maxProducts;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.max-listings", defaultValue = "2000")
    long maxListings;

    private Cache<UUID, Read<Optional<ListedProduct>>> productValues;
    private Cache<ListingKey, Read<Page<ProductView>>> listingValues;
    private Cache<UUID, StoredResponse> productResponses;
    private Cache<String, StoredResponse> listingResponses;

    @PostConstruct
    void build() {
        productValues = bounded(maxProducts, (Read<Optional<ListedProduct>> read) -> read.startedNanos());
        listingValues = bounded(maxListings, (Read<Page<ProductView>> read) -> read.startedNanos());
        productResponses = bounded(maxProducts, StoredResponse::readStartedNanos);
        listingResponses = bounded(maxListings, StoredResponse::readStartedNanos);
    }

    /** A listed product; NotFound when there is none (remembered as briefly as a product, so probes of ids stay cheap). */
    public Read<ListedProduct> product(UUID id) {
        Read<Optional<ListedProduct>> read = productValues.get(id, key -> read(() -> products.findListed(key)));
        return new Read<>(read.value().orElseThrow(() -> new NotFound(ErrorCode.PRODUCT_NOT_FOUND, "No such product")),
                read.startedNanos());
    }

    /** A listing page; when the product index chose it, its age counts from the index's last catch-up, which is older than the read. */
    public Read<Page<ProductView>> page(ProductFilter filter, PageRequest request, ProductCursor cursor) {
        return listingValues.get(new ListingKey(filter, request, cursor), key -> {
            Read<Page<ProductView>> read = read(() -> products.list(filter, request, cursor));
            return new Read<>(read.value(), Math.min(read.startedNanos(), index.asOfNanos()));
        });
    }

    StoredResponse productResponse(UUID id) {
        return productResponses.getIfPresent(id);
    }

    void keepProductResponse(UUID id, StoredResponse response) {
        productResponses.put(id, response);
    }

    StoredResponse listingResponse(String query) {
        return listingResponses.getIfPresent(query);
    }

    void keepListingResponse(String query, StoredResponse response) {
        listingResponses.put(query, response);
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        if (change.allProducts()) {
            productValues.invalidateAll();
            productResponses.invalidateAll();
        } else {
            productValues.invalidateAll(change.products());
            productResponses.invalidateAll(change.products());
        }
        if (change.listings()) {
            listingValues.invalidateAll();
            listingResponses.invalidateAll();
        }
    }

    void registerMetrics(@Observes Startup startup) {
        gauges("product_values", productValues);
        gauges("listing_values", listingValues);
        gauges("product_responses", productResponses);
        gauges("listing_responses", listingResponses);
    }

    private void gauges(String cache, Cache<?, ?> entries) {
        Tag tag = new Tag("cache", cache);
        gauge("emporium.catalog.cache.hits", "Catalog reads answered from this replica's cache", entries, CacheStats::hitCount, tag);
        gauge("emporium.catalog.cache.misses", "Catalog reads not found in this replica's cache", entries, CacheStats::missCount, tag);
        gauge("emporium.catalog.cache.evictions", "Catalog cache entries dropped for room", entries, CacheStats::evictionCount, tag);
    }

    private void gauge(String name, String description, Cache<?, ?> entries, ToLongFunction<CacheStats> stat, Tag tag) {
        metrics.gauge(Metadata.builder().withName(name).withDescription(description).build(), entries,
                cache -> stat.applyAsLong(cache.stats()), tag);
    }

    private static <V> Read<V> read(Supplier<V> value) {
        long started = System.nanoTime();
        return new Read<>(value.get(), started);
    }

    private <K, V> Cache<K, V> bounded(long maxEntries, ToLongFunction<V> readStarted) {
        return Caffeine.newBuilder().maximumSize(maxEntries).expireAfter(new AgeFromRead<K, V>(readStarted))
                .recordStats().build();
    }

    /** An entry lives max-age from when its read began, so a read that overlapped a commit elsewhere is not kept longer. */
    private final class AgeFromRead<K, V> implements Expiry<K, V> {
        private final ToLongFunction<V> readStarted;

        AgeFromRead(ToLongFunction<V> readStarted) {
            this.readStarted = readStarted;
        }

        @Override
        public long expireAfterCreate(K key, V entry, long currentTime) {
            return Math.max(0, maxAge.toNanos() - (System.nanoTime() - readStarted.applyAsLong(entry)));
        }

        @Override
        public long expireAfterUpdate(K key, V entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(K key, V entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
