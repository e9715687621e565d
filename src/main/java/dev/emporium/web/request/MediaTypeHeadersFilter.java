package dev.emporium.web.request;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.FieldIssue;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a malformed Accept or Content-Type with 400 BAD_REQUEST naming the header, before resource matching. A
 * GET, HEAD, DELETE or OPTIONS without a body has its Content-Type dropped first: load tools and proxies send one
 * on every request, and it describes nothing, so it must neither be judged nor make the request a 415.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class MediaTypeHeadersFilter implements ContainerRequestFilter {

    private static final Set<String> BODILESS_METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (BODILESS_METHODS.contains(request.getMethod()) && !hasBody(request)) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
        for (String accept : request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of())) {
            refuseIf(HttpHeaders.ACCEPT, MediaTypeHeaders.acceptProblem(accept));
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isBlank()) {
            refuseIf(HttpHeaders.CONTENT_TYPE, MediaTypeHeaders.mediaTypeProblem(contentType));
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null
                || (length != null && !length.isBlank() && !length.strip().equals("0"));
    }

    private static void refuseIf(String header, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new DomainException(ErrorCode.BAD_REQUEST, "The " + header + " header is malformed",
                    List.of(new FieldIssue(header, problem.get())));
        }
    }
}
