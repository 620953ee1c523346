package io.zhibu.shared.db;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * What the database's answer to a failed request says about the database rather than the request: a statement
 * cut off by its timeout or waiting too long for a lock ({@link #TIMEOUT}), or no connection at all — pool exhausted,
 * server down or restarting ({@link #UNAVAILABLE}). Both answer 503: the request may be tried again later; the
 * timeout is audited. Read from the whole cause chain, whatever wrapped it (jOOQ, Spring, Hikari).
 */
public enum DatabaseTrouble {
    TIMEOUT, UNAVAILABLE;

    public static DatabaseTrouble of(Throwable e) {
        if (e instanceof org.springframework.transaction.TransactionSystemException tse
                && tse.getApplicationException() != null) {
            // the rollback failed because the connection broke: what broke it is the application exception
            DatabaseTrouble first = of(tse.getApplicationException());
            if (first != null) {
                return first;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException) {
                return UNAVAILABLE; // connection lost or refused (Spring's translation of SQLState class 08)
            }
            if (t instanceof org.springframework.dao.QueryTimeoutException || t instanceof SQLTimeoutException
                    || t instanceof org.springframework.dao.CannotAcquireLockException && !isDeadlock(t)) {
                return TIMEOUT;
            }
            if (t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t instanceof SQLTransientConnectionException) {
                return UNAVAILABLE;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (state == null && "Connection is closed".equals(s.getMessage())) {
                    return UNAVAILABLE; // Hikari's proxy after the server closed the connection
                }
                if ("57014".equals(state) || "55P03".equals(state) || "HYT00".equals(state)) {
                    return TIMEOUT; // query canceled (PG, H2), lock not available (PG), lock timeout (H2)
                }
                if (state != null && (state.startsWith("08") || "57P01".equals(state) || "57P02".equals(state)
                        || "57P03".equals(state))) {
                    return UNAVAILABLE; // connection exception, admin/crash shutdown, cannot connect now
                }
            }
        }
        return null;
    }

    private static boolean isDeadlock(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s && ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
