package dev.emporium.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * The rule of the per-account login throttle, apart from where its state is kept. Every attempt for an e-mail
 * address counts, whether it succeeds or not (a success clears the count, elsewhere): the first {@code free}
 * attempts pass at once, and the one that reaches that number locks the address for {@code firstLock}, each further
 * attempt for twice as long as the one before, up to {@code maxLock}. Attempts while locked are refused and do not
 * count. A count not added to for {@code forgetAfter} starts over.
 */
record LoginLockout(int free, Duration firstLock, Duration maxLock, Duration forgetAfter) {

    LoginLockout {
        if (free < 1 || firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0
                || forgetAfter.compareTo(maxLock) <= 0) {
            throw new IllegalArgumentException("login throttle: free >= 1 and 0 < first lock <= max lock < forget-after");
        }
    }

    /** Where an address stands: attempts counted, the last one's time, and until when it is locked (or null). */
    record State(int attempts, Instant lastAttempt, Instant lockedUntil) {
        static final State NONE = new State(0, null, null);
    }

    /** An attempt is either refused for a while, or allowed, leaving the address in a new state. */
    record Decision(Duration refusedFor, State next) {
        boolean refused() {
            return refusedFor != null;
        }
    }

    Decision attempt(State state, Instant now) {
        if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            return new Decision(Duration.between(now, state.lockedUntil()), state);
        }
        boolean forgotten = state.lastAttempt() == null || !now.isBefore(state.lastAttempt().plus(forgetAfter));
        int attempts = forgotten ? 1 : state.attempts() + 1;
        Instant lockedUntil = attempts < free ? null : now.plus(lock(attempts - free));
        return new Decision(null, new State(attempts, now, lockedUntil));
    }

    /** firstLock × 2^beyond, capped (without overflowing however far beyond). */
    private Duration lock(int beyond) {
        Duration lock = firstLock;
        for (int i = 0; i < beyond && lock.compareTo(maxLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }
}
