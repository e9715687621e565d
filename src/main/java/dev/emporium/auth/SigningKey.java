package dev.emporium.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA private key that signs access tokens: a PKCS#8 PEM given inline (EMPORIUM_JWT_PRIVATE_KEY) or as a file
 * (EMPORIUM_JWT_PRIVATE_KEY_FILE, e.g. a mounted OpenShift Secret). Its public half is what MicroProfile JWT
 * verifies with (MP_JWT_VERIFY_PUBLICKEY_LOCATION).
 */
@ApplicationScoped
public class SigningKey {

    @Inject
    @ConfigProperty(name = "emporium.jwt.private-key")
    Optional<String> inlinePem;

    @Inject
    @ConfigProperty(name = "emporium.jwt.private-key-file")
    Optional<String> pemFile;

    private PrivateKey key;

    @PostConstruct
    void load() {
        String pem = inlinePem.filter(s -> !s.isBlank()).orElseGet(this::readFile);
        key = parse(pem);
    }

    public PrivateKey privateKey() {
        return key;
    }

    private String readFile() {
        String path = pemFile.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "No JWT signing key: set EMPORIUM_JWT_PRIVATE_KEY or EMPORIUM_JWT_PRIVATE_KEY_FILE"));
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JWT signing key " + path, e);
        }
    }

    static PrivateKey parse(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The JWT signing key is not an RSA private key in PKCS#8 PEM form", e);
        }
    }
}
