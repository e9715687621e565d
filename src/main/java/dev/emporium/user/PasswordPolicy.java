package dev.emporium.user;

import dev.emporium.platform.error.FieldIssue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Length first (NIST SP 800-63B): at least 12 characters, at most 128; not the e-mail address or its local part;
 * not on the list of common passwords shipped in common-passwords.txt. No composition rules.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The problems with this password, as field issues on "password"; empty when it is acceptable. */
    public static List<FieldIssue> check(String password, String email) {
        List<FieldIssue> issues = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            issues.add(issue("must not be empty"));
            return issues;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            issues.add(issue("must be at least " + MIN_LENGTH + " characters"));
        }
        if (length > MAX_LENGTH) {
            issues.add(issue("must be at most " + MAX_LENGTH + " characters"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null && !email.isBlank()) {
            String normalisedEmail = email.strip().toLowerCase(Locale.ROOT);
            String localPart = normalisedEmail.contains("@")
                    ? normalisedEmail.substring(0, normalisedEmail.indexOf('@')) : normalisedEmail;
            if (lower.equals(normalisedEmail) || lower.equals(localPart)) {
                issues.add(issue("must not be the e-mail address"));
            }
        }
        if (COMMON.contains(lower)) {
            issues.add(issue("is too common; choose a less guessable password"));
        }
        return issues;
    }

    private static FieldIssue issue(String text) {
        return new FieldIssue("password", text);
    }

    private static Set<String> load() {
        var stream = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        if (stream == null) {
            throw new IllegalStateException("common-passwords.txt is missing from the application");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
