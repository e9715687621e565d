package dev.emporium.user;

import java.util.Locale;

/** How usernames, e-mail addresses and personal names are checked and normalised. */
public final class Usernames {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    public static final String RULE = "letters, digits, '.', '_' and '-', starting with a letter or digit";

    private Usernames() {
    }

    /** E-mail addresses are compared and stored trimmed and lower-cased. */
    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** An optional personal name as stored: without surrounding spaces, and absent when nothing else is left. */
    public static String optionalName(String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }
}
