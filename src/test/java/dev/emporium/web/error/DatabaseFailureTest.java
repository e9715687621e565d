package dev.emporium.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseFailureTest {

    private static Throwable wrapped(Throwable cause) {
        return new PersistenceException("could not execute statement", cause);
    }

    @Test
    void aLockNotGrantedADeadlockOrASerializationFailureIsBusy() {
        for (String state : new String[] {"55P03", "40P01", "40001"}) {
            assertEquals(Optional.of(DatabaseFailure.BUSY), DatabaseFailure.of(wrapped(new SQLException("x", state))), state);
        }
    }

    @Test
    void aCancelledStatementIsTooSlow() {
        assertEquals(Optional.of(DatabaseFailure.TOO_SLOW), DatabaseFailure.of(wrapped(new SQLException("canceling statement due to statement timeout", "57014"))));
    }

    @Test
    void aDatabaseOutOfReachIsUnavailable() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03", "53300"}) {
            assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(wrapped(new SQLException("x", state))), state);
        }
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(new SQLTransientConnectionException("pool empty")));
    }

    @Test
    void aHeuristicOutcomeOfTheCommitIsUnknownEvenWhenTheConnectionBrokeToo() {
        Throwable commit = new TransactionalException("commit failed", new HeuristicMixedException("resource failed to complete"));
        commit.getCause().initCause(new SQLException("connection lost", "08006"));
        assertEquals(Optional.of(DatabaseFailure.OUTCOME_UNKNOWN), DatabaseFailure.of(commit));
    }

    @Test
    void aRollbackBeforeTheCommitSaysThatNothingHappened() {
        Throwable flushFailed = new TransactionalException("rolled back", new RollbackException("flush failed"));
        flushFailed.getCause().initCause(wrapped(new SQLException("connection lost", "08006")));
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(flushFailed));
    }

    @Test
    void otherFailuresAreNotTheDatabases() {
        assertEquals(Optional.empty(), DatabaseFailure.of(new IllegalStateException("a bug")));
        assertEquals(Optional.empty(), DatabaseFailure.of(wrapped(new SQLException("unique violation", "23505"))));
    }
}
