package dev.emporium.web.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds responses that carry an {@link ApiError}. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(ApiError error) {
        Response.ResponseBuilder builder = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error);
        if (error.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    public static Response of(int status, String code, String message) {
        return of(new ApiError(status, code, message, List.of()));
    }
}
