package dev.emporium.catalog;

import dev.emporium.platform.security.Role;
import dev.emporium.web.Acknowledgement;
import dev.emporium.web.Locations;
import dev.emporium.web.error.ApiError;
import dev.emporium.web.request.Ids;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/categories")
@Tag(name = "categories", description = "The category tree (parent_id)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private static final String EXAMPLE = "{\"id\": \"2b0d7c1e-8f61-4f5b-a3a4-3d2f4f0c9a10\", \"name\": \"Headphones\", "
            + "\"slug\": \"headphones\", \"description\": \"Over-ear, in-ear and wireless\", \"parent_id\": \"9e3c…\"}";
    private static final String WRITE_EXAMPLE = "{\"name\": \"Headphones\", \"slug\": \"headphones\", "
            + "\"description\": \"Over-ear, in-ear and wireless\", \"parent_id\": \"9e3c…\"}";

    @Inject
    CategoryService categories;

    @Inject
    Locations locations;

    @GET
    @PermitAll
    @Operation(summary = "All categories, each with its parent_id (null at the top)")
    @APIResponse(responseCode = "200", description = "The categories",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryView.class),
                    examples = @ExampleObject(name = "categories", value = "[" + EXAMPLE + "]")))
    public List<CategoryView> list() {
        return categories.all().stream().map(CategoryView::of).toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One category")
    @APIResponse(responseCode = "200", description = "The category",
            content = @Content(schema = @Schema(implementation = CategoryView.class), examples = @ExampleObject(name = "category", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "CATEGORY_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public CategoryView get(@PathParam("id") String id) {
        return CategoryView.of(categories.find(Ids.parse("id", id)));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a category (ADMIN)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "category", value = WRITE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = CategoryView.class), examples = @ExampleObject(name = "created", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "SLUG_TAKEN", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response create(@Valid @NotNull CategoryWrite write) {
        Category category = categories.create(write);
        return locations.created("/categories/" + category.getId())
                .entity(CategoryView.of(category)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Replace a category (ADMIN)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "category", value = WRITE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = CategoryView.class), examples = @ExampleObject(name = "updated", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "CATEGORY_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "SLUG_TAKEN", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public CategoryView update(@PathParam("id") String id, @Valid @NotNull CategoryWrite write) {
        return CategoryView.of(categories.update(Ids.parse("id", id), write));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete an empty category (ADMIN)")
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(schema = @Schema(implementation = Acknowledgement.class),
            examples = @ExampleObject(name = "deleted", value = "{\"message\": \"Category deleted successfully\"}")))
    @APIResponse(responseCode = "404", description = "CATEGORY_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "CATEGORY_NOT_EMPTY: it has products or sub-categories", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Acknowledgement delete(@PathParam("id") String id) {
        categories.delete(Ids.parse("id", id));
        return new Acknowledgement("Category deleted successfully", null);
    }
}
