package dev.emporium.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.platform.error.FieldIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static List<String> issues(String password, String email) {
        List<FieldIssue> found = PasswordPolicy.check(password, email);
        found.forEach(issue -> assertEquals("password", issue.field()));
        return found.stream().map(FieldIssue::issue).toList();
    }

    @Test
    void acceptsALongUncommonPassphrase() {
        assertEquals(List.of(), issues("correct horse battery staple", "ada@example.com"));
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        assertEquals(List.of(), issues("ééééééééééé1", "ada@example.com"), "12 characters, 23 bytes");
        assertEquals(List.of("must be at least 12 characters"), issues("ééééééééééé", "ada@example.com"));
    }

    @Test
    void refusesTooShortAndTooLong() {
        assertEquals(List.of("must be at least 12 characters"), issues("short-pass1", "ada@example.com"));
        assertEquals(List.of("must be at most 128 characters"), issues("x".repeat(129), "ada@example.com"));
        assertEquals(List.of("must not be empty"), issues("", "ada@example.com"));
        assertEquals(List.of("must not be empty"), issues(null, "ada@example.com"));
    }

    @Test
    void refusesTheEmailAddressOrItsLocalPartInAnyCase() {
        assertEquals(List.of("must not be the e-mail address"), issues("Ada.Lovelace@Example.com", " ada.lovelace@example.com "));
        assertEquals(List.of("must not be the e-mail address"), issues("ADA.LOVELACE", "ada.lovelace@example.com"));
    }

    @Test
    void refusesCommonPasswordsIgnoringCase() {
        List<String> found = issues("PASSWORD12345", "ada@example.com");
        assertEquals(1, found.size());
        assertTrue(found.get(0).startsWith("is too common"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertEquals(2, issues("password1234", "password1234@example.com").size(), "the local part and a common one");
    }
}
