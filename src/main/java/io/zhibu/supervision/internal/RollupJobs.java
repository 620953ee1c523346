package io.zhibu.supervision.internal;

import io.zhibu.supervision.Rollups;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rollup schedule: dirty marks applied every few seconds (dashboards lag facts by seconds, not by a night), and a
 * nightly rebuild for figures that move with the calendar alone (ages, term clocks, periods that just ended).
 * Both take the cluster-wide rollup lock, so on two app nodes only one runs.
 */
@Component
class RollupJobs {
    private final Rollups rollups;

    RollupJobs(Rollups rollups) {
        this.rollups = rollups;
    }

    @Scheduled(fixedDelayString = "${zhibu.supervision.apply-delay:PT5S}", initialDelayString = "PT30S")
    void applyPending() {
        rollups.applyPending();
    }

    @Scheduled(cron = "${zhibu.supervision.rebuild-cron:0 40 2 * * *}", zone = "${zhibu.zone:Asia/Shanghai}")
    void nightlyRebuild() {
        rollups.rebuildSync("scheduler");
    }
}
