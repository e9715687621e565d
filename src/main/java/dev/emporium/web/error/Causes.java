package dev.emporium.web.error;

import java.util.stream.Stream;

/** A failure and its causes, outermost first, for the mappers that look for what really went wrong. */
final class Causes {

    private Causes() {
    }

    static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, cause -> cause != null, cause -> cause.getCause() == cause ? null : cause.getCause());
    }
}
