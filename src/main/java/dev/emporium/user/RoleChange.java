package dev.emporium.user;

import dev.emporium.platform.json.EnumText;
import dev.emporium.platform.security.Role;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotNull;

/** Body of PUT /users/{id}/role. */
public record RoleChange(@NotNull @JsonbTypeDeserializer(EnumText.class) Role role) {
}
