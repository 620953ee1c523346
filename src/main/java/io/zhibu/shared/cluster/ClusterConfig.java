package io.zhibu.shared.cluster;

import io.zhibu.shared.jobs.JobNode;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Several app nodes on one database (issue 23), switched on by {@code zhibu.cluster.enabled} (default off: one node,
 * everything in this JVM as before). On:
 * <ul>
 * <li>page sessions live in the database (Spring Session JDBC, tables {@code spring_session*}, Flyway V32_1), so a
 * page request may land on any node and signing out ends the session on all of them;</li>
 * <li>{@link ClusterSignals} cross nodes on PostgreSQL ({@code LISTEN/NOTIFY}); on H2 they stay local.</li>
 * </ul>
 * The bearer-token check needs nothing more: tokens are rows, the verified-token cache is emptied by the
 * {@value ClusterSignals#TOKENS} signal and lives at most {@code zhibu.security.token-cache-ttl} (5 s) anyway.
 * Scheduled jobs already run once across nodes (ShedLock, {@code shared.jobs.JobsConfig}).
 */
@Configuration
public class ClusterConfig {
    @Bean
    ClusterSignals clusterSignals(JobNode node, DataSource dataSource,
                                  @Value("${zhibu.cluster.enabled:false}") boolean enabled,
                                  @Value("${spring.datasource.url:}") String url) {
        boolean pg = url.startsWith("jdbc:postgresql:");
        return new ClusterSignals(node.id(), enabled && pg ? new JdbcTemplate(dataSource) : null);
    }

    @Configuration
    @ConditionalOnProperty(name = "zhibu.cluster.enabled", havingValue = "true")
    @EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 1800)
    static class Cluster {
        /** Saving a page session while the database is down must not turn a 503 page into a 500. */
        @Bean
        static org.springframework.beans.factory.config.BeanPostProcessor tolerantSessionStore() {
            return new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof org.springframework.session.jdbc.JdbcIndexedSessionRepository r
                            ? new TolerantSessionStore(r) : bean;
                }
            };
        }

        @Bean
        @ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = false)
        PgSignalListener pgSignalListener(ClusterSignals signals, @Value("${spring.datasource.url}") String url,
                                          @Value("${spring.datasource.username:}") String user,
                                          @Value("${spring.datasource.password:}") String password) {
            return url.startsWith("jdbc:postgresql:") ? new PgSignalListener(signals, url, user, password) : null;
        }
    }
}
