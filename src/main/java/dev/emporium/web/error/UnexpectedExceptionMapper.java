package dev.emporium.web.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else. A database failure answers by what it means (DatabaseFailure): 409 RESOURCE_BUSY when a lock was
 * not granted in time, 503 SERVICE_UNAVAILABLE when the database is away or too slow (the transaction rolled back,
 * nothing was stored), 503 OUTCOME_UNKNOWN when the commit itself failed; all with Retry-After. 400 when the input
 * holds text the database cannot store. Otherwise 500, logged in full with an incident id and answered with that id
 * and nothing internal.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        var database = DatabaseFailure.of(exception);
        if (database.isPresent()) {
            LOG.log(Level.WARNING, "Request failed in the database (" + database.get() + "): " + exception);
            return switch (database.get()) {
                case BUSY -> retryAfter(ErrorResponses.of(409, "RESOURCE_BUSY", "Someone else is changing this right"
                        + " now; nothing was changed. Try again shortly."), 1);
                case TOO_SLOW -> retryAfter(ErrorResponses.of(503, "SERVICE_UNAVAILABLE", "The database did not answer"
                        + " in time; nothing was changed. Try again shortly."), 5);
                case UNAVAILABLE -> retryAfter(ErrorResponses.of(503, "SERVICE_UNAVAILABLE", "The database is"
                        + " unavailable; nothing was changed. Try again shortly."), 5);
                case OUTCOME_UNKNOWN -> retryAfter(ErrorResponses.of(503, "OUTCOME_UNKNOWN", "The database failed while"
                        + " saving: the change may or may not have been made. Retry with the same Idempotency-Key, or"
                        + " read what you changed before trying again."), 5);
            };
        }
        if (UnstorableText.causedBy(exception)) {
            return ErrorResponses.of(400, "BAD_REQUEST",
                    "The request holds text with the NUL character (\\u0000), which cannot be stored; nothing was changed");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return ErrorResponses.of(500, "INTERNAL_ERROR", "An unexpected error occurred (incident " + incident + ")");
    }

    private static Response retryAfter(Response response, int seconds) {
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
