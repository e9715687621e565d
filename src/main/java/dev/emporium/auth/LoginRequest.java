package dev.emporium.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /auth/login. */
public record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {

    public LoginRequest {
        email = email == null ? null : email.strip();
    }
}
