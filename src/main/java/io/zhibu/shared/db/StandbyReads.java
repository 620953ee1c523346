package io.zhibu.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads that tolerate bounded staleness go to a PostgreSQL standby (issue 23; 只读备库分流). Optional and off by
 * default: it exists only when {@code zhibu.db.standby.url} is set, e.g.
 * {@code jdbc:postgresql://h1:5436,h2:5437/zhibu?targetServerType=preferSecondary} — the driver picks a standby
 * and, when none answers, the primary.
 * <ul>
 * <li>Which reads: GET requests whose path matches {@code zhibu.db.standby.paths} (dashboards, rankings, bulletins,
 * exports by default), and there only their <em>read-only</em> transactions — the pool is wrapped in Spring's
 * {@link LazyConnectionDataSourceProxy} with a read-only data source, which routes a connection marked read-only;
 * writes in the same request (audit rows of an export) still go to the primary.</li>
 * <li>Fallback: when the standby pool cannot give a connection within {@code zhibu.db.standby.connection-timeout}
 * (2 s), the read uses the primary and the standby is skipped for {@code zhibu.db.standby.retry-after} (30 s).</li>
 * <li>Staleness: with synchronous replication (pg_auto_failover's default) a committed write is on the standby's
 * disk when the commit returns and replayed within milliseconds; the dashboards add their own cache (5 s).</li>
 * </ul>
 */
@Configuration
@ConditionalOnProperty(name = "zhibu.db.standby.url")
public class StandbyReads {
    private static final ThreadLocal<Boolean> STALE_OK = new ThreadLocal<>();
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(StandbyReads.class);

    /** Runs {@code body} with its read-only transactions routed to the standby (when one is configured). */
    public static <T> T staleOk(java.util.function.Supplier<T> body) {
        Boolean before = STALE_OK.get();
        STALE_OK.set(Boolean.TRUE);
        try {
            return body.get();
        } finally {
            if (before == null) {
                STALE_OK.remove();
            }
        }
    }

    static boolean staleOk() {
        return Boolean.TRUE.equals(STALE_OK.get());
    }

    @Bean
    static BeanPostProcessor standbyRouting(Environment env) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!"dataSource".equals(name) || !(bean instanceof HikariDataSource primary)) {
                    return bean;
                }
                HikariConfig c = new HikariConfig();
                c.setPoolName("standby");
                c.setJdbcUrl(env.getRequiredProperty("zhibu.db.standby.url"));
                c.setUsername(env.getProperty("zhibu.db.standby.username", primary.getUsername()));
                c.setPassword(env.getProperty("zhibu.db.standby.password", primary.getPassword()));
                c.setMaximumPoolSize(env.getProperty("zhibu.db.standby.pool", Integer.class, 8));
                c.setMinimumIdle(1);
                c.setReadOnly(true);
                c.setConnectionTimeout(env.getProperty("zhibu.db.standby.connection-timeout", Duration.class,
                        Duration.ofSeconds(2)).toMillis());
                c.setValidationTimeout(1000);
                c.setInitializationFailTimeout(-1); // start without the standby; reads use the primary meanwhile
                c.setConnectionInitSql(primary.getConnectionInitSql());
                var proxy = new LazyConnectionDataSourceProxy(primary);
                proxy.setReadOnlyDataSource(new StandbyOrPrimary(new HikariDataSource(c), primary,
                        env.getProperty("zhibu.db.standby.retry-after", Duration.class, Duration.ofSeconds(30))));
                log.info("stale-tolerant reads go to the standby {}", c.getJdbcUrl());
                return proxy;
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> standbyReadPaths(Environment env) {
        List<String> paths = List.of(env.getProperty("zhibu.db.standby.paths", String[].class, new String[] {
                "/api/v1/supervision/dashboard/**", "/api/v1/supervision/rankings", "/api/v1/supervision/bulletins*",
                "/supervision", "/supervision/screen", "/supervision/rankings", "/supervision/bulletins",
                "/api/v1/points/rankings/**", "/**/export.xlsx", "/**/results.xlsx"}));
        AntPathMatcher m = new AntPathMatcher();
        var f = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                    throws ServletException, IOException {
                String path = req.getRequestURI().substring(req.getContextPath().length());
                if (!"GET".equals(req.getMethod()) || paths.stream().noneMatch(p -> m.match(p, path))) {
                    chain.doFilter(req, res);
                    return;
                }
                STALE_OK.set(Boolean.TRUE);
                try {
                    chain.doFilter(req, res);
                } finally {
                    STALE_OK.remove();
                }
            }
        };
        var r = new FilterRegistrationBean<OncePerRequestFilter>(f);
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return r;
    }

    /** The read-only data source: the standby for stale-tolerant reads while it answers, the primary otherwise. */
    static final class StandbyOrPrimary implements DataSource {
        private final DataSource standby;
        private final DataSource primary;
        private final long retryAfterNanos;
        private volatile long skipUntil;

        StandbyOrPrimary(DataSource standby, DataSource primary, Duration retryAfter) {
            this.standby = standby;
            this.primary = primary;
            this.retryAfterNanos = retryAfter.toNanos();
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (staleOk() && System.nanoTime() - skipUntil >= 0) {
                try {
                    return standby.getConnection();
                } catch (SQLException e) {
                    skipUntil = System.nanoTime() + retryAfterNanos;
                    log.warn("standby unavailable ({}); reads use the primary for a while", e.getMessage());
                }
            }
            return primary.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return primary.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return primary.isWrapperFor(iface);
        }
    }
}
