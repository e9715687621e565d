package dev.emporium.auth;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.InvalidInput;
import dev.emporium.platform.security.Role;
import dev.emporium.user.User;
import dev.emporium.web.Acknowledgement;
import dev.emporium.web.error.ApiError;
import dev.emporium.web.error.DomainExceptionMapper;
import dev.emporium.web.request.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/auth")
@Tag(name = "auth", description = "Registration, login and tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final String TOKENS =
            "{\"access_token\": \"eyJ...\", \"refresh_token\": \"Qm9v...\", \"token_type\": \"Bearer\", \"expires_in\": 900}";

    private static final String SESSION_HEADER = "\"cookie\" from a web page: the refresh token travels in the HttpOnly"
            + " cookie emporium_refresh (Path=/api/v1/auth, SameSite=Strict) instead of the body (docs/storefront.md)";

    @Inject
    AuthService auth;

    @Inject
    Validator validator;


    @POST
    @Path("/register")
    @PermitAll
    @Operation(summary = "Register a customer account")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "register",
            value = "{\"username\": \"ada\", \"email\": \"ada@example.com\", \"password\": \"correct horse battery\","
                    + " \"first_name\": \"Ada\", \"last_name\": \"Lovelace\"}")))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = Acknowledgement.class), examples = @ExampleObject(name = "registered",
                    value = "{\"message\": \"User registered successfully\", \"user_id\": \"6f1c2a57-3f0e-4d7a-9c43-2b8e8f7e0a11\"}")))
    @APIResponse(responseCode = "400", description = "Invalid input or password policy", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "E-mail or username taken (EMAIL_TAKEN, USERNAME_TAKEN)", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "Too many attempts from this address", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response register(@Valid @NotNull RegisterRequest request) {
        User user = auth.register(request);
        return Response.status(Response.Status.CREATED)
                .entity(new Acknowledgement("User registered successfully", user.getId()))
                .build();
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Log in with e-mail and password")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "login",
            value = "{\"email\": \"ada@example.com\", \"password\": \"correct horse battery\"}")))
    @APIResponse(responseCode = "200", description = "Tokens",
            content = @Content(schema = @Schema(implementation = TokenResponse.class), examples = @ExampleObject(name = "tokens", value = TOKENS)))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "LOGIN_THROTTLED: too many failed logins for this e-mail address, from"
            + " any address; or RATE_LIMITED: too many attempts from this address (Retry-After says when to try again)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response login(@Valid @NotNull LoginRequest request, @Context HttpServletRequest http,
                          @Parameter(description = SESSION_HEADER) @HeaderParam(BrowserSession.HEADER) String session) {
        boolean browser = BrowserSession.requested(session);
        // The client's address: the peer, or what a trusted proxy (TRUSTED_PROXIES) says it is.
        return tokens(auth.login(request, http.getRemoteAddr(), browser), browser, http.isSecure());
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(summary = "Exchange a refresh token for new tokens (the old refresh token is spent)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "refresh", value = "{\"refresh_token\": \"Qm9v...\"}")))
    @APIResponse(responseCode = "200", description = "New tokens (with X-Emporium-Session: cookie, send {}: the"
            + " token comes from the cookie, and the next one goes back into it)",
            content = @Content(schema = @Schema(implementation = TokenResponse.class), examples = @ExampleObject(name = "tokens", value = TOKENS)))
    @APIResponse(responseCode = "401", description = "INVALID_REFRESH_TOKEN, or REFRESH_TOKEN_REUSED (the session is revoked)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response refresh(RefreshRequest request, @Context HttpServletRequest http,
                            @Parameter(description = SESSION_HEADER) @HeaderParam(BrowserSession.HEADER) String session,
                            @Parameter(hidden = true) @CookieParam(BrowserSession.REFRESH_COOKIE) String cookie) {
        return BrowserSession.requested(session) ? refreshPage(cookie, http.isSecure()) : refreshClient(request, http.isSecure());
    }

    /** Checked here rather than by @Valid on the parameter: a page's refresh sends {}, its token is in the cookie. */
    private Response refreshClient(RefreshRequest request, boolean secure) {
        if (request == null) {
            throw new InvalidInput("refresh_token", "must not be blank");
        }
        Set<ConstraintViolation<RefreshRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return tokens(auth.refresh(request.refreshToken(), false), false, secure);
    }

    private Response refreshPage(String cookie, boolean secure) {
        try {
            if (cookie == null || cookie.isBlank()) {
                throw AuthService.invalidRefreshToken();
            }
            return tokens(auth.refresh(cookie, true), true, secure);
        } catch (DomainException refused) {
            // The page's session is over: take the cookies back with the refusal.
            return Response.fromResponse(new DomainExceptionMapper().toResponse(refused))
                    .cookie(BrowserSession.cleared(secure)).build();
        }
    }

    /**
     * Tokens are credentials: no cache, shared or private, may keep the answer (RFC 6749 §5.1). A page's refresh
     * token goes into its cookie instead of the body.
     */
    private Response tokens(TokenResponse tokens, boolean browser, boolean secure) {
        Response.ResponseBuilder answer = Response.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
        if (!browser) {
            return answer.entity(tokens).build();
        }
        Duration lifetime = auth.refreshTokenLifetime();
        return answer.entity(tokens.withoutRefreshToken())
                .cookie(BrowserSession.refresh(tokens.refreshToken(), lifetime, secure), BrowserSession.marker(lifetime, secure))
                .build();
    }

    @POST
    @Path("/logout")
    @RolesAllowed({Role.CUSTOMER_NAME, Role.ADMIN_NAME})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "End the caller's session: its refresh tokens stop working")
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response logout(@Context SecurityContext security, @Context HttpServletRequest http,
                           @Parameter(description = SESSION_HEADER) @HeaderParam(BrowserSession.HEADER) String session) {
        auth.logout(Callers.of(security));
        Response.ResponseBuilder answer = Response.noContent();
        if (BrowserSession.requested(session)) {
            answer.cookie(BrowserSession.cleared(http.isSecure()));
        }
        return answer.build();
    }
}
