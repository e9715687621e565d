package dev.emporium.order;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.InvalidInput;
import dev.emporium.platform.security.Caller;
import dev.emporium.platform.security.Role;
import dev.emporium.web.Locations;
import dev.emporium.web.Page;
import dev.emporium.web.PageRequest;
import dev.emporium.web.error.ApiError;
import dev.emporium.web.request.Callers;
import dev.emporium.web.request.Ids;
import dev.emporium.web.request.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/orders")
@Tag(name = "orders", description = "Placing orders and following them")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.CUSTOMER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class OrderResource {

    @Inject
    OrderMetrics metrics;

    @Inject
    OrderService orders;

    @Inject
    Locations locations;

    @Inject
    OrderStreams streams;

    private static final String EXAMPLE = "{\"id\": \"ad126355-b4e2-41db-b71c-015884ad2dca\", \"user_id\": \"49d52bf0…\", "
            + "\"order_date\": \"2026-11-26T07:15:50.245Z\", \"total_amount\": 59.90, \"currency\": \"EUR\", "
            + "\"status\": \"processing\", \"shipping_address\": \"1 Main Street, Springfield\", \"tracking_number\": null, "
            + "\"items\": [{\"product_id\": \"f887cdde…\", \"name\": \"LED desk lamp\", \"quantity\": 1, \"unit_price\": 59.90, "
            + "\"line_total\": 59.90}], \"status_history\": [{\"status\": \"pending\", \"at\": \"2026-11-26T07:15:50.246Z\", "
            + "\"reason\": \"placed\"}, {\"status\": \"processing\", \"at\": \"2026-11-26T07:15:51.133Z\", "
            + "\"reason\": \"payment authorised (sim-ad126355…)\"}]}";

    /** Set on the answer to a POST whose Idempotency-Key placed the order in an earlier request. */
    static final String REPLAYED = "Idempotent-Replayed";

    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Place an order: stock is reserved at once; payment and the rest follow asynchronously")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "order", value = "{\"items\": [{\"product_id\": "
            + "\"0c5e…\", \"quantity\": 2}], \"shipping_address\": \"1 Main Street, Springfield\"}")))
    @APIResponse(responseCode = "201", description = "Placed (or, with a replayed Idempotency-Key, placed before: then"
            + " Idempotent-Replayed: true, and the status is the order's status now)",
            content = @Content(schema = @Schema(implementation = OrderPlaced.class), examples = @ExampleObject(name = "placed",
                    value = "{\"message\": \"Order placed successfully\", \"order_id\": \"5d2e…\", \"status\": \"pending\"}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (lines, quantities, products, currency)", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "OUT_OF_STOCK naming the product", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED with another body", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response place(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull PlaceOrderRequest request) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            metrics.placed(OrderMetrics.Placed.REJECTED);
            throw new InvalidInput("Idempotency-Key", "must be 1 to 255 characters");
        }
        OrderService.Placement placement;
        try {
            placement = orders.place(Callers.of(security).userId(), request, idempotencyKey);
        } catch (DomainException e) {
            metrics.placed(e.code() == ErrorCode.OUT_OF_STOCK ? OrderMetrics.Placed.OUT_OF_STOCK : OrderMetrics.Placed.REJECTED);
            throw e;
        }
        Response.ResponseBuilder created = locations.created("/orders/" + placement.order().orderId()).entity(placement.order());
        if (placement.replayed()) {
            metrics.replayed();
            return created.header(REPLAYED, "true").build();
        }
        metrics.placed(OrderMetrics.Placed.ACCEPTED);
        return created.build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order with its lines and status history (the owner's, or any for an admin)")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(schema = @Schema(implementation = OrderView.class), examples = @ExampleObject(name = "order", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND (also for another customer's order)", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public OrderView get(@PathParam("id") String id) {
        return orders.visibleTo(Callers.of(security), Ids.parse("id", id));
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow an order live: server-sent events (the owner's order, or any for an admin)",
            description = "An event named status at once and after every status change, its data the order as GET"
                    + " /orders/{id} shows it, its id the length of the status history; a comment line every 15 s"
                    + " while nothing happens. The stream stays open until the client closes it.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "status", value = "event: status\nid: 2\ndata: " + EXAMPLE + "\n\n")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: the id is not a UUID", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND (also for another customer's order)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many streams open for this account", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        streams.open(Callers.of(security), Ids.parse("id", id), sink, sse);
    }

    @GET
    @Operation(summary = "The caller's orders, newest first (admins: everyone's, or one user's with user_id;"
            + " attention=true: those whose processing failed for good and wait for an operator)")
    @APIResponse(responseCode = "200", description = "One page of orders", content = @Content(schema = @Schema(ref = "OrderPage"),
            examples = @ExampleObject(name = "page", value = "{\"data\": [" + EXAMPLE + "], \"total\": 1, \"page\": 1, \"limit\": 10}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Page<OrderView> list(@QueryParam("page") String page, @QueryParam("offset") String offset,
                                @QueryParam("limit") String limit,
                                @QueryParam("status") String status, @QueryParam("user_id") String userId,
                                @QueryParam("attention") String attention) {
        OrderStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = OrderStatus.fromWireName(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "is not an order status");
            }
        }
        return orders.list(Callers.of(security), PageRequest.of(page, offset, limit, 10, 100), wanted, userId == null ? null : Ids.parse("user_id", userId),
                QueryParams.flag("attention", attention));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a pending or processing order; its stock goes back")
    @APIResponse(responseCode = "200", description = "The cancelled order", content = @Content(schema = @Schema(implementation = OrderView.class),
            examples = @ExampleObject(name = "cancelled", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "ILLEGAL_TRANSITION: already shipped, delivered or ended", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public OrderView cancel(@PathParam("id") String id) {
        return orders.cancel(Callers.of(security), Ids.parse("id", id));
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Move an order along its lifecycle (ADMIN); shipped needs a tracking_number")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "ship", value = "{\"status\": \"shipped\", \"tracking_number\": \"1Z999\"}")))
    @APIResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderView.class),
            examples = @ExampleObject(name = "order", value = EXAMPLE)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "ILLEGAL_TRANSITION", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public OrderView changeStatus(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest change) {
        return orders.changeStatus(Ids.parse("id", id), OrderStatus.fromWireName(change.status()),
                change.trackingNumber(), change.reason());
    }

    @DELETE
    @Path("/{id}/attention")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Clear an order's attention flag once an operator has dealt with it (ADMIN)")
    @APIResponse(responseCode = "204", description = "Cleared")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public void clearAttention(@PathParam("id") String id) {
        orders.clearAttention(Ids.parse("id", id));
    }
}
