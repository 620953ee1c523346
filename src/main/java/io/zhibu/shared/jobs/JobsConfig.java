package io.zhibu.shared.jobs;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled sweeps ({@code @Scheduled} + {@code @SchedulerLock}): a job runs on one app node at a time, the lock
 * is a row of the {@code shedlock} table stamped with the database's clock. Tests switch scheduling off
 * ({@code zhibu.jobs.scheduling=false}) and call the jobs directly.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class JobsConfig {
    @Bean
    LockProvider lockProvider(DataSource dataSource, JobNode node) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                // locked_by = this node's id, the one on its job runs: start-up recovery releases exactly its locks
                .withLockedByValue(node.id())
                .usingDbTime()
                .build());
    }

    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "zhibu.jobs.scheduling", havingValue = "true", matchIfMissing = true)
    static class Scheduling {
    }
}
