package dev.emporium.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of PUT /users/{id}: it replaces the profile, so names left out are cleared. */
public record UserUpdate(
        @NotBlank @Size(min = 3, max = 50) @Pattern(regexp = Usernames.PATTERN, message = Usernames.RULE) String username,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName) {

    public UserUpdate {
        username = username == null ? null : username.strip();
        email = email == null ? null : email.strip();
        firstName = Usernames.optionalName(firstName);
        lastName = Usernames.optionalName(lastName);
    }
}
