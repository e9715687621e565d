package dev.emporium.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Tokens;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Forged, broken and stale access tokens are all refused with 401 in the error format. The control case — a token
 * forged with the server's own key and the right claims — is accepted, so each refusal is for the one defect it
 * introduces.
 */
@ExtendWith(ArquillianExtension.class)
class TokenAttacksIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Account customer;

    @BeforeEach
    void customer() {
        customer = Accounts.newCustomer();
    }

    private JwtClaims claims() {
        return Tokens.claimsFor(customer.id(), customer.email(), "CUSTOMER");
    }

    @Test
    void controlTokenSignedWithTheServerKeyIsAccepted() throws Exception {
        assertEquals(200, api.get("/users/me", Tokens.signWithServerKey(claims())).status());
    }

    @Test
    void noTokenIsRefused() {
        assertRefused(api.get("/users/me", null));
    }

    @Test
    void malformedTokensAreRefused() {
        assertRefused(api.get("/users/me", "not-a-jwt"));
        assertRefused(api.get("/users/me", "a.b.c"));
        assertRefused(api.get("/users/me", ""));
    }

    @Test
    void unsignedTokenIsRefused() {
        assertRefused(api.get("/users/me", Tokens.unsigned(claims())));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertRefused(api.get("/users/me", Tokens.signWithOtherKey(claims())));
    }

    @Test
    void hs256TokenKeyedWithThePublicKeyIsRefused() throws Exception {
        assertRefused(api.get("/users/me", Tokens.signHs256WithPublicKey(claims())));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        JwtClaims expired = claims();
        expired.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(1200).getEpochSecond()));
        expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(60).getEpochSecond()));
        assertRefused(api.get("/users/me", Tokens.signWithServerKey(expired)));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        JwtClaims foreign = claims();
        foreign.setIssuer("https://attacker.example/auth");
        assertRefused(api.get("/users/me", Tokens.signWithServerKey(foreign)));
    }

    @Test
    void tamperedPayloadIsRefused() throws Exception {
        String genuine = customer.accessToken();
        String promoted = Tokens.claims(genuine).toString().replace("\"CUSTOMER\"", "\"ADMIN\"");
        assertRefused(api.get("/users", Tokens.withPayload(genuine, promoted)));
        assertRefused(api.get("/users/me", Tokens.withPayload(genuine, promoted)));
    }

    /**
     * Access tokens are stateless: a deactivated user's token works until it expires (at most the access-token
     * lifetime, 15 minutes by default; docs/security.md). After that it is refused like any expired token, and the
     * user's refresh tokens were revoked at deactivation, so no new one can be had.
     */
    @Test
    void deactivatedUsersTokensEndWithTheirExpiryWindow() throws Exception {
        assertEquals(200, api.delete("/users/" + customer.id(), customer.accessToken()).status());
        JwtClaims pastWindow = claims();
        pastWindow.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(960).getEpochSecond()));
        pastWindow.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(60).getEpochSecond()));
        assertRefused(api.get("/users/me", Tokens.signWithServerKey(pastWindow)));

        Reply refresh = api.post("/auth/refresh", "{\"refresh_token\": \"" + customer.refreshToken() + "\"}", null);
        assertEquals(401, refresh.status());
        assertEquals("INVALID_REFRESH_TOKEN", refresh.errorCode());
    }

    @Test
    void reusedRefreshTokenIsRefused() {
        String body = "{\"refresh_token\": \"" + customer.refreshToken() + "\"}";
        assertEquals(200, api.post("/auth/refresh", body, null).status());
        Reply reuse = api.post("/auth/refresh", body, null);
        assertEquals(401, reuse.status());
        assertEquals("REFRESH_TOKEN_REUSED", reuse.errorCode());
    }

    private static void assertRefused(Reply reply) {
        assertEquals(401, reply.status(), reply.toString());
        assertEquals("UNAUTHORIZED", reply.errorCode());
        assertEquals("Bearer", reply.header("WWW-Authenticate").orElse(""));
    }
}
