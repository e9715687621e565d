package dev.emporium.auth;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.security.Caller;
import dev.emporium.platform.security.Role;
import dev.emporium.user.PasswordHasher;
import dev.emporium.user.User;
import dev.emporium.user.UserService;
import dev.emporium.user.Usernames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registration, login, token refresh with rotation and reuse detection, logout. */
@ApplicationScoped
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class.getName());

    private static final String BEARER = "Bearer";

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    @Inject
    AccessTokens accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    @ConfigProperty(name = "emporium.auth.browser-refresh-grace", defaultValue = "PT10S")
    Duration browserRefreshGrace;

    @Transactional
    public User register(RegisterRequest request) {
        User user = users.create(request.username(), request.email(), request.password(), Role.CUSTOMER);
        user.setNames(request.firstName(), request.lastName());
        return user;
    }

    /**
     * Wrong e-mail, wrong password and a deactivated account all answer the same 401 after the same work (one
     * PBKDF2 verification), so the answer tells nothing about which accounts exist. Every attempt first counts
     * against the address's allowance (LoginThrottle), which refuses guesses past it from wherever they come.
     */
    @Transactional
    public TokenResponse login(LoginRequest request, String clientAddress, boolean browser) {
        String email = Usernames.normaliseEmail(request.email());
        LoginThrottle.Attempt attempt = throttle.attempt(email, clientAddress);
        User user = users.findByEmail(email).orElse(null);
        boolean verified = user == null
                ? hasher.verifyAgainstDecoy(request.password())
                : hasher.verify(request.password(), user.getPasswordHash());
        if (!verified || !user.isActive()) {
            // For the security log; the e-mail is not written (it may be a password typed in the wrong field).
            LOG.info(() -> "Failed login" + (user == null ? " for an unknown e-mail" : " for user " + user.getId()));
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "E-mail or password is wrong");
        }
        throttle.succeeded(attempt);
        return tokensFor(user, UUID.randomUUID(), browser);
    }

    /**
     * Spends a refresh token for a new pair. A token presented twice revokes its whole family, except a web page's
     * within the browser grace: a page that was reloaded or left while its refresh was under way never received the
     * cookie with the next token, and the next page can only present the spent one again.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public TokenResponse refresh(String token, boolean browser) {
        RefreshToken stored = refreshTokens.findForUpdate(token).orElseThrow(AuthService::invalidRefreshToken);
        Instant now = Instant.now();
        boolean lostAnswer = browser && stored.usedWithin(browserRefreshGrace, now);
        if (stored.isUsed() && !lostAnswer) {
            refreshTokens.revokeFamily(stored.getFamilyId());
            throw new DomainException(ErrorCode.REFRESH_TOKEN_REUSED,
                    "This refresh token was already used; the session is ended, log in again");
        }
        if (stored.isRevoked() || stored.isExpired(now)) {
            throw invalidRefreshToken();
        }
        User user = users.findById(stored.getUserId()).filter(User::isActive).orElseThrow(AuthService::invalidRefreshToken);
        if (!stored.isUsed()) {
            stored.markUsed(now);
        }
        return tokensFor(user, stored.getFamilyId(), browser);
    }

    @Transactional
    public void logout(Caller caller) {
        if (caller.sessionId() != null) {
            refreshTokens.revokeFamily(caller.sessionId());
        }
    }

    public Duration refreshTokenLifetime() {
        return refreshTokens.lifetime();
    }

    /** A web page's access token lives shorter: its refresh cookie renews it without anyone noticing. */
    private TokenResponse tokensFor(User user, UUID familyId, boolean browser) {
        Duration lifetime = browser ? accessTokens.browserLifetime() : accessTokens.lifetime();
        String refresh = refreshTokens.issue(user.getId(), familyId);
        String access = accessTokens.issue(user, familyId, lifetime);
        return new TokenResponse(access, refresh, BEARER, lifetime.toSeconds());
    }

    static DomainException invalidRefreshToken() {
        return new DomainException(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is not valid; log in again");
    }
}
