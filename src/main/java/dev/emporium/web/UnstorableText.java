package dev.emporium.web;

import java.sql.SQLException;

/**
 * Recognises a failure caused by text PostgreSQL cannot store (the NUL character, U+0000, which JSON and URLs can
 * carry): the caller's input, answered as 400 rather than as a fault of ours (found by FuzzIT).
 */
final class UnstorableText {

    /** character_not_in_repertoire ("invalid byte sequence for encoding UTF8: 0x00") and untranslatable_character. */
    private static final java.util.Set<String> STATES = java.util.Set.of("22021", "22P05");

    private UnstorableText() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
