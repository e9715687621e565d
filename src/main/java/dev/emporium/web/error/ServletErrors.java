package dev.emporium.web.error;

import dev.emporium.platform.correlation.CorrelationId;
import dev.emporium.platform.json.JsonMapping;
import dev.emporium.web.request.RequestIdFilter;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Writes the one error format from servlet code (filters, the error page), where JAX-RS mappers do not reach. */
public final class ServletErrors {

    private static final Jsonb JSONB = JsonMapping.create();

    private ServletErrors() {
    }

    /** Where RequestIdServletFilter leaves the request's id for everything after it. */
    public static final String ATTRIBUTE = "dev.emporium.requestId";

    /**
     * The request's id: the one already settled, else the caller's X-Request-Id when well-formed, else a new one;
     * set on the response either way.
     */
    public static String requestId(HttpServletRequest request, HttpServletResponse response) {
        String id = request.getAttribute(ATTRIBUTE) instanceof String settled ? settled : request.getHeader(RequestIdFilter.HEADER);
        if (!CorrelationId.isWellFormed(id)) {
            id = UUID.randomUUID().toString();
        }
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(RequestIdFilter.HEADER, id);
        return id;
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        ApiError withId = error.withRequestId(requestId(request, response));
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSONB.toJson(withId));
    }
}
