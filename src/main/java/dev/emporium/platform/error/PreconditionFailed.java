package dev.emporium.platform.error;

import java.util.List;

/** The caller's view of the thing (its If-Match) is out of date: someone changed it first. */
public class PreconditionFailed extends DomainException {

    public PreconditionFailed(String message) {
        super(ErrorCode.PRECONDITION_FAILED, message, List.of(new FieldIssue("If-Match", message)));
    }
}
