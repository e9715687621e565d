package dev.emporium.web.error;

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
        Response response = ErrorResponses.of(StatusErrors.of(status));
        // Keep what the original response says about allowed methods (405).
        String allow = exception.getResponse().getHeaderString("Allow");
        return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
    }
}
