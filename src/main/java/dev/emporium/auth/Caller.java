package dev.emporium.auth;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.user.Role;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified access token: the user id (sub), whether they are ADMIN, their session. */
public record Caller(UUID userId, boolean admin, UUID sessionId) {

    public static Caller of(SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken token)) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, "Authentication is required");
        }
        String session = token.getClaim(AccessTokens.SESSION_CLAIM);
        return new Caller(UUID.fromString(token.getSubject()), security.isUserInRole(Role.ADMIN_NAME),
                session == null ? null : UUID.fromString(session));
    }

    /** Customers may act on themselves only; admins on anyone. */
    public boolean mayActOn(UUID userId) {
        return admin || this.userId.equals(userId);
    }
}
