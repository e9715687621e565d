package dev.emporium.web.error;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * What a failure that came from the database means for the caller, read from its causes (SQLSTATE first): the row
 * was busy, the database was too slow or away, or the commit itself failed so that nobody knows whether it happened.
 */
enum DatabaseFailure {
    /** A lock was not granted in time (lock_timeout), or a deadlock or serialization failure: retry. */
    BUSY,
    /** statement_timeout cancelled the statement. */
    TOO_SLOW,
    /** The database is not there to talk to; the transaction did not commit. */
    UNAVAILABLE,
    /** The commit itself failed: the change may or may not have been made. */
    OUTCOME_UNKNOWN;

    static Optional<DatabaseFailure> of(Throwable failure) {
        if (Causes.of(failure).anyMatch(DatabaseFailure::isCommitFailure)) {
            return Optional.of(OUTCOME_UNKNOWN);
        }
        return Causes.of(failure).map(DatabaseFailure::classify).flatMap(Optional::stream).findFirst();
    }

    /**
     * A heuristic outcome is the transaction manager saying that the resource did not tell it how the commit ended
     * (the connection broke during COMMIT). A failure before the commit (a failed flush, a broken connection while
     * working) rolls back and is reported as a plain RollbackException or the SQL error itself.
     */
    private static boolean isCommitFailure(Throwable cause) {
        return cause instanceof HeuristicMixedException || cause instanceof HeuristicRollbackException;
    }

    private static Optional<DatabaseFailure> classify(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.equals("55P03") || state.equals("40P01") || state.equals("40001")) {
                return Optional.of(BUSY);
            }
            if (state.equals("57014")) {
                return Optional.of(TOO_SLOW);
            }
            if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                return Optional.of(UNAVAILABLE);
            }
        }
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
            return Optional.of(UNAVAILABLE);
        }
        return Optional.empty();
    }
}
