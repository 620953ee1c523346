package io.zhibu.shared.jobs;

import io.zhibu.shared.db.StatementTimeouts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One long job's work as one transaction (issue 19): recorded in {@code job_run} around it ({@link JobRuns}) and run
 * under the job's statement timeout ({@link StatementTimeouts#forJob()}). A crash leaves nothing of the work; the run
 * row says FAILED after the restart.
 */
@Component
public class LongJobs {
    private final JobRuns runs;
    private final StatementTimeouts timeouts;

    public LongJobs(JobRuns runs, StatementTimeouts timeouts) {
        this.runs = runs;
        this.timeouts = timeouts;
    }

    public <T> T run(String job, String by, TransactionTemplate tx, TransactionCallback<T> work) {
        return runs.record(job, by, () -> tx.execute(s -> {
            timeouts.forJob();
            return work.doInTransaction(s);
        }));
    }

    /** Without the job bookkeeping (a service built by hand in a unit test): only the transaction. */
    public static <T> T run(LongJobs jobs, String job, String by, TransactionTemplate tx, TransactionCallback<T> work) {
        return jobs == null ? tx.execute(work) : jobs.run(job, by, tx, work);
    }
}
