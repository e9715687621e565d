package dev.emporium.auth;

import dev.emporium.user.Usernames;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /auth/register. A "role" field, if sent, is ignored: new users are customers. */
public record RegisterRequest(
        @NotBlank @Size(min = 3, max = 50) @Pattern(regexp = Usernames.PATTERN, message = Usernames.RULE) String username,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull String password,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName) {

    /** Surrounding spaces are not part of a name or an address (the service also lower-cases the address). */
    public RegisterRequest {
        username = username == null ? null : username.strip();
        email = email == null ? null : email.strip();
        firstName = Usernames.optionalName(firstName);
        lastName = Usernames.optionalName(lastName);
    }
}
