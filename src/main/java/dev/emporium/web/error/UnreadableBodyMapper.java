package dev.emporium.web.error;

import dev.emporium.platform.error.FieldIssue;
import dev.emporium.platform.json.RefusedValue;
import dev.emporium.web.request.RequestSizeLimitFilter;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body that is not JSON, or JSON of the wrong shape (a string where a number goes, a malformed UUID, an unknown enum
 * value): 400 INVALID_BODY, naming the field when JSON-B says which ("items.quantity"). JSON-B's own message names
 * internal classes, so it is not passed on. A chunked body that ran over the size limit while being read surfaces
 * here too, and answers 413.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

    /** How JSON-B (Yasson) names the property it failed on, once per level of nesting. */
    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '([^']+)'");

    @Override
    public Response toResponse(JsonbException exception) {
        List<Throwable> causes = Causes.of(exception).toList();
        if (causes.stream().anyMatch(RequestSizeLimitFilter.TooLarge.class::isInstance)) {
            return ErrorResponses.of(StatusErrors.of(413));
        }
        List<String> path = new ArrayList<>();
        Matcher property = PROPERTY.matcher(String.valueOf(exception.getMessage()));
        while (property.find()) {
            path.add(property.group(1));
        }
        List<FieldIssue> details = path.isEmpty() ? List.of()
                : List.of(new FieldIssue(String.join(".", path), issue(causes.get(causes.size() - 1))));
        return ErrorResponses.of(new ApiError(400, "INVALID_BODY",
                "The request body is not valid JSON of the documented shape (check types and allowed values)", details));
    }

    private static String issue(Throwable innermost) {
        if (innermost instanceof RefusedValue refused) {
            return refused.getMessage();
        }
        return innermost instanceof NumberFormatException || innermost instanceof ArithmeticException
                ? "must be a number" : "has the wrong JSON type";
    }
}
