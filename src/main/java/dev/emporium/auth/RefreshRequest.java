package dev.emporium.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /auth/refresh. */
public record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {
}
