package dev.emporium.platform.error;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One problem with one input field: {@code {"field": "password", "issue": "must be at least 12 characters"}}. */
@JsonbPropertyOrder({"field", "issue"})
public record FieldIssue(String field, String issue) {
}
