package dev.emporium.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        Response response = ErrorResponses.of(exception.toError());
        if (exception.retryAfter() == null) {
            return response;
        }
        long seconds = Math.max(1, (exception.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
