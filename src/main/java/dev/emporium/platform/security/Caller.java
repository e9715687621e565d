package dev.emporium.platform.security;

import java.util.UUID;

/**
 * Who is calling, from the verified access token: the user id (sub), whether they are ADMIN, their session. Read
 * from the request at the edge (web.request.Callers), so that services take a Caller and know nothing of HTTP.
 */
public record Caller(UUID userId, boolean admin, UUID sessionId) {

    /** The access-token claim naming the session (the refresh-token family): auth writes it, the edge reads it. */
    public static final String SESSION_CLAIM = "sid";

    /** Customers may act on themselves only; admins on anyone. */
    public boolean mayActOn(UUID userId) {
        return admin || this.userId.equals(userId);
    }
}
