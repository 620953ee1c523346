package io.zhibu.warning.internal;

import io.zhibu.shared.OrgPath;
import io.zhibu.shared.rollup.FactsChanged;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.Severity;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningEvents;
import io.zhibu.warning.WarningProperties;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Collections;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.Record6;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The early-warning sweep: every enabled rule's sources stream their current candidates into the staging table
 * (multi-row INSERTs), then one transaction diffs them against the open warnings with four set-based statements
 * (level changes, fact refresh, close vanished, open new). Running it twice on the same day changes nothing. It runs
 * under the ShedLock lock "warning-sweep" (scheduled job or administrator), so two app nodes never sweep at once.
 */
@Component
public class SweepEngine {
    private static final int SOURCE_THREADS = 3;
    public static final String LOCK = "warning-sweep";
    private static final Logger log = LoggerFactory.getLogger(SweepEngine.class);

    private final WarningRepository repo;
    private final ObjectProvider<WarningSource> sources;
    private final WarningProperties props;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Notifier notifier;
    private final Clock clock;

    public SweepEngine(WarningRepository repo, ObjectProvider<WarningSource> sources, WarningProperties props,
                       TransactionTemplate tx, ApplicationEventPublisher events, Notifier notifier, Clock clock) {
        this.repo = repo;
        this.sources = sources;
        this.props = props;
        this.tx = tx;
        this.events = events;
        this.notifier = notifier;
        this.clock = clock;
    }

    private io.zhibu.shared.db.StatementTimeouts timeouts;

    /** Long statements of this job run under the job's statement timeout ({@code zhibu.db.job-statement-timeout}). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setTimeouts(io.zhibu.shared.db.StatementTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    private void jobTimeout() {
        if (timeouts != null) {
            timeouts.forJob();
        }
    }

    /** What a run did. */
    public record Result(long runId, int candidates, int opened, int changed, int closed, List<String> failedRules,
                         long millis) {
    }

    /** A full sweep as of {@code today} (every rule). */
    public Result sweep(LocalDate today, String trigger, String actor) {
        long run = tx.execute(s -> {
            repo.abandonRunning(now());
            return repo.startRun(today, trigger, actor, now());
        });
        return sweep(run, today, EnumSet.allOf(WarningRule.class));
    }

    /** A sweep of some rules only (tests, and re-checking one rule after a configuration change). */
    public Result sweep(LocalDate today, Set<WarningRule> rules, String actor) {
        long run = tx.execute(s -> repo.startRun(today, "PARTIAL", actor, OffsetDateTime.now(clock)));
        return sweep(run, today, rules);
    }

