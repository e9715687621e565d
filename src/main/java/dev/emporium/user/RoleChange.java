package dev.emporium.user;

import jakarta.validation.constraints.NotNull;

/** Body of PUT /users/{id}/role. */
public record RoleChange(@NotNull Role role) {
}
