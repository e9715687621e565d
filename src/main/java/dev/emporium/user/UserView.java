package dev.emporium.user;

import dev.emporium.platform.security.Role;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it: never the password hash. */
@JsonbPropertyOrder({"id", "username", "email", "firstName", "lastName", "role", "active", "createdAt"})
public record UserView(UUID id, String username, String email, String firstName, String lastName, Role role,
                       boolean active, Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                user.getRole(), user.isActive(), user.getCreatedAt());
    }
}
