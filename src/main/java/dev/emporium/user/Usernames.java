package dev.emporium.user;

import java.util.Locale;

/** How usernames and e-mail addresses are checked and normalised. */
public final class Usernames {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    public static final String RULE = "letters, digits, '.', '_' and '-', starting with a letter or digit";

    private Usernames() {
    }

    /** E-mail addresses are compared and stored trimmed and lower-cased. */
    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
