package dev.emporium.platform.error;

import java.time.Duration;
import java.util.List;

/**
 * A rule of the domain that a request or message broke, named by its {@link ErrorCode}: the code says which rule and
 * knows the HTTP status, so services throw these without knowing about HTTP, and one mapper at the edge writes the
 * error format. Subclasses name the common kinds.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldIssue> details;
    private final Duration retryAfter;

    public DomainException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public DomainException(ErrorCode code, String message, List<FieldIssue> details) {
        this(code, message, details, null);
    }

    /** With a time after which trying again may succeed (Retry-After). */
    public DomainException(ErrorCode code, String message, List<FieldIssue> details, Duration retryAfter) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldIssue> details() {
        return details;
    }

    /** When to try again, or null when there is no such time. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
