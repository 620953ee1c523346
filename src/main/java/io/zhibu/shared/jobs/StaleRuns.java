package io.zhibu.shared.jobs;

/**
 * A module's runs table, for recovery at start-up: runs this node left RUNNING (or QUEUED) when it stopped — a crash,
 * {@code kill -9}, a restart — are marked FAILED, whatever the job had half staged outside its final transaction is
 * removed, and the number of runs recovered is returned. Implemented in each module's {@code internal} package for
 * its own table; {@link JobRecovery} calls every implementation once, before the schedulers start.
 */
public interface StaleRuns {
    /** The job's name in the log. */
    String job();

    /** Marks the RUNNING runs of {@code node} (and legacy runs without a node) FAILED; returns how many. */
    int failInterrupted(String node, String note);
}
