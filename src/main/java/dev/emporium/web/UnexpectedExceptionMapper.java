package dev.emporium.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: 503 with Retry-After when the database or the broker is out of reach (the transaction rolled back,
 * nothing was stored); 400 when the input holds text the database cannot store; otherwise 500, logged in full with
 * an incident id and answered with that id and nothing internal.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        var unavailable = UnavailableDependency.of(exception);
        if (unavailable.isPresent()) {
            LOG.log(Level.WARNING, "Request failed: the " + unavailable.get() + " is unavailable: " + exception);
            return Response.fromResponse(ErrorResponses.of(503, "SERVICE_UNAVAILABLE", "The " + unavailable.get()
                    + " is unavailable; nothing was changed. Try again shortly.")).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        if (UnstorableText.causedBy(exception)) {
            return ErrorResponses.of(400, "BAD_REQUEST",
                    "The request holds text with the NUL character (\\u0000), which cannot be stored; nothing was changed");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return ErrorResponses.of(500, "INTERNAL_ERROR", "An unexpected error occurred (incident " + incident + ")");
    }
}
