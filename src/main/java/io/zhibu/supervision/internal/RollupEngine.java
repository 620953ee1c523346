package io.zhibu.supervision.internal;

import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.rollup.RollupSource;
import io.zhibu.supervision.internal.RollupRepository.Cell;
import io.zhibu.supervision.internal.RollupRepository.Dirty;
import io.zhibu.supervision.internal.RollupRepository.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the rollup table: own and subtree values per organization, period and metric.
 * <ul>
 * <li>apply: the dirty marks written with each fact are turned into deltas — the marked orgs' own values are
 * recomputed by their source, compared with the stored ones, and each difference is added to the org's own value and
 * to the subtree value of the org and every ancestor (the path's segments are the ancestors' ids);</li>
 * <li>rebuild: every source computes every org's own values in one set-based pass, subtree values are summed
 * bottom-up over the tree in memory, and the table is replaced in one transaction;</li>
 * <li>check: a rebuild computed in memory and compared cell by cell with the table (incremental must equal rebuild).</li>
 * </ul>
 * All three run under one cluster-wide lock (ShedLock row {@value #LOCK}), so two app nodes never interleave.
 */
@Component
public class RollupEngine {
    public static final String NOW = "NOW";
    static final String LOCK = "supervision-rollups";
    private static final Logger log = LoggerFactory.getLogger(RollupEngine.class);
    private static final int DIRTY_BATCH = 20_000;
    private static final int SOURCE_THREADS = 3;

    private final Map<String, RollupSource> sources = new LinkedHashMap<>();
    private final OrgService orgs;
    private final RollupRepository repo;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate bulkRead;
    private final String rebuildWorkMem;
    private final LockingTaskExecutor locks;
    private final AtomicLong version = new AtomicLong();
    private io.zhibu.shared.cluster.ClusterSignals signals = io.zhibu.shared.cluster.ClusterSignals.local();

    public RollupEngine(List<RollupSource> sources, OrgService orgs, RollupRepository repo, Clock clock,
                        PlatformTransactionManager txm, LockProvider lockProvider,
                        @Value("${zhibu.supervision.rebuild-work-mem:512MB}")
                        String rebuildWorkMem) {
        this.rebuildWorkMem = rebuildWorkMem;
        this.bulkRead = new TransactionTemplate(txm);
        this.bulkRead.setReadOnly(true);
        sources.forEach(s -> this.sources.put(s.name(), s));
        this.orgs = orgs;
        this.repo = repo;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
    }

    private io.zhibu.shared.db.StatementTimeouts timeouts;

    /** A new rollup version on every node when one node wrote the table (issue 23: dashboards cached per node). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setSignals(io.zhibu.shared.cluster.ClusterSignals signals) {
        this.signals = signals;
        signals.on(io.zhibu.shared.cluster.ClusterSignals.ROLLUPS, version::incrementAndGet);
    }

    /** Called after the write committed: this node's version at once, the other nodes' through the signal. */
    private void newVersion() {
        version.incrementAndGet();
        if (signals.crossesNodes()) {
            signals.publish(io.zhibu.shared.cluster.ClusterSignals.ROLLUPS);
        }
    }

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

    /** Changes whenever this node wrote the table (apply with changes, rebuild): cached dashboards start over. */
    public long version() {
        return version.get();
    }

    public Collection<RollupSource> sources() {
        return sources.values();
    }

    /** First month kept: January two years back (three calendar years of history). */
    public YearMonth horizonFrom() {
        return YearMonth.now(clock).withMonth(1).minusYears(2);
    }

    /** Last month kept: December of this year (quarterly and yearly obligations land in their period's last month). */
    public YearMonth horizonTo() {
        return YearMonth.now(clock).withMonth(12);
    }

    public static String periodKey(YearMonth m) {
        return m == null ? NOW : m.toString();
    }

    public static String yearKey(YearMonth m) {
        return String.valueOf(m.getYear());
    }

    /** Runs {@code work} under the cluster-wide rollup lock; empty when another node (or thread) holds it. */
    public <T> java.util.Optional<T> locked(Supplier<T> work) {
        try {
            var result = locks.executeWithLock(work::get,
                    new LockConfiguration(Instant.now(), LOCK, Duration.ofMinutes(30), Duration.ZERO));
            return result.wasExecuted() ? java.util.Optional.ofNullable(result.getResult()) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ the tree

    /** The active tree in path order (parents first), with each node's parent index. */
    record Tree(List<OrgNode> nodes, Map<Long, Integer> index, int[] parent) {
        static Tree of(List<OrgNode> nodes) {
            Map<Long, Integer> index = new HashMap<>(nodes.size() * 2);
            for (int i = 0; i < nodes.size(); i++) {
                index.put(nodes.get(i).id(), i);
            }
            int[] parent = new int[nodes.size()];
            for (int i = 0; i < nodes.size(); i++) {
                Long p = nodes.get(i).parentId();
                parent[i] = p == null ? -1 : index.getOrDefault(p, -1);
            }
            return new Tree(nodes, index, parent);
        }

        OrgNode node(long id) {
            Integer i = index.get(id);
            return i == null ? null : nodes.get(i);
        }
    }

    /** Metrics the supervision module derives itself: members by the domain of their branch (领域). */
    static void derive(OrgNode node, String metric, long value, Map<String, Long> out) {
        if (metric.equals("member.total")) {
            out.put("member.domain." + node.domain().name(), value);
        }
    }

    // ------------------------------------------------------------------------------------------------ rebuild

    /** The whole table computed in memory: period → metric → own values by tree index. */
    final class Computed {
        final Tree tree;
        final Map<String, Map<String, long[]>> own = new TreeMap<>();

        Computed(Tree tree) {
            this.tree = tree;
        }

        void add(String period, String metric, int i, long v) {
            own.computeIfAbsent(period, k -> new TreeMap<>())
                    .computeIfAbsent(metric, k -> new long[tree.nodes().size()])[i] += v;
        }

        /** Adds another source's values (sources emit disjoint metrics, so this is mostly moving arrays over). */
        void addAll(Computed other) {
            other.own.forEach((period, metrics) -> metrics.forEach((metric, values) -> {
                long[] mine = own.computeIfAbsent(period, k -> new TreeMap<>()).putIfAbsent(metric, values);
                if (mine != null) {
                    for (int i = 0; i < mine.length; i++) {
                        mine[i] += values[i];
                    }
                }
            }));
        }

        /**
         * Streams the cells with subtree values summed bottom-up (children come after their parents in path order),
         * one period and metric at a time, so a province's tens of millions of cells are never all in memory.
         */
        void forEachCell(Consumer<Cell> out) {
            int n = tree.nodes().size();
            long[] sub = new long[n];
            own.forEach((period, metrics) -> metrics.forEach((metric, values) -> {
                System.arraycopy(values, 0, sub, 0, n);
                for (int i = n - 1; i > 0; i--) {
                    int p = tree.parent()[i];
                    if (p >= 0) {
                        sub[p] += sub[i];
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (values[i] != 0 || sub[i] != 0) {
                        out.accept(new Cell(period, tree.nodes().get(i).id(), metric, values[i], sub[i]));
                    }
                }
            }));
        }
    }

    /**
     * Every source's own values in one set-based pass each, the sources in parallel (each is mostly one query whose
     * time is spent in the database, so the long ones overlap instead of queueing).
     */
    Computed computeAll() {
        Tree tree = Tree.of(orgs.activeNodes());
        YearMonth from = horizonFrom();
        YearMonth to = horizonTo();
        List<Callable<Computed>> work = new ArrayList<>();
        for (RollupSource s : sources.values()) {
            work.add(() -> {
                long t = System.nanoTime();
                Computed c = new Computed(tree);
                Map<String, Long> derived = new HashMap<>();
                RollupSource.Sink sink = (orgId, month, metric, v) -> {
                    Integer i = tree.index().get(orgId);
                    if (i == null || v == 0 || (month != null && (month.isBefore(from) || month.isAfter(to)))) {
                        return; // facts of inactive organizations, or outside the horizon
                    }
                    derived.clear();
                    derived.put(metric, v);
                    derive(tree.nodes().get(i), metric, v, derived);
                    derived.forEach((m, x) -> {
                        c.add(periodKey(month), m, i, x);
                        if (month != null) {
                            c.add(yearKey(month), m, i, x);
                        }
                    });
                };
                // one read-only transaction per source, with room to hash and sort millions of rows in memory
                bulkRead.executeWithoutResult(st -> {
                    jobTimeout();
                    repo.raiseWorkMem(rebuildWorkMem);
                    s.ownValues(null, from, to, sink);
                });
                log.info("rollup source {}: {} ms", s.name(), (System.nanoTime() - t) / 1_000_000);
                return c;
            });
        }
        Computed all = new Computed(tree);
        io.zhibu.shared.jobs.Parallel.all(SOURCE_THREADS, work, "rollup computation").forEach(all::addAll);
        return all;
    }

    /** Recomputes the whole table from the sources; returns the number of cells written. */
    public long rebuildNow() {
        long maxDirty = repo.dirty(Integer.MAX_VALUE).stream().mapToLong(Dirty::id).max().orElse(0);
        long start = System.nanoTime();
        Computed c = computeAll();
        long computed = System.nanoTime();
        Long written = tx.execute(s -> {
            jobTimeout();
            repo.deleteAll();
            long n = repo.insertAll(c::forEachCell);
            repo.deleteDirtyUpTo(maxDirty);
            return n;
        });
        newVersion();
        log.info("rollup rebuild: {} cells in {} ms (sources {} ms, write {} ms)", written,
                (System.nanoTime() - start) / 1_000_000, (computed - start) / 1_000_000,
                (System.nanoTime() - computed) / 1_000_000);
        return written == null ? 0 : written;
    }

    // ------------------------------------------------------------------------------------------------ apply

    /** Applies pending dirty marks as deltas; returns the number of marks consumed (-1 when it rebuilt instead). */
    public int applyNow() {
        List<Dirty> batch = repo.dirty(DIRTY_BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        if (!repo.everRebuilt() || batch.stream().anyMatch(d -> d.source().equals("*"))) {
            // the tree itself changed (or nothing was ever built): subtree sums need the new tree
            long run = repo.startRun("REBUILD", "apply");
            long start = System.nanoTime();
            long written = rebuildNow();
            repo.finishRun(run, "DONE", written, (System.nanoTime() - start) / 1_000_000, "tree changed");
            return -1;
        }
        long maxId = batch.getLast().id();
        Set<Long> marked = new HashSet<>();
        batch.forEach(d -> marked.add(d.orgId()));
        Tree tree = Tree.of(marked.contains(0L) ? orgs.activeNodes() : withAncestors(marked));
        YearMonth hFrom = horizonFrom();
        YearMonth hTo = horizonTo();
        Map<String, Set<Long>> orgsBySource = new LinkedHashMap<>();
        Map<String, YearMonth[]> rangeBySource = new HashMap<>();
        for (Dirty d : batch) {
            orgsBySource.computeIfAbsent(d.source(), k -> new HashSet<>()).add(d.orgId());
            if (d.from() != null) {
                YearMonth[] r = rangeBySource.computeIfAbsent(d.source(), k -> new YearMonth[] {d.from(), d.to()});
                r[0] = d.from().isBefore(r[0]) ? d.from() : r[0];
                r[1] = d.to().isAfter(r[1]) ? d.to() : r[1];
            }
        }
        Map<Key, long[]> deltas = new HashMap<>();
        orgsBySource.forEach((name, ids) -> {
            RollupSource source = sources.get(name);
            if (source == null) {
                return;
            }
            boolean all = ids.contains(0L);
            Collection<Long> which = all ? null : ids;
            List<String> periods = new ArrayList<>();
            YearMonth from = hFrom;
            YearMonth to = hTo;
            if (source.kind() == RollupSource.Kind.STOCK) {
                periods.add(NOW);
            } else {
                YearMonth[] r = rangeBySource.getOrDefault(name, new YearMonth[] {hFrom, hTo});
                from = r[0].isBefore(hFrom) ? hFrom : r[0];
                to = r[1].isAfter(hTo) ? hTo : r[1];
                for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                    periods.add(periodKey(m));
                }
                if (periods.isEmpty()) {
                    return;
                }
            }
            Map<Key, Long> fresh = new HashMap<>();
            Map<String, Long> derived = new HashMap<>();
            YearMonth f = from;
            YearMonth t = to;
            source.ownValues(which, from, to, (orgId, month, metric, v) -> {
                OrgNode node = tree.node(orgId);
                if (node == null || v == 0 || (month != null && (month.isBefore(f) || month.isAfter(t)))) {
                    return;
                }
                derived.clear();
                derived.put(metric, v);
                derive(node, metric, v, derived);
                derived.forEach((m, x) -> fresh.merge(new Key(periodKey(month), orgId, m), x, Long::sum));
            });
            Map<Key, Long> stored = repo.own(periods, which, name);
            Set<Key> keys = new HashSet<>(fresh.keySet());
            keys.addAll(stored.keySet());
            for (Key k : keys) {
                long d = fresh.getOrDefault(k, 0L) - stored.getOrDefault(k, 0L);
                if (d != 0) {
                    addDelta(deltas, tree, k, d);
                    if (!k.period().equals(NOW)) {
                        addDelta(deltas, tree, new Key(k.period().substring(0, 4), k.orgId(), k.metric()), d);
                    }
                }
            }
        });
        tx.executeWithoutResult(s -> {
            repo.addDeltas(deltas);
            repo.deleteDirtyUpTo(maxId);
        });
        newVersion();
        return batch.size();
    }

    /** The marked orgs and their ancestors only: an apply of a few marks does not read a province's whole tree. */
    private List<OrgNode> withAncestors(Set<Long> ids) {
        List<OrgNode> nodes = new ArrayList<>(orgs.activeNodes(ids));
        Set<Long> ancestors = new HashSet<>();
        for (OrgNode n : nodes) {
            for (int depth = 1; depth < OrgPath.depth(n.path()); depth++) {
                ancestors.add(OrgPath.idAt(n.path(), depth));
            }
        }
        ancestors.removeAll(ids);
        nodes.addAll(orgs.activeNodes(ancestors));
        return nodes;
    }

    /** Own value of the org, subtree value of the org and each of its ancestors. */
    private static void addDelta(Map<Key, long[]> deltas, Tree tree, Key k, long d) {
        deltas.computeIfAbsent(k, x -> new long[2])[0] += d;
        OrgNode node = tree.node(k.orgId());
        for (int depth = 1; depth <= OrgPath.depth(node.path()); depth++) {
            long ancestor = OrgPath.idAt(node.path(), depth);
            if (tree.node(ancestor) != null) {
                deltas.computeIfAbsent(new Key(k.period(), ancestor, k.metric()), x -> new long[2])[1] += d;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ check

    /** Differences between the table and a fresh rebuild (at most {@code max}); empty when incremental = rebuild. */
    public List<String> differencesNow(int max) {
        Computed c = computeAll();
        Map<Key, long[]> expected = new HashMap<>();
        c.forEachCell(cell -> expected.put(new Key(cell.period(), cell.orgId(), cell.metric()),
                new long[] {cell.own(), cell.subtree()}));
        List<String> diffs = new ArrayList<>();
        repo.forEachCell(cell -> {
            Key k = new Key(cell.period(), cell.orgId(), cell.metric());
            long[] e = expected.remove(k);
            long eo = e == null ? 0 : e[0];
            long es = e == null ? 0 : e[1];
            if ((eo != cell.own() || es != cell.subtree()) && diffs.size() < max) {
                diffs.add(k + " stored " + cell.own() + "/" + cell.subtree() + " rebuilt " + eo + "/" + es);
            }
        });
        expected.forEach((k, e) -> {
            if (diffs.size() < max) {
                diffs.add(k + " stored 0/0 rebuilt " + e[0] + "/" + e[1]);
            }
        });
        return diffs;
    }
}
