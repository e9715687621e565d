package dev.emporium.auth;

import dev.emporium.platform.security.Caller;
import dev.emporium.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Issues short-lived RS256 access tokens in the MicroProfile JWT format: iss, sub (user id), upn (e-mail),
 * groups (the role), iat, exp, jti, and sid (the refresh-token family, so logout can end the session).
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    SigningKey signingKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "emporium.jwt.access-token-lifetime", defaultValue = "PT15M")
    Duration lifetime;

    @Inject
    @ConfigProperty(name = "emporium.jwt.browser-access-token-lifetime", defaultValue = "PT5M")
    Duration browserLifetime;

    public Duration lifetime() {
        return lifetime;
    }

    public Duration browserLifetime() {
        return browserLifetime;
    }

    public String issue(User user, UUID sessionId, Duration lifetime) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(user.getId().toString());
        claims.setClaim("upn", user.getEmail());
        claims.setStringListClaim("groups", List.of(user.getRole().name()));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim(Caller.SESSION_CLAIM, sessionId.toString());

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }
}
