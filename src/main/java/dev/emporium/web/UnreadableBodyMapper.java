package dev.emporium.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not JSON, or JSON of the wrong shape (a string where a number goes, an unknown enum value): 400.
 * JSON-B's own message names internal classes, so it is not passed on. A chunked body that ran over the size limit
 * while being read surfaces here too, and answers 413.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.TooLarge) {
                return ErrorResponses.of(StatusErrors.of(413));
            }
        }
        return ErrorResponses.of(400, "INVALID_BODY",
                "The request body is not valid JSON of the documented shape (check types and allowed values)");
    }
}
