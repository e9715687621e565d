package dev.emporium.user;

import java.util.UUID;

/**
 * An account was deactivated. Fired inside the deactivating transaction to synchronous observers (auth revokes the
 * account's refresh tokens), so that what they do commits or rolls back with the deactivation itself.
 */
public record AccountDeactivated(UUID userId) {
}
