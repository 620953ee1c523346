package io.zhibu.shared.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs of jobs that have no run table of their own — the dues issue, the roster import commit — in {@code job_run}
 * (plain JDBC, like ShedLock's table). A run is recorded RUNNING in its own transaction before the job's work and
 * finished DONE or FAILED after it, so a run whose node died stays RUNNING until {@link JobRecovery} marks it FAILED.
 * The job's own work is one transaction: a crash leaves nothing of it, and the job can simply be run again.
 */
@Component
public class JobRuns implements StaleRuns {
    /** One run as stored. */
    public record Run(long id, String job, String status, String node, String startedBy, Instant startedAt,
                      Instant finishedAt, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final JobNode node;

    public JobRuns(JdbcTemplate jdbc, PlatformTransactionManager txm, JobNode node) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(txm);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.node = node;
    }

    /** Records a run as RUNNING (committed at once, whatever transaction the caller is in). */
    public long start(String job, String by) {
        return own.execute(s -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(c -> {
                var ps = c.prepareStatement("insert into job_run (job, status, node, started_by, started_at)"
                        + " values (?, 'RUNNING', ?, ?, ?)", new String[] {"id"});
                ps.setString(1, job);
                ps.setString(2, node.id());
                ps.setString(3, by);
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                return ps;
            }, key);
            return key.getKey().longValue();
        });
    }

    /** Finishes a run: DONE or FAILED with a short note (committed at once). */
    public void finish(long id, boolean ok, String detail) {
        own.executeWithoutResult(s -> jdbc.update("update job_run set status = ?, finished_at = ?, detail = ? where id = ?",
                ok ? "DONE" : "FAILED", Timestamp.from(Instant.now()),
                detail == null ? null : detail.substring(0, Math.min(500, detail.length())), id));
    }

    public Optional<Run> run(long id) {
        return jdbc.query("select * from job_run where id = ?", (rs, i) -> new Run(rs.getLong("id"), rs.getString("job"),
                rs.getString("status"), rs.getString("node"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                rs.getString("detail")), id).stream().findFirst();
    }

    /** The latest runs of a job, newest first. */
    public List<Run> latest(String job, int limit) {
        return jdbc.query("select * from job_run where job = ? order by id desc limit " + Math.max(1, limit),
                (rs, i) -> new Run(rs.getLong("id"), rs.getString("job"), rs.getString("status"), rs.getString("node"),
                        rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("detail")), job);
    }

    @Override
    public String job() {
        return "job_run (dues issue, roster import)";
    }

    @Override
    public int failInterrupted(String nodeId, String note) {
        return jdbc.update("update job_run set status = 'FAILED', finished_at = ?, detail = ? where status = 'RUNNING'"
                + " and node = ?", Timestamp.from(Instant.now()), note, nodeId);
    }

    /** Runs {@code work} as a recorded run of {@code job}; a failure is recorded and rethrown. */
    public <T> T record(String job, String by, java.util.function.Supplier<T> work) {
        long id = start(job, by);
        try {
            T result = work.get();
            finish(id, true, result == null ? null : String.valueOf(result));
            return result;
        } catch (RuntimeException e) {
            finish(id, false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            throw e;
        }
    }
}
