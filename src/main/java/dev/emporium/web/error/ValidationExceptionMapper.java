package dev.emporium.web.error;

import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.FieldIssue;
import dev.emporium.platform.error.InvalidInput;
import dev.emporium.platform.json.JsonNames;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on request bodies and parameters: 400 naming each field. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldIssue> details = exception.getConstraintViolations().stream()
                .map(v -> new FieldIssue(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldIssue::field).thenComparing(FieldIssue::issue))
                .toList();
        return ErrorResponses.of(new ApiError(400, ErrorCode.VALIDATION_FAILED.name(), InvalidInput.MESSAGE, details));
    }

    /** The JSON name of the offending field: the last node of the path, which for a method is method.arg.field. */
    private static String field(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return name == null ? "body" : JsonNames.snakeCase(name);
    }
}
