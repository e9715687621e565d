package dev.emporium.web.request;

import dev.emporium.platform.correlation.CorrelationId;
import dev.emporium.web.error.ApiError;
import dev.emporium.web.error.ServletErrors;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;

/**
 * Gives every request an X-Request-Id: the caller's when well-formed, a new one otherwise. The response carries it
 * back (and an error body as request_id), and messages sent while handling the request carry it as their
 * correlation id.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";

    @Inject
    CorrelationId correlationId;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        // RequestIdServletFilter has settled the id already; the header is the fallback outside the servlet path.
        correlationId.adopt(http.getAttribute(ServletErrors.ATTRIBUTE) instanceof String id ? id : request.getHeaderString(HEADER));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, correlationId.value());
        if (response.getEntity() instanceof ApiError error && error.requestId() == null) {
            response.setEntity(error.withRequestId(correlationId.value()));
        }
    }
}
