package dev.emporium.web.request;

import dev.emporium.platform.error.InvalidInput;
import java.util.UUID;

/** Ids taken from paths and queries: a malformed one is the caller's mistake (400), never a 404 or 500. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput(field, "must be a UUID");
        }
    }
}
