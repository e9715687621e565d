package dev.emporium.web;

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
        List<ApiError.FieldIssue> details = exception.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldIssue(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiError.FieldIssue::field).thenComparing(ApiError.FieldIssue::issue))
                .toList();
        return ErrorResponses.of(new ApiError(400, ApiException.VALIDATION_FAILED, ApiException.VALIDATION_MESSAGE, details));
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
