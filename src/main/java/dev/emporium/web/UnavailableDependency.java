package dev.emporium.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Recognises a failure caused by the database or the message broker being out of reach, which the caller should
 * hear as 503 (try again) rather than as a fault of ours.
 */
final class UnavailableDependency {

    private UnavailableDependency() {
    }

    /** "message broker" or "database" when the failure's causes show one of them unreachable. */
    static Optional<String> of(Throwable failure) {
        return Causes.of(failure).map(UnavailableDependency::unreachable).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> unreachable(Throwable cause) {
        if (cause instanceof jakarta.jms.JMSException || cause instanceof jakarta.jms.JMSRuntimeException) {
            return Optional.of("message broker");
        }
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
                || cause instanceof SQLException sql && isUnavailable(sql.getSQLState())) {
            return Optional.of("database");
        }
        return Optional.empty();
    }

    /**
     * SQLSTATE classes that mean the database is not there to talk to: 08 (connection exceptions), 57P (the server
     * shutting down, crashed or not yet accepting connections) and 53300 (no connection slots left).
     */
    private static boolean isUnavailable(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }
}
