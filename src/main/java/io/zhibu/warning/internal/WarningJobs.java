package io.zhibu.warning.internal;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled jobs of the module, each under a ShedLock lock so that it runs on one app node. Absent when
 * scheduling is off ({@code zhibu.jobs.scheduling=false}, as in tests, which call the engine and the digest directly).
 */
@Component
@ConditionalOnProperty(name = "zhibu.jobs.scheduling", havingValue = "true", matchIfMissing = true)
class WarningJobs {
    private final SweepEngine engine;
    private final Digest digest;
    private final Clock clock;

    WarningJobs(SweepEngine engine, Digest digest, Clock clock) {
        this.engine = engine;
        this.digest = digest;
        this.clock = clock;
    }

    @Scheduled(cron = "${zhibu.warnings.sweep-cron:0 10 3 * * *}", zone = "${zhibu.zone:Asia/Shanghai}")
    @SchedulerLock(name = SweepEngine.LOCK, lockAtMostFor = "PT30M")
    void sweep() {
        engine.sweep(LocalDate.now(clock), "SCHEDULED", "system");
    }

    @Scheduled(cron = "${zhibu.warnings.digest-cron:0 30 7 * * *}", zone = "${zhibu.zone:Asia/Shanghai}")
    @SchedulerLock(name = "warning-digest", lockAtMostFor = "PT30M")
    void digest() {
        digest.send(LocalDate.now(clock));
    }
}
