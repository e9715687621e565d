package dev.emporium.platform.error;

import java.util.List;

/** Input that breaks a rule Bean Validation cannot see: VALIDATION_FAILED naming the field, as those failures are. */
public class InvalidInput extends DomainException {

    public static final String MESSAGE = "The request is not valid";

    public InvalidInput(String field, String issue) {
        super(ErrorCode.VALIDATION_FAILED, MESSAGE, List.of(new FieldIssue(field, issue)));
    }
}
