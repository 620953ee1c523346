package io.zhibu.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionSystemException;

/** What answers 503 (issue 19): timeouts and an unreachable database, as the drivers and Spring report them. */
class DatabaseTroubleTest {
    @Test
    void timeoutsAndLockWaits() {
        assertThat(DatabaseTrouble.of(new QueryTimeoutException("x"))).isEqualTo(DatabaseTrouble.TIMEOUT);
        assertThat(DatabaseTrouble.of(new RuntimeException(new SQLException("canceling statement", "57014"))))
                .isEqualTo(DatabaseTrouble.TIMEOUT);
        assertThat(DatabaseTrouble.of(new SQLException("Timeout trying to lock table", "HYT00", 50200)))
                .isEqualTo(DatabaseTrouble.TIMEOUT);
    }

    @Test
    void theDatabaseGoneOrRestarting() {
        assertThat(DatabaseTrouble.of(new SQLTransientConnectionException("pool"))).isEqualTo(DatabaseTrouble.UNAVAILABLE);
        assertThat(DatabaseTrouble.of(new SQLException("terminating connection", "57P01"))).isEqualTo(DatabaseTrouble.UNAVAILABLE);
        assertThat(DatabaseTrouble.of(new DataAccessResourceFailureException("io", new SQLException("I/O", "08006"))))
                .isEqualTo(DatabaseTrouble.UNAVAILABLE);
        // the drill's one 500: the rollback failed on the closed connection, hiding the I/O error
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("io", new SQLException("I/O", "08006")));
        assertThat(DatabaseTrouble.of(rollback)).isEqualTo(DatabaseTrouble.UNAVAILABLE);
    }

    @Test
    void ordinaryErrorsAreNotTheDatabasesFault() {
        assertThat(DatabaseTrouble.of(new DataIntegrityViolationException("dup", new SQLException("dup", "23505")))).isNull();
        assertThat(DatabaseTrouble.of(new IllegalStateException("x"))).isNull();
        assertThat(DatabaseTrouble.of(new SQLException("deadlock", "40P01"))).isNull();
    }
}