    /**
     * Sweeps the given rules into an existing run row; warnings of other rules are left as they are (tests sweep
     * one rule at a time; a rule whose source fails is left alone too, never mass-closed).
     */
    public Result sweep(long run, LocalDate today, Set<WarningRule> rules) {
        long t0 = System.nanoTime();
        tx.executeWithoutResult(s -> repo.markStatus(run, "RUNNING"));
        Set<String> skip = ConcurrentHashMap.newKeySet();
        EnumSet.complementOf(EnumSet.copyOf(rules)).forEach(r -> skip.add(r.id()));
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger staged = new AtomicInteger();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        // sources are independent reads of their own module's tables, each staged in its own transaction: three run
        // side by side, so the two heavy ones (dues arrears, meeting compliance) never wait behind the small ones
        List<Callable<Void>> work = new ArrayList<>();
        for (WarningRule rule : rules) {
            RuleSettings settings = props.settings(rule);
            if (!settings.enabled()) {
                continue; // its open warnings close: the rule was switched off
            }
            for (WarningSource source : sources.orderedStream().filter(s -> s.rule() == rule).toList()) {
                work.add(() -> {
                    long ts = System.nanoTime();
                    try {
                        int n = tx.execute(s -> {
                            jobTimeout();
                            return stageRule(run, today, source, settings, seen);
                        });
                        log.info("warning source {} ({}): {} candidates in {} ms", rule.id(),
                                source.getClass().getSimpleName(), n, (System.nanoTime() - ts) / 1_000_000);
                        int done = staged.addAndGet(n);
                        tx.executeWithoutResult(s -> repo.stage(run, rule.id(), done));
                    } catch (RuntimeException e) {
                        log.warn("warning source {} failed; its open warnings stay as they are", rule.id(), e);
                        failed.add(rule.id());
                        skip.add(rule.id());
                        tx.executeWithoutResult(s -> repo.clearCandidates(run, rule.id()));
                    }
                    return null;
                });
            }
        }
        io.zhibu.shared.jobs.Parallel.all(SOURCE_THREADS, work, "warning sweep");
        tx.executeWithoutResult(s -> repo.analyzeCandidates());
        tx.executeWithoutResult(s -> repo.stage(run, "diff", seenSize(seen)));
        OffsetDateTime now = now();
        long td = System.nanoTime();
        int[] counts = new int[3];
        List<Record6<Long, Long, String, String, Severity, Severity>> changed = tx.execute(s -> {
            jobTimeout();
            repo.bulkJoinsOnly();
            var ch = repo.changeLevels(run, today, now);
            repo.refreshFacts(run);
            counts[0] = repo.closeVanished(run, today, skip, now);
            counts[1] = repo.openNew(run, today, now);
            repo.clearCandidates(run);
            return ch;
        });
        counts[2] = changed.size();
        long tp = System.nanoTime();
        publish(run, changed);
        long tn = System.nanoTime();
        try {
            tx.executeWithoutResult(s -> notifier.afterSweep(run, changed.stream().map(Record6::value1).toList()));
        } catch (RuntimeException e) {
            log.warn("warning notifications of run {} failed", run, e);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        log.info("warning sweep {}: diff {} ms, events {} ms, notifications {} ms", run, (tp - td) / 1_000_000,
                (tn - tp) / 1_000_000, (System.nanoTime() - tn) / 1_000_000);
        int total = staged.get();
        tx.executeWithoutResult(s -> repo.finishRun(run, failed.isEmpty() ? "DONE" : "PARTIAL", total, counts[1],
                counts[2], counts[0], failed.isEmpty() ? null : String.join(",", failed), now(), millis));
        log.info("Warning sweep {} as of {}: {} candidates, {} opened, {} changed, {} closed{} in {} ms", run, today,
                total, counts[1], counts[2], counts[0], failed.isEmpty() ? "" : ", failed " + failed, millis);
        return new Result(run, total, counts[1], counts[2], counts[0], List.copyOf(failed), millis);
    }

    private static int seenSize(Set<String> seen) {
        return seen.size();
    }

    private int stageRule(long run, LocalDate today, WarningSource source, RuleSettings settings, Set<String> seen) {
        List<WarningRepository.Staged> batch = new ArrayList<>(props.batchSize());
        int[] n = {0};
        source.candidates(today, settings, c -> {
            WarningRepository.Staged s = staged(c, settings);
            if (s != null && seen.add(s.openKey())) {
                batch.add(s);
                n[0]++;
                if (batch.size() >= props.batchSize()) {
                    repo.stageCandidates(run, batch);
                    batch.clear();
                }
            }
        });
        repo.stageCandidates(run, batch);
        return n[0];
    }

    /** Validated staging row; the severity comes from the rule's (configurable) level table. */
    static WarningRepository.Staged staged(WarningCandidate c, RuleSettings settings) {
        if (c.rule() != settings.rule() || c.orgPath() == null || c.orgPath().isEmpty() || c.subjectKey() == null) {
            throw new IllegalArgumentException("bad candidate " + c);
        }
        Severity severity = settings.severity(c.level());
        WarningRule r = c.rule();
        String path = c.orgPath();
        String upper = path.length() > OrgPath.SEGMENT ? path.substring(0, path.length() - OrgPath.SEGMENT) : "";
        return new WarningRepository.Staged(r.id() + ":" + c.subjectKey(), OrgPath.idAt(path, 1), c.orgId(), path, upper,
                r.id(), c.subjectKey(), c.memberId(), cut(c.subjectName(), 100), c.level(), severity, c.dueOn(),
                cut(c.detail(), 200), r.forBranch(), r.forUpper(), r.forMember());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Per-warning events for listeners, and one {@link FactsChanged} for the rollups (a first city sweep opens tens of
     * thousands of warnings: one dirty mark per org, or one for all, instead of one per warning).
     */
    private void publish(long run, List<Record6<Long, Long, String, String, Severity, Severity>> changed) {
        Set<Long> orgIds = new HashSet<>();
        repo.forEachOpened(run, w -> {
            orgIds.add(w.getOrgId());
            events.publishEvent(new WarningEvents.Opened(w.getId(), w.getOrgId(), w.getOrgPath(), w.getRule(),
                    w.getSeverity()));
        });
        repo.forEachClosed(run, w -> {
            orgIds.add(w.getOrgId());
            events.publishEvent(new WarningEvents.Closed(w.getId(), w.getOrgId(), w.getOrgPath(), w.getRule(),
                    w.getSeverity()));
        });
        for (var c : changed) {
            if (c.value5() != c.value6()) {
                orgIds.add(c.value2());
                events.publishEvent(new WarningEvents.SeverityChanged(c.value1(), c.value2(), c.value3(), c.value4(),
                        c.value5(), c.value6()));
            }
        }
        if (!orgIds.isEmpty()) {
            tx.executeWithoutResult(s -> events.publishEvent(FactsChanged.stock("warning", orgIds)));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
