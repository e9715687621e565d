package dev.emporium.auth;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** Answer of login and refresh: {@code expires_in} is the access token's lifetime in seconds. */
@JsonbPropertyOrder({"accessToken", "refreshToken", "tokenType", "expiresIn"})
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    /** For a web page, whose refresh token travels in a cookie (BrowserSession); JSON-B leaves the null out. */
    public TokenResponse withoutRefreshToken() {
        return new TokenResponse(accessToken, null, tokenType, expiresIn);
    }
}
