package dev.emporium.web.error;

import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.FieldIssue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error body of the API: {@code {"status": 409, "code": "EMAIL_TAKEN", "message": "...", "details": [...],
 * "request_id": "..."}}. {@code code} values are stable and meant for programs (docs/errors.md); {@code message} is
 * for people; {@code request_id} is the request's X-Request-Id, to quote when asking about a failure.
 */
@JsonbPropertyOrder({"status", "code", "message", "details", "requestId"})
public record ApiError(int status, @Schema(implementation = ErrorCode.class) String code, String message,
                       List<FieldIssue> details, String requestId) {

    public ApiError(int status, String code, String message, List<FieldIssue> details) {
        this(status, code, message, details, null);
    }

    public ApiError withRequestId(String id) {
        return new ApiError(status, code, message, details, id);
    }
}
