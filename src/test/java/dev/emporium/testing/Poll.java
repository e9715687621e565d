package dev.emporium.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits, within a bound, for something asynchronous to become true. */
public final class Poll {

    private static final long INTERVAL_MILLIS = 100;

    private Poll() {
    }

    /** Returns the first non-null value the supplier gives within the timeout; fails the test otherwise. */
    public static <T> T until(Duration timeout, String what, Supplier<T> supplier) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = supplier.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    public static void untilTrue(Duration timeout, String what, Supplier<Boolean> condition) {
        until(timeout, what, () -> Boolean.TRUE.equals(condition.get()) ? Boolean.TRUE : null);
    }
}
