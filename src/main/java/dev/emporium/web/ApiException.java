package dev.emporium.web;

import java.time.Duration;
import java.util.List;

/** A failure the API reports to its caller in the {@link ApiError} format. */
public class ApiException extends RuntimeException {

    static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    static final String VALIDATION_MESSAGE = "The request is not valid";

    private final int status;
    private final String code;
    private final List<ApiError.FieldIssue> details;
    private final Duration retryAfter;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of(), null);
    }

    public ApiException(int status, String code, String message, List<ApiError.FieldIssue> details, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public static ApiException badRequest(String code, String message, List<ApiError.FieldIssue> details) {
        return new ApiException(400, code, message, details, null);
    }

    /** One invalid input: 400 VALIDATION_FAILED naming the field, as Bean Validation failures are reported. */
    public static ApiException invalid(String field, String issue) {
        return badRequest(VALIDATION_FAILED, VALIDATION_MESSAGE, List.of(new ApiError.FieldIssue(field, issue)));
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException conflict(String code, String message, String field) {
        return new ApiException(409, code, message, List.of(new ApiError.FieldIssue(field, message)), null);
    }

    public static ApiException unauthorized(String code, String message) {
        return new ApiException(401, code, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    public static ApiException tooManyRequests(Duration retryAfter) {
        return new ApiException(429, "RATE_LIMITED", "Too many requests; retry later", List.of(), retryAfter);
    }

    public ApiError toError() {
        return new ApiError(status, code, getMessage(), details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
