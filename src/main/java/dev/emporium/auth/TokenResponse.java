package dev.emporium.auth;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** Answer of login and refresh: {@code expires_in} is the access token's lifetime in seconds. */
@JsonbPropertyOrder({"accessToken", "refreshToken", "tokenType", "expiresIn"})
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
}
