package dev.emporium.user;

import dev.emporium.platform.security.Caller;
import dev.emporium.platform.security.Role;
import dev.emporium.web.Acknowledgement;
import dev.emporium.web.Page;
import dev.emporium.web.PageRequest;
import dev.emporium.web.error.ApiError;
import dev.emporium.web.request.Callers;
import dev.emporium.web.request.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users")
@Tag(name = "users", description = "Accounts: customers act on themselves, admins on anyone")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.CUSTOMER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class UserResource {

    private static final String USER_EXAMPLE = "{\"id\": \"6f1c2a57-3f0e-4d7a-9c43-2b8e8f7e0a11\", \"username\": \"ada\", "
            + "\"email\": \"ada@example.com\", \"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"role\": \"CUSTOMER\", "
            + "\"active\": true, \"created_at\": \"2026-11-26T10:15:30Z\"}";

    @Inject
    UserService users;

    @Context
    SecurityContext security;

    @GET
    @Path("/me")
    @Operation(summary = "The caller's own account")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = UserView.class), examples = @ExampleObject(name = "user", value = USER_EXAMPLE)))
    public UserView me() {
        Caller caller = Callers.of(security);
        return UserView.of(users.visibleTo(caller, caller.userId()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One account (customers: only their own)")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = UserView.class), examples = @ExampleObject(name = "user", value = USER_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "USER_NOT_FOUND (also for another customer's account)", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public UserView get(@PathParam("id") UUID id) {
        return UserView.of(users.visibleTo(Callers.of(security), id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change username and e-mail")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = Acknowledgement.class), examples = @ExampleObject(name = "updated", value = "{\"message\": \"User updated successfully\", \"user_id\": \"6f1c2a57-3f0e-4d7a-9c43-2b8e8f7e0a11\"}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "USER_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "EMAIL_TAKEN or USERNAME_TAKEN", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @RequestBody(content = @Content(
            examples = @ExampleObject(name = "update", value = "{\"username\": \"ada\", \"email\": \"ada@example.com\"}")))
    public Acknowledgement update(@PathParam("id") UUID id, @Valid @NotNull UserUpdate update) {
        User user = users.update(Callers.of(security), id, update);
        return new Acknowledgement("User updated successfully", user.getId());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deactivate an account (soft delete); its sessions end")
    @APIResponse(responseCode = "200", description = "Deactivated",
            content = @Content(schema = @Schema(implementation = Acknowledgement.class), examples = @ExampleObject(name = "deactivated", value = "{\"message\": \"User deactivated successfully\"}")))
    @APIResponse(responseCode = "404", description = "USER_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Acknowledgement deactivate(@PathParam("id") UUID id) {
        users.deactivate(Callers.of(security), id);
        return new Acknowledgement("User deactivated successfully", null);
    }

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "All accounts, newest first, optionally searched by username or e-mail (ADMIN)")
    @APIResponse(responseCode = "200", description = "One page of accounts",
            content = @Content(schema = @Schema(ref = "UserPage"), examples = @ExampleObject(name = "page", value = "{\"data\": [" + USER_EXAMPLE + "], \"total\": 1, \"page\": 1, \"limit\": 10}")))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Page<UserView> list(@QueryParam("page") String page,
                               @QueryParam("offset") String offset,
                               @QueryParam("limit") String limit,
                               @QueryParam("search") @Size(max = 100) String search) {
        return users.list(PageRequest.of(page, offset, limit, 10, 100), search);
    }

    @PUT
    @Path("/{id}/role")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Make an account ADMIN or CUSTOMER (ADMIN); takes effect with the account's next access token")
    @APIResponse(responseCode = "200", description = "The account with its new role",
            content = @Content(schema = @Schema(implementation = UserView.class), examples = @ExampleObject(name = "promoted",
                    value = "{\"id\": \"6f1c2a57-3f0e-4d7a-9c43-2b8e8f7e0a11\", \"username\": \"ada\", \"email\": \"ada@example.com\", "
                            + "\"role\": \"ADMIN\", \"created_at\": \"2026-11-26T10:15:30Z\"}")))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "USER_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @RequestBody(content = @Content(
            examples = @ExampleObject(name = "promote", value = "{\"role\": \"ADMIN\"}")))
    public UserView changeRole(@PathParam("id") UUID id, @Valid @NotNull RoleChange change) {
        return UserView.of(users.changeRole(id, change.role()));
    }
}
