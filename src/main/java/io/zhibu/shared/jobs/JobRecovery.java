package io.zhibu.shared.jobs;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Start-up recovery of jobs (issue 19, point 2): before the schedulers and any request, the runs this node left
 * RUNNING when it stopped (crash, {@code kill -9}, restart) are marked FAILED in every module's runs table
 * ({@link StaleRuns}: rollup runs, warning sweeps, dues issues, roster imports), and the ShedLock locks it held are
 * released — otherwise a re-run would be skipped until the lock's 30 minutes ran out. Each job's writes are one
 * transaction, so nothing half-written remains; the job can be run again at once.
 */
@Component
public class JobRecovery implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);
    public static final String NOTE = "interrupted: the node stopped while the job ran (marked at start-up)";
    private final List<StaleRuns> tables;
    private final JdbcTemplate jdbc;
    private final JobNode node;

    public JobRecovery(List<StaleRuns> tables, JdbcTemplate jdbc, JobNode node) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.node = node;
    }

    @Override
    public void afterSingletonsInstantiated() {
        recover();
    }

    /** Marks this node's interrupted runs FAILED and releases its locks; returns the runs recovered. */
    public int recover() {
        int total = 0;
        for (StaleRuns t : tables) {
            try {
                int n = t.failInterrupted(node.id(), NOTE);
                if (n > 0) {
                    log.warn("{} run(s) of {} left running by node {} marked FAILED", n, t.job(), node.id());
                }
                total += n;
            } catch (RuntimeException e) {
                log.error("start-up recovery of {} failed", t.job(), e);
            }
        }
        try {
            // lock_until back to locked_at: in the past in the lock's own clock (ShedLock stamps the database's time)
            int locks = jdbc.update("update shedlock set lock_until = locked_at where locked_by = ?"
                    + " and lock_until > locked_at", node.id());
            if (locks > 0) {
                log.warn("{} job lock(s) held by node {} before it stopped released", locks, node.id());
            }
        } catch (RuntimeException e) {
            log.error("start-up release of job locks failed", e);
        }
        return total;
    }
}
