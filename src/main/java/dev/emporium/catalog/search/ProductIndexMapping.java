package dev.emporium.catalog.search;

import dev.emporium.catalog.Category;
import dev.emporium.catalog.Product;
import java.util.UUID;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;

/**
 * What the product index holds: one document per listed product, with the fields a listing filters, sorts and
 * searches on. The rows a page shows are read from the database by id, so nothing displayed is stored here. Kept
 * apart from the entity so that the entity stays a plain mapping of its table.
 */
public class ProductIndexMapping implements HibernateOrmSearchMappingConfigurer {

    static final String INDEX = "products";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        TypeMappingStep product = context.programmaticMapping().type(Product.class);
        product.indexed().index(INDEX).routingBinder(new ListedOnly());
        // The id breaks ties in every order, as two numbers: comparing a keyword costs a term lookup per hit collected.
        product.property("id")
                .genericField(ProductFields.ID_HIGH).valueBridge(new UuidHalf(true)).sortable(Sortable.YES)
                .genericField(ProductFields.ID_LOW).valueBridge(new UuidHalf(false)).sortable(Sortable.YES);
        product.property("name")
                .fullTextField(ProductFields.NAME).analyzer(EnglishAnalysis.NAME)
                .keywordField(ProductFields.NAME_SORT).sortable(Sortable.YES);
        product.property("description").fullTextField(ProductFields.DESCRIPTION).analyzer(EnglishAnalysis.NAME);
        product.property("price").scaledNumberField(ProductFields.PRICE).decimalScale(2).sortable(Sortable.YES);
        product.property("stock").genericField(ProductFields.STOCK);
        product.property("createdAt").genericField(ProductFields.CREATED_AT).sortable(Sortable.YES);
        product.property("category").keywordField(ProductFields.CATEGORY).valueBridge(new CategoryId())
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
    }

    /** Archived products are not in the index: adding one removes its document. */
    static final class ListedOnly implements RoutingBinder {
        @Override
        public void bind(RoutingBindingContext context) {
            context.dependencies().use("archivedAt");
            context.bridge(Product.class, new RoutingBridge<>() {
                @Override
                public void route(DocumentRoutes routes, Object id, Product product, RoutingBridgeRouteContext c) {
                    if (product.getArchivedAt() == null) {
                        routes.addRoute();
                    } else {
                        routes.notIndexed();
                    }
                }

                @Override
                public void previousRoutes(DocumentRoutes routes, Object id, Product product,
                                           RoutingBridgeRouteContext c) {
                    routes.addRoute();
                }
            });
        }
    }

    /**
     * Half of a UUID as a signed number that sorts as PostgreSQL sorts uuids (byte by byte, unsigned): the sign bit
     * is flipped, so that (high, low) in numeric order is the database's order of ids.
     */
    static final class UuidHalf implements ValueBridge<UUID, Long> {
        private final boolean high;

        UuidHalf(boolean high) {
            this.high = high;
        }

        @Override
        public Long toIndexedValue(UUID id, ValueBridgeToIndexedValueContext context) {
            return half(id, high);
        }

        static long half(UUID id, boolean high) {
            return (high ? id.getMostSignificantBits() : id.getLeastSignificantBits()) ^ Long.MIN_VALUE;
        }
    }

    /** A product's category as its id: the filter a listing by category uses. */
    static final class CategoryId implements ValueBridge<Category, String> {
        @Override
        public String toIndexedValue(Category category, ValueBridgeToIndexedValueContext context) {
            return category == null ? null : category.getId().toString();
        }
    }
}
