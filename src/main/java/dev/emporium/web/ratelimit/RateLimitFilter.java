package dev.emporium.web.ratelimit;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Applies the allowance of the request's route group (RateLimitPolicy) before anything else is done for it, and
 * tells every caller where they stand: RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (seconds) on each
 * response, 429 RATE_LIMITED with Retry-After when the allowance is spent.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 50)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";
    private static final Metadata REFUSALS = Metadata.builder().withName("emporium.rate.limit.refusals")
            .withDescription("Requests refused with 429 RATE_LIMITED, by route group").build();

    @Inject
    RateLimitPolicy policy;

    @Inject
    RateLimits limits;

    @Inject
    MetricRegistry metrics;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimitGroup group = policy.groupFor(request.getMethod(), request.getUriInfo().getPath()).orElse(null);
        if (group == null) {
            return;
        }
        Principal user = request.getSecurityContext().getUserPrincipal();
        // A valid token makes the user (its subject, not the e-mail) the client, unless the group counts addresses.
        String client = group.countedPer() == RateLimitGroup.CountedPer.CLIENT && user instanceof JsonWebToken token
                && token.getSubject() != null ? "user:" + token.getSubject() : "ip:" + http.getRemoteAddr();
        RateLimits.Decision decision = limits.take(group, client);
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            metrics.counter(REFUSALS, new Tag("group", group.name())).inc();
            throw new DomainException(ErrorCode.RATE_LIMITED, "Too many requests; retry later", List.of(),
                    Duration.ofSeconds(decision.resetSeconds()));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimits.Decision decision && decision.limit() > 0) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("RateLimit-Limit", decision.limit());
            headers.putSingle("RateLimit-Remaining", decision.remaining());
            headers.putSingle("RateLimit-Reset", decision.resetSeconds());
        }
    }
}
