package dev.emporium.web.request;

import dev.emporium.web.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Answers 401 in the API's error format when an endpoint needs a role and the request carries no valid access
 * token (none, malformed, badly signed, expired, wrong issuer). Liberty has already verified any token by now, so a
 * missing principal means exactly that; left to the container, the 401 would have an empty body.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (requiresRole() && request.getSecurityContext().getUserPrincipal() == null) {
            request.abortWith(ErrorResponses.of(401, "UNAUTHORIZED", "A valid access token is required"));
        }
    }

    private boolean requiresRole() {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PermitAll.class)) {
            return false;
        }
        return method.isAnnotationPresent(RolesAllowed.class)
                || resource.getResourceClass().isAnnotationPresent(RolesAllowed.class);
    }
}
