package dev.emporium.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What JAX-RS itself rejects (unknown path, wrong method or media type, unreadable body, missing role) in the one
 * error format instead of an empty or HTML body.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        Response response = ErrorResponses.of(status, code(status), message(status));
        // Keep what the original response says about allowed methods (405).
        String allow = exception.getResponse().getHeaderString("Allow");
        return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_FAILED";
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "The request could not be read; check that the body is valid JSON of the documented shape";
            case 401 -> "Authentication is required";
            case 403 -> "You are not allowed to do this";
            case 404 -> "Nothing here";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource cannot answer in the requested media type";
            case 415 -> "Send the body as application/json";
            default -> status >= 500 ? "An unexpected error occurred" : "The request failed";
        };
    }
}
