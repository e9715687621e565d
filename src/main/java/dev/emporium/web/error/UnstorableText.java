package dev.emporium.web.error;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises a failure caused by text PostgreSQL cannot store (the NUL character, U+0000, which JSON and URLs can
 * carry): the caller's input, answered as 400 rather than as a fault of ours (found by FuzzIT).
 */
final class UnstorableText {

    /** character_not_in_repertoire ("invalid byte sequence for encoding UTF8: 0x00") and untranslatable_character. */
    private static final Set<String> STATES = Set.of("22021", "22P05");

    private UnstorableText() {
    }

    static boolean causedBy(Throwable failure) {
        return Causes.of(failure).anyMatch(cause -> cause instanceof SQLException sql && STATES.contains(sql.getSQLState()));
    }
}
