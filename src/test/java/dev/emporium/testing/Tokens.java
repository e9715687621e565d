package dev.emporium.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;

/** Reads and forges access tokens, for tests of what the server accepts. */
public final class Tokens {

    /** The issuer the server is configured with (microprofile-config.properties). */
    public static final String ISSUER = "https://emporium.local/auth";

    private Tokens() {
    }

    /** The claims of a token, read without checking its signature. */
    public static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }

    /** Claims like the server's own for this user, valid for the next five minutes. */
    public static JwtClaims claimsFor(String userId, String email, String role) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(userId);
        claims.setClaim("upn", email);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().plusSeconds(300).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    /** Signed RS256 with the server's own key (the test service set's key file). */
    public static String signWithServerKey(JwtClaims claims) throws Exception {
        return sign(claims, serverKey(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** Signed RS256 with a key the server has never seen. */
    public static String signWithOtherKey(JwtClaims claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return sign(claims, generator.generateKeyPair().getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** HS256 with the server's public key as the HMAC secret: the classic algorithm-confusion attack. */
    public static String signHs256WithPublicKey(JwtClaims claims) throws Exception {
        byte[] publicPem = Files.readAllBytes(Path.of(System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION")));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(publicPem));
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    /** {"alg": "none"} with no signature. */
    public static String unsigned(JwtClaims claims) {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + base64Url(claims.toJson()) + ".";
    }

    /** The token with its payload replaced and its signature kept. */
    public static String withPayload(String token, String payloadJson) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + base64Url(payloadJson) + "." + parts[2];
    }

    private static String sign(JwtClaims claims, PrivateKey key, String algorithm) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        return jws.getCompactSerialization();
    }

    private static PrivateKey serverKey() throws Exception {
        String pem = Files.readString(Path.of(System.getenv("EMPORIUM_JWT_PRIVATE_KEY_FILE")));
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
