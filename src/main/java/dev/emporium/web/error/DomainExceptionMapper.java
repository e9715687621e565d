package dev.emporium.web.error;

import dev.emporium.platform.error.DomainException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The one place a broken domain rule becomes an HTTP answer: the error code's status, the error format, and
 * Retry-After when the rule says when trying again may succeed.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        Response response = ErrorResponses.of(new ApiError(exception.code().status(), exception.code().name(),
                exception.getMessage(), exception.details()));
        if (exception.retryAfter() == null) {
            return response;
        }
        long seconds = Math.max(1, (exception.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
