package dev.emporium.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The one error body of the API: {@code {"status": 409, "code": "EMAIL_TAKEN", "message": "...", "details": [...]}}.
 * {@code code} values are stable and meant for programs; {@code message} is for people.
 */
@JsonbPropertyOrder({"status", "code", "message", "details"})
public record ApiError(int status, String code, String message, List<FieldIssue> details) {

    /** One problem with one input field: {@code {"field": "password", "issue": "must be at least 12 characters"}}. */
    @JsonbPropertyOrder({"field", "issue"})
    public record FieldIssue(String field, String issue) {
    }
}
