package dev.emporium.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.UUID;

/** The answer of a write that returns no resource: {@code {"message": "...", "user_id": "..."}}. */
@JsonbPropertyOrder({"message", "userId"})
public record Acknowledgement(String message, UUID userId) {
}
