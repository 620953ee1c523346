package io.zhibu.supervision;

import io.zhibu.audit.AuditLog;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Role;
import io.zhibu.supervision.internal.RollupEngine;
import io.zhibu.supervision.internal.RollupRepository;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * 督导汇总 the rollups behind every dashboard: applying pending changes, the full rebuild (also nightly) and the check
 * that incremental values equal a rebuild. Rebuild and check are platform-wide, so they are the administrator's.
 */
@Service
public class Rollups {
    private final RollupEngine engine;
    private final RollupRepository repo;
    private final AuditLog audit;

    private final org.springframework.transaction.support.TransactionTemplate tx;

    public Rollups(RollupEngine engine, RollupRepository repo, AuditLog audit,
                   org.springframework.transaction.PlatformTransactionManager txm) {
        this.engine = engine;
        this.repo = repo;
        this.audit = audit;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(txm);
    }

    /** A run of a rollup job (progress for the admin page). */
    public record Run(long id, String kind, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                      long rows, Long millis, String note, String startedBy) {
    }

    /**
     * Applies every pending change now (the scheduler does this every few seconds); returns the dirty marks applied
     * as deltas, or -1 when the tree had changed and a full rebuild ran instead.
     */
    public int applyPending() {
        int total = 0;
        for (int i = 0; i < 100; i++) {
            int n = engine.locked(engine::applyNow).orElse(0);
            if (n == 0) {
                break;
            }
            if (n < 0) {
                return -1;
            }
            total += n;
        }
        return total;
    }

    public long pending() {
        return repo.pendingCount();
    }

    /**
     * Starts a full rebuild in the background and returns its run (poll {@link #run}). The run row and the audit
     * record commit together before the work starts (issue 19: the audit write needs a transaction, the rebuild ran
     * without one and answered 500); the outcome is on the run, a failure also in the audit trail.
     */
    public Run rebuild(DataScope scope) {
        requireAdmin(scope);
        Long id = tx.execute(s -> {
            long run = repo.startRun("REBUILD", scope.username());
            audit.success("supervision.rebuild", "rollup", run, scope.orgPath(), "full rebuild started");
            return run;
        });
        Thread.ofVirtual().name("rollup-rebuild-" + id).start(() -> {
            try {
                execute(id);
            } catch (RuntimeException e) {
                try {
                    audit.failure(scope.username(), "supervision.rebuild", "rollup", id, e.toString(),
                            io.zhibu.audit.AuditOutcome.FAILURE);
                } catch (RuntimeException ignored) {
                    // the run row says FAILED already
                }
            }
        });
        return run(scope, id);
    }

    /** A full rebuild in the calling thread (scheduler, benchmark, tests); returns the run. */
    public Run rebuildSync(String by) {
        long id = repo.startRun("REBUILD", by);
        execute(id);
        return toRun(repo.run(id).orElseThrow());
    }

    private void execute(long runId) {
        long start = System.nanoTime();
        try {
            var written = engine.locked(engine::rebuildNow);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (written.isPresent()) {
                repo.finishRun(runId, "DONE", written.get(), ms, null);
            } else {
                repo.finishRun(runId, "SKIPPED", 0, ms, "another node or job holds the rollup lock");
            }
        } catch (RuntimeException e) {
            repo.finishRun(runId, "FAILED", 0, (System.nanoTime() - start) / 1_000_000, e.toString());
            throw e;
        }
    }

    /** Compares the table with a fresh rebuild; an empty list means incremental = rebuild. */
    public List<String> check(DataScope scope, int max) {
        requireAdmin(scope);
        return checkNow(max);
    }

    /** The check without a caller (tests, benchmark): applies pending marks first. */
    public List<String> checkNow(int max) {
        applyPending();
        return engine.locked(() -> engine.differencesNow(max)).orElseThrow(
                () -> new io.zhibu.shared.ConflictException("supervision.rollup.busy"));
    }

    public List<Run> runs(DataScope scope) {
        requireAdmin(scope);
        return repo.runs(20).stream().map(Rollups::toRun).toList();
    }

    public Run run(DataScope scope, long id) {
        requireAdmin(scope);
        return repo.run(id).map(Rollups::toRun).orElseThrow(() -> new NotFoundException("run", id));
    }

    private static Run toRun(io.zhibu.db.tables.records.SupervisionRunRecord r) {
        return new Run(r.getId(), r.getKind(), r.getStatus(), r.getStartedAt(), r.getFinishedAt(), r.getRowsWritten(),
                r.getMillis(), r.getNote(), r.getStartedBy());
    }

    private static void requireAdmin(DataScope scope) {
        if (scope.role() != Role.ADMIN) {
            throw new ForbiddenException("rollup jobs are the platform administrator's");
        }
    }
}
