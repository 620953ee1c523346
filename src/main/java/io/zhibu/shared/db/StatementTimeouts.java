package io.zhibu.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * No request can hog the database: every pooled connection starts with a statement timeout
 * ({@code zhibu.db.statement-timeout}, default 30 s; PostgreSQL {@code statement_timeout}, H2 {@code QUERY_TIMEOUT}),
 * set by the pool's connection-init SQL. Long jobs (rollup rebuild, warning sweep, dues issue, roster import, data
 * loads) give their own transaction a longer limit with {@link #forJob()} ({@code zhibu.db.job-statement-timeout},
 * default 30 min) or any limit with {@link #limit(Duration)}: on PostgreSQL a transaction-local setting
 * ({@code set_config(…, true)}), on H2 a session setting put back when the transaction ends, so the connection returns
 * to the pool with the default. A statement cut off answers 503 ({@link DatabaseTrouble}).
 */
@Component
public class StatementTimeouts implements BeanPostProcessor {
    private static final Logger log = LoggerFactory.getLogger(StatementTimeouts.class);
    private final Duration statementTimeout;
    private final Duration jobTimeout;
    private DataSource dataSource;
    // the application's DataSource bean as the transactions see it (a read-routing proxy may wrap the pool)
    private final org.springframework.beans.factory.ObjectProvider<DataSource> dataSources;

    public StatementTimeouts(@Value("${zhibu.db.statement-timeout:30s}") Duration statementTimeout,
                             @Value("${zhibu.db.job-statement-timeout:30m}") Duration jobTimeout,
                             org.springframework.beans.factory.ObjectProvider<DataSource> dataSources) {
        this.statementTimeout = statementTimeout;
        this.jobTimeout = jobTimeout;
        this.dataSources = dataSources;
    }

    public Duration statementTimeout() {
        return statementTimeout;
    }

    public Duration jobTimeout() {
        return jobTimeout;
    }

    /** The SQL that sets a session's statement timeout on this database (0 = none). */
    public static String sessionSql(String jdbcUrl, Duration timeout) {
        long ms = Math.max(0, timeout.toMillis());
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:")) {
            return "SET QUERY_TIMEOUT " + ms;
        }
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "SET statement_timeout = " + ms;
        }
        return null;
    }

    /**
     * Everything a pooled connection starts with: its statement timeout and, on PostgreSQL, custom plans for every
     * execution ({@code plan_cache_mode = force_custom_plan}). Issue 20: after five executions of a prepared statement
     * PostgreSQL may switch to a generic plan that cannot see its parameters — the city-wide pinyin search then read
     * the whole city's path range (84 ms instead of 0.7 ms; the name search 633 ms), the subtree queries flipped
     * between plans. Planning each execution costs well under a millisecond.
     */
    public static String connectionInitSql(String jdbcUrl, Duration timeout) {
        String sql = timeout.toMillis() > 0 ? sessionSql(jdbcUrl, timeout) : null;
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            return (sql == null ? "" : sql + "; ") + "SET plan_cache_mode = force_custom_plan";
        }
        return sql;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource h) {
            String sql = connectionInitSql(h.getJdbcUrl(), statementTimeout);
            if (sql == null) {
                if (statementTimeout.toMillis() > 0) {
                    log.warn("no statement timeout for the database at {}: unknown kind", h.getJdbcUrl());
                }
            } else if (h.getConnectionInitSql() != null && !h.getConnectionInitSql().isBlank()) {
                log.warn("spring.datasource.hikari.connection-init-sql is set; zhibu.db.statement-timeout is not applied");
            } else {
                h.setConnectionInitSql(sql);
            }
            this.dataSource = h;
        }
        return bean;
    }

    /** The long-job limit for the current transaction (must run inside it). */
    public void forJob() {
        limit(jobTimeout);
    }

    /** Sets the statement timeout of the current transaction's connection until the transaction ends. */
    public void limit(Duration timeout) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || dataSource == null) {
            throw new IllegalStateException("a statement timeout is set inside a transaction");
        }
        DataSource current = dataSources.getIfUnique(() -> dataSource);
        Connection c = DataSourceUtils.getConnection(current);
        try {
            String url = c.getMetaData().getURL();
            long ms = Math.max(0, timeout.toMillis());
            if (url.startsWith("jdbc:postgresql:")) {
                try (var ps = c.prepareStatement("select set_config('statement_timeout', ?, true)")) {
                    ps.setString(1, String.valueOf(ms));
                    ps.execute();
                }
            } else if (url.startsWith("jdbc:h2:")) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET QUERY_TIMEOUT " + ms);
                }
                String reset = sessionSql(url, statementTimeout);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        try (Statement st = c.createStatement()) {
                            st.execute(reset);
                        } catch (SQLException e) {
                            log.warn("could not put the statement timeout back; evicting the connection", e);
                            evict(c);
                        }
                    }
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement timeout not set", e);
        }
    }

    private void evict(Connection c) {
        if (dataSource instanceof HikariDataSource h) {
            h.evictConnection(c);
        }
    }
}
