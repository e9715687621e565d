package dev.emporium.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's figure for this algorithm), 32-byte salt and key, through
 * Jakarta Security's Pbkdf2PasswordHash. Stored as {@code PBKDF2WithHmacSHA256:600000:<salt>:<hash>} (Base64), so
 * the parameters travel with each hash and can be raised later.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** A hash of a random password, verified against when no user matches, so both paths cost the same. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "600000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        decoy = hash(Base64.getEncoder().encodeToString(random));
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of a real verification and fails. */
    public boolean verifyAgainstDecoy(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
        return false;
    }
}
