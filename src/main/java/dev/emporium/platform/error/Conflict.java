package dev.emporium.platform.error;

import java.util.List;

/** The change clashes with the state of things: a taken name, a category still in use. */
public class Conflict extends DomainException {

    /** A clash over one field's value, which the details name. */
    public Conflict(ErrorCode code, String message, String field) {
        super(code, message, List.of(new FieldIssue(field, message)));
    }

    public Conflict(ErrorCode code, String message) {
        super(code, message);
    }
}
