package io.zhibu.shared.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Issue 23: saving a page session while the database cannot be reached is skipped (the page's own 503 answer stands),
 * any other database error still fails the request.
 */
class TolerantSessionStoreTest {
    private static TolerantSessionStore store(DataSource ds) {
        var jdbc = new JdbcIndexedSessionRepository(new JdbcTemplate(ds), TransactionOperations.withoutTransaction());
        return new TolerantSessionStore(jdbc);
    }

    @Test
    void aSaveWhileTheDatabaseIsUnreachableIsSkipped() throws Exception {
        DataSource down = mock(DataSource.class);
        when(down.getConnection()).thenThrow(new SQLException("Connection refused", "08001"));
        TolerantSessionStore sessions = store(down);
        Session s = sessions.createSession();
        assertThatCode(() -> sessions.save(s)).doesNotThrowAnyException();
    }

    @Test
    void anyOtherDatabaseErrorStillFails() throws Exception {
        DataSource broken = mock(DataSource.class);
        Connection c = mock(Connection.class);
        when(broken.getConnection()).thenReturn(c);
        when(c.prepareStatement(anyString())).thenThrow(new SQLException("relation does not exist", "42P01"));
        TolerantSessionStore sessions = store(broken);
        Session s = sessions.createSession();
        assertThatThrownBy(() -> sessions.save(s)).isInstanceOf(RuntimeException.class);
    }
}
