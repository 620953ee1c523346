package io.zhibu.warning;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.WarningSweepRecord;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Role;
import io.zhibu.warning.internal.SweepEngine;
import io.zhibu.warning.internal.WarningRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sweeps started by a platform administrator (button or API): the run is recorded at once and runs in the
 * background under the same ShedLock lock as the nightly job, so it never overlaps another sweep on any node (a
 * run that finds the lock taken is recorded as SKIPPED). Progress is the run row (stage, candidates so far).
 */
@Service
public class WarningSweeps {
    private static final Logger log = LoggerFactory.getLogger(WarningSweeps.class);
    private final WarningRepository repo;
    private final SweepEngine engine;
    private final DefaultLockingTaskExecutor locks;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    public WarningSweeps(WarningRepository repo, SweepEngine engine, LockProvider lockProvider, TransactionTemplate tx,
                         AuditLog audit, Clock clock) {
        this.repo = repo;
        this.engine = engine;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    static void requireAdmin(DataScope scope) {
        if (scope.role() != Role.ADMIN) {
            throw new ForbiddenException("sweeps are run by the platform administrator");
        }
    }

    public WarningViews.SweepRun start(DataScope scope) {
        requireAdmin(scope);
        LocalDate today = LocalDate.now(clock);
        long run = tx.execute(s -> {
            long id = repo.startRun(today, "ADMIN", scope.username(), "QUEUED", OffsetDateTime.now(clock));
            audit.success("warning.sweep", "sweep", id, "", "as of " + today);
            return id;
        });
        Thread.ofVirtual().name("warning-sweep-" + run).start(() -> runLocked(run, today));
        return view(repo.run(run).orElseThrow());
    }

    private void runLocked(long run, LocalDate today) {
        try {
            var result = locks.executeWithLock(() -> engine.sweep(run, today, EnumSet.allOf(WarningRule.class)),
                    new LockConfiguration(Instant.now(), SweepEngine.LOCK, Duration.ofMinutes(30), Duration.ZERO));
            if (!result.wasExecuted()) {
                tx.executeWithoutResult(s -> repo.markStatus(run, "SKIPPED"));
            }
        } catch (Throwable e) {
            log.error("warning sweep {} failed", run, e);
            tx.executeWithoutResult(s -> repo.markStatus(run, "FAILED"));
        }
    }

    public List<WarningViews.SweepRun> runs(DataScope scope) {
        requireAdmin(scope);
        return repo.runs(20).stream().map(WarningSweeps::view).toList();
    }

    public WarningViews.SweepRun run(DataScope scope, long id) {
        requireAdmin(scope);
        return repo.run(id).map(WarningSweeps::view).orElseThrow(() -> new NotFoundException("sweep", id));
    }

    static WarningViews.SweepRun view(WarningSweepRecord r) {
        return new WarningViews.SweepRun(r.getId(), r.getOnDate(), r.getTriggerKind(), r.getStartedBy(), r.getStatus(),
                r.getStage(), r.getCandidates(), r.getOpened(), r.getChanged(), r.getClosed(), r.getFailedRules(),
                r.getStartedAt(), r.getFinishedAt(), r.getMillis());
    }
}
