package dev.emporium.web.request;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.security.Caller;
import dev.emporium.platform.security.Role;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The Caller of a request, read from the access token in JAX-RS's SecurityContext (Liberty has verified it). */
public final class Callers {

    private Callers() {
    }

    public static Caller of(SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken token)) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, "Authentication is required");
        }
        String session = token.getClaim(Caller.SESSION_CLAIM);
        return new Caller(UUID.fromString(token.getSubject()), security.isUserInRole(Role.ADMIN_NAME),
                session == null ? null : UUID.fromString(session));
    }
}
