package dev.emporium.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;

/** Refuses a malformed Accept or Content-Type with 400 BAD_REQUEST naming the header, before resource matching. */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class MediaTypeHeadersFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (String accept : request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of())) {
            refuseIf(HttpHeaders.ACCEPT, MediaTypeHeaders.acceptProblem(accept));
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isBlank()) {
            refuseIf(HttpHeaders.CONTENT_TYPE, MediaTypeHeaders.mediaTypeProblem(contentType));
        }
    }

    private static void refuseIf(String header, Optional<String> problem) {
        if (problem.isPresent()) {
            throw ApiException.badRequest("BAD_REQUEST", "The " + header + " header is malformed",
                    List.of(new ApiError.FieldIssue(header, problem.get())));
        }
    }
}
