package io.zhibu.points.internal;

import io.zhibu.points.PointsService;
import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Points jobs: open the new year on 1 January; rebuild the year's rollups from the ledger every night. */
@Component
class PointsJobs {
    private static final Logger log = LoggerFactory.getLogger(PointsJobs.class);
    private final PointsService points;
    private final Clock clock;

    PointsJobs(PointsService points, Clock clock) {
        this.points = points;
        this.clock = clock;
    }

    @Scheduled(cron = "${zhibu.points.open-year-cron:0 5 0 1 1 *}", zone = "${zhibu.zone:Asia/Shanghai}")
    @SchedulerLock(name = "points.openYear")
    void openYear() {
        points.openYear(LocalDate.now(clock).getYear());
    }

    /** The safety net behind the incremental rollups: a disagreement is logged (and repaired by the rebuild). */
    @Scheduled(cron = "${zhibu.points.rebuild-cron:0 40 2 * * *}", zone = "${zhibu.zone:Asia/Shanghai}")
    @SchedulerLock(name = "points.rebuild")
    void rebuild() {
        var r = points.rebuildYear(LocalDate.now(clock).getYear());
        if (!r.agreed()) {
            log.warn("Points rollups of {} disagreed with the ledger and were rebuilt ({} ms)", r.year(), r.millis());
        }
    }
}
