package dev.emporium.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginLockoutTest {

    private final LoginLockout lockout = new LoginLockout(5, Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofMinutes(15));
    private final Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theFirstAttemptsPassAndTheFifthLocksForTheFirstLock() {
        LoginLockout.State state = LoginLockout.State.NONE;
        for (int i = 1; i <= 4; i++) {
            LoginLockout.Decision decision = lockout.attempt(state, t0.plusSeconds(i));
            assertFalse(decision.refused(), "attempt " + i);
            assertNull(decision.next().lockedUntil(), "attempt " + i);
            state = decision.next();
        }
        LoginLockout.Decision fifth = lockout.attempt(state, t0.plusSeconds(5));
        assertFalse(fifth.refused(), "the fifth is still heard");
        assertEquals(t0.plusSeconds(20), fifth.next().lockedUntil());

        LoginLockout.Decision sixth = lockout.attempt(fifth.next(), t0.plusSeconds(10));
        assertTrue(sixth.refused());
        assertEquals(Duration.ofSeconds(10), sixth.refusedFor());
        assertEquals(fifth.next(), sixth.next(), "a refused attempt does not count");
    }

    @Test
    void eachAttemptPastTheFreeOnesLocksTwiceAsLongUpToTheCap() {
        LoginLockout.State state = new LoginLockout.State(5, t0, t0.plusSeconds(15));
        Instant now = t0;
        Duration[] expected = {Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofMinutes(5), Duration.ofMinutes(5)};
        for (Duration lock : expected) {
            now = state.lockedUntil();
            LoginLockout.Decision decision = lockout.attempt(state, now);
            assertFalse(decision.refused());
            assertEquals(now.plus(lock), decision.next().lockedUntil());
            state = decision.next();
        }
        LoginLockout.State far = new LoginLockout.State(10_000, now, null);
        assertEquals(now.plus(Duration.ofMinutes(5)), lockout.attempt(far, now).next().lockedUntil(), "no overflow");
    }

    @Test
    void aCountLeftAloneForTheForgetPeriodStartsOver() {
        LoginLockout.State state = new LoginLockout.State(7, t0, t0.plusSeconds(60));
        LoginLockout.Decision later = lockout.attempt(state, t0.plus(Duration.ofMinutes(15)));
        assertFalse(later.refused());
        assertEquals(1, later.next().attempts());
        assertNull(later.next().lockedUntil());
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LoginLockout(0, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new LoginLockout(5, Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new LoginLockout(5, Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new LoginLockout(5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(5)));
    }
}
