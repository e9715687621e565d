package dev.emporium.catalog;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.FieldIssue;
import dev.emporium.platform.error.InvalidInput;
import dev.emporium.platform.security.Role;
import dev.emporium.web.Acknowledgement;
import dev.emporium.web.Locations;
import dev.emporium.web.Page;
import dev.emporium.web.PageRequest;
import dev.emporium.web.error.ApiError;
import dev.emporium.web.request.Ids;
import dev.emporium.web.request.QueryParams;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/products")
@Tag(name = "products", description = "The catalog: public reads, admin writes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    static final String EXAMPLE = "{\"id\": \"0c5e…\", \"name\": \"Walnut standing desk\", \"description\": \"…\", "
            + "\"sku\": \"DEMO-HOME-001\", \"price\": 649.00, \"currency\": \"EUR\", \"stock\": 12, \"category\": "
            + "{\"id\": \"9e3c…\", \"name\": \"Home Office\", \"slug\": \"home-office\"}, \"image_url\": null, "
            + "\"created_at\": \"2026-11-26T10:15:30Z\", \"updated_at\": \"2026-11-26T10:15:30Z\"}";
    private static final String WRITE_EXAMPLE = "{\"name\": \"Walnut standing desk\", \"description\": \"Solid top\", "
            + "\"price\": 649.00, \"stock\": 12, \"category\": \"home-office\", \"sku\": \"DESK-WAL-01\", \"currency\": \"EUR\"}";
    /** Anonymous reads may be cached by browsers and CDNs for a minute; ETags make revalidation cheap. */
    private static final CacheControl PUBLIC = CacheControl.valueOf("public, max-age=60");

    @Inject
    ProductService products;

    @Inject
    CatalogCache cache;

    @Inject
    Locations locations;

    @Inject
    Validator validator;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest http;

    @GET
    @PermitAll
    @Operation(summary = "List products: filter, search (full text, ranked), sort, and page by number or by cursor",
            description = "Each page but the last carries next_cursor; sending it back as cursor (with the same filters"
                    + " and sort, without page or offset) gives the next page, which a ranked search and a listing in"
                    + " a column's order resume after the previous page's last row, however deep.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(ref = "ProductPage"),
                    examples = @ExampleObject(name = "page", value = "{\"data\": [" + EXAMPLE + "], \"total\": 45, \"page\": 1, \"limit\": 10}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: page, offset, limit, prices, category_id or sort out of range;"
            + " a cursor of another listing, or beside page or offset",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response list(@QueryParam("page") String page,
                         @QueryParam("offset") String offset,
                         @QueryParam("limit") String limit,
                         @QueryParam("category") @Size(max = 120) String category,
                         @QueryParam("category_id") String categoryId,
                         @QueryParam("search") @Size(max = 200) String search,
                         @QueryParam("min_price") String minPrice,
                         @QueryParam("max_price") String maxPrice,
                         @QueryParam("in_stock") String inStock,
                         @QueryParam("sort") String sort,
                         @QueryParam("cursor") @Size(max = 1000) String cursor) {
        BigDecimal min = QueryParams.amount("min_price", minPrice);
        BigDecimal max = QueryParams.amount("max_price", maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidInput("min_price", "must not be above max_price");
        }
        ProductFilter filter = new ProductFilter(category, categoryId == null ? null : Ids.parse("category_id", categoryId),
                search, min, max, QueryParams.flag("in_stock", inStock), ProductSort.parse(sort));
        ProductCursor after = ProductCursor.parse(cursor, filter);
        PageRequest slice = after == null ? PageRequest.of(page, offset, limit, 10, 100)
                : PageRequest.resuming(after.offset(), page, offset, limit, 10, 100);
        CatalogCache.Read<Page<ProductView>> result = cache.page(filter, slice, after);
        http.setAttribute(CatalogResponseCache.READ_STARTED, result.startedNanos());
        return cacheable(Response.ok(result.value())).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One product, with an ETag; If-None-Match answers 304 when unchanged")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(schema = @Schema(implementation = ProductView.class), examples = @ExampleObject(name = "product", value = EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "Malformed id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: If-Match given and not the current ETag", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response get(@PathParam("id") String id) {
        CatalogCache.Read<ListedProduct> read = cache.product(Ids.parse("id", id));
        ListedProduct product = read.value();
        http.setAttribute(CatalogResponseCache.READ_STARTED, read.startedNanos());
        EntityTag tag = etag(product.version());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            Response answer = cacheable(unchanged).tag(tag).build();
            // The runtime answers a failed If-Match with a bare 412; it is said in the error format instead.
            if (answer.getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
                throw new DomainException(ErrorCode.PRECONDITION_FAILED, "If-Match names no current version of this product",
                        List.of(new FieldIssue("If-Match", "does not match the current ETag " + tag)), null);
            }
            return answer;
        }
        return cacheable(Response.ok(product.view())).tag(tag).build();
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a product (ADMIN)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "product", value = WRITE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = ProductCreated.class),
                    examples = @ExampleObject(name = "created", value = "{\"message\": \"Product created successfully\", \"product_id\": \"0c5e…\"}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "SKU_TAKEN", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response create(@Valid @NotNull ProductWrite write) {
        Product product = products.create(write);
        return locations.created("/products/" + product.getId())
                .tag(etag(product))
                .entity(new ProductCreated("Product created successfully", product.getId())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Replace a product (ADMIN); If-Match with the ETag guards against lost updates")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "product", value = WRITE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(schema = @Schema(implementation = ProductView.class), examples = @ExampleObject(name = "product", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "SKU_TAKEN", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: changed since the ETag in If-Match", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull ProductWrite write) {
        Product product = products.replace(Ids.parse("id", id), expectedVersion(ifMatch), write);
        return Response.ok(ProductView.of(product)).tag(etag(product)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change some fields, e.g. price or stock (ADMIN); JSON merge patch; If-Match as for PUT")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "stock", value = "{\"stock\": 40}")))
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(schema = @Schema(implementation = ProductView.class), examples = @ExampleObject(name = "product", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull JsonObject patch) {
        UUID productId = Ids.parse("id", id);
        ProductWrite merged = ProductPatch.merge(products.find(productId), patch);
        Set<ConstraintViolation<ProductWrite>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Product product = products.replace(productId, expectedVersion(ifMatch), merged);
        return Response.ok(ProductView.of(product)).tag(etag(product)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Archive a product (ADMIN): it leaves listings; orders that have it still show it")
    @APIResponse(responseCode = "200", description = "Archived", content = @Content(schema = @Schema(implementation = Acknowledgement.class),
            examples = @ExampleObject(name = "archived", value = "{\"message\": \"Product archived successfully\"}")))
    @APIResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Acknowledgement archive(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        products.archive(Ids.parse("id", id), expectedVersion(ifMatch));
        return new Acknowledgement("Product archived successfully", null);
    }

    private Response.ResponseBuilder cacheable(Response.ResponseBuilder builder) {
        boolean anonymous = headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
        return builder.cacheControl(anonymous ? PUBLIC : CacheControl.valueOf("private, no-cache"));
    }

    private static EntityTag etag(Product product) {
        return etag(product.getVersion());
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match names ("3" or W/"3"); null without the header; * matches any. */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorCode.PRECONDITION_FAILED, "If-Match names no version of this product",
                    List.of(new FieldIssue("If-Match", "is not an ETag of this product")), null);
        }
    }
}
