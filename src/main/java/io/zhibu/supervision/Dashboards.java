package io.zhibu.supervision;

import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.rollup.RollupSource;
import io.zhibu.shared.RefreshAhead;
import io.zhibu.supervision.internal.RollupEngine;
import io.zhibu.supervision.internal.RollupRepository;
import io.zhibu.supervision.internal.RollupRepository.Cell;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督导看板 dashboards and rankings, read from the rollups only: an organization and its children are a few hundred
 * cells by primary key, whatever the size of the subtree. Scoped: an organization outside the caller's subtree is
 * not found.
 */
@Service
public class Dashboards {
    static final List<OrgType> BRANCH_TYPES = List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH);

    /** What children and branches can be ranked by. */
    public enum RankBy {
        MEETING_RATE, DUES_RATE, MEMBERS, PIPELINE, TERMS_DUE, WARNINGS;

        public static RankBy parse(String s) {
            if (s == null || s.isBlank()) {
                return MEETING_RATE;
            }
            try {
                return valueOf(s.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("rank", "supervision.rank.invalid");
            }
        }

        /** Sort key: higher is better for rates and sizes, lower for terms due (nulls rank last). */
        Comparator<Map<String, Long>> order() {
            return switch (this) {
                case MEETING_RATE -> rate(Dashboard::meetingRate);
                case DUES_RATE -> rate(Dashboard::duesRate);
                case MEMBERS -> Comparator.comparingLong((Map<String, Long> f) -> f.getOrDefault("member.total", 0L)).reversed();
                case PIPELINE -> Comparator.comparingLong(Dashboards::pipeline).reversed();
                case TERMS_DUE -> Comparator.comparingLong((Map<String, Long> f) -> f.getOrDefault("org.term.overdue", 0L)
                        + f.getOrDefault("org.term.expiring", 0L));
                case WARNINGS -> Comparator.comparingLong(Dashboards::openWarnings);
            };
        }

        private static Comparator<Map<String, Long>> rate(java.util.function.Function<Map<String, Long>, Integer> r) {
            return Comparator.comparing(r, Comparator.nullsLast(Comparator.reverseOrder()));
        }
    }

    /** A branch in a subtree-wide ranking. */
    public record BranchRank(int rank, long orgId, String name, Map<String, Long> figures, Integer meetingRate,
                             Integer duesRate) {
    }

    /**
     * What a dashboard needs of an organization, whoever asks: the org, its children, their figures, the names of
     * its ancestors. Kept per org and period (see {@link #kept}).
     */
    private record Snapshot(Organization org, List<Organization> children, Map<Long, Map<String, Long>> figures,
                            List<Dashboard.Crumb> ancestors, long pending,
                            java.util.concurrent.ConcurrentMap<ViewKey, Dashboard> views) {
    }

    /** What makes two callers' dashboards of one snapshot differ: the order and the depth the breadcrumb starts at. */
    private record ViewKey(RankBy rank, int fromDepth) {
    }

    /** A dashboard snapshot or a subtree's branch ranking of one organization and period. */
    private record KeptKey(boolean ranking, long orgId, String period) {
    }

    private final OrgService orgs;
    private final RollupRepository repo;
    private final RollupEngine engine;
    private final Clock clock;
    private final TransactionTemplate readTx;
    /** Snapshots and rankings in one store, refresh-ahead with one builder per key. */
    private final RefreshAhead<KeptKey, Object> kept;

    /**
     * @param cacheFor how long a kept snapshot counts as fresh ({@code zhibu.supervision.dashboard-cache}, default
     *                 5 s = the applier's delay; 0 = no cache, every call reads the rollups)
     * @param maxStale the oldest snapshot ever served while the next one is built
     *                 ({@code zhibu.supervision.dashboard-max-stale}, default 60 s; at least {@code cacheFor})
     */
    public Dashboards(OrgService orgs, RollupRepository repo, RollupEngine engine, Clock clock,
                      PlatformTransactionManager txm,
                      @Value("${zhibu.supervision.dashboard-cache:PT5S}") Duration cacheFor,
                      @Value("${zhibu.supervision.dashboard-max-stale:PT60S}") Duration maxStale) {
        this.orgs = orgs;
        this.repo = repo;
        this.engine = engine;
        this.clock = clock;
        this.readTx = new TransactionTemplate(txm);
        this.readTx.setReadOnly(true);
        this.kept = new RefreshAhead<>(cacheFor, maxStale, 20_000, engine::version);
    }

    /** Kept per org and period (see {@link RefreshAhead}: served at once, never older than the max-stale bound). */
    @SuppressWarnings("unchecked")
    private <T> T kept(KeptKey key, java.util.function.Supplier<T> build) {
        return (T) kept.get(key, build::get);
    }

    public DashboardPeriod period(String code) {
        return DashboardPeriod.parse(code, YearMonth.now(clock));
    }

    /** The organization's dashboard (default: the caller's scope root) for the period, children ranked. */
    public Dashboard dashboard(DataScope scope, Long orgId, String periodCode, String rankBy) {
        requireReader(scope);
        DashboardPeriod period = period(periodCode);
        RankBy rank = RankBy.parse(rankBy);
        long id = orgId != null ? orgId : scope.scopeOrgId() != null ? scope.scopeOrgId() : resolve(scope, null).id();
        // the first caller's scope loads it (not found when outside); every caller is checked against the org's path
        Snapshot snap = kept(new KeptKey(false, id, period.code()), () -> readTx.execute(s -> snapshot(scope, id, period)));
        Organization org = snap.org();
        if (!scope.covers(org.path())) {
            throw new NotFoundException("organization", id);
        }
        int fromDepth = Math.max(1, OrgPath.depth(scope.orgPath()));
        // built once per kept snapshot, order and breadcrumb depth, so that every caller of the same view gets the same
        // (immutable) object: the API keeps its JSON beside it (issue 20: fifty callers of the city's dashboard
        // re-sorted and re-serialized the same children on every call)
        return snap.views().computeIfAbsent(new ViewKey(rank, fromDepth), k -> view(snap, period, rank, fromDepth));
    }

    private Dashboard view(Snapshot snap, DashboardPeriod period, RankBy rank, int fromDepth) {
        Organization org = snap.org();
        Map<Long, Map<String, Long>> figures = snap.figures();
        Map<String, Long> own = figures.getOrDefault(org.id(), Map.of());
        List<Organization> ordered = new ArrayList<>(snap.children());
        Comparator<Map<String, Long>> order = rank.order();
        ordered.sort(Comparator.comparing((Organization c) -> figures.getOrDefault(c.id(), Map.of()), order)
                .thenComparing(Organization::name));
        List<Dashboard.Child> rows = new ArrayList<>();
        for (Organization c : ordered) {
            Map<String, Long> f = figures.getOrDefault(c.id(), Map.of());
            rows.add(new Dashboard.Child(c.id(), c.name(), c.type().name(), c.type() != OrgType.PARTY_GROUP,
                    f, Dashboard.meetingRate(f), Dashboard.duesRate(f), rows.size() + 1));
        }
        List<Dashboard.Crumb> crumbs = snap.ancestors().subList(fromDepth - 1, snap.ancestors().size());
        return new Dashboard(org.id(), org.name(), org.type().name(), period.code(), crumbs, own,
                Dashboard.meetingRate(own), Dashboard.duesRate(own), rank.name(), List.copyOf(rows), snap.pending());
    }

    private Snapshot snapshot(DataScope scope, long orgId, DashboardPeriod period) {
        Organization org = orgs.get(scope, orgId);
        List<Organization> children = org.type().holdsMembers() ? List.of() : orgs.children(scope, org.id(), false);
        List<Long> ids = new ArrayList<>();
        ids.add(org.id());
        children.forEach(c -> ids.add(c.id()));
        return new Snapshot(org, List.copyOf(children), figures(period, ids), ancestors(org), repo.pendingCount(),
                new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** Every branch of the subtree ranked by one figure (bulletins name the last ones). */
    public List<BranchRank> branchRanking(DataScope scope, Long orgId, String periodCode, String rankBy, int limit) {
        requireReader(scope);
        DashboardPeriod period = period(periodCode);
        RankBy rank = RankBy.parse(rankBy);
        long id = orgId != null ? orgId : scope.scopeOrgId() != null ? scope.scopeOrgId() : resolve(scope, null).id();
        // the subtree's branches and their figures are the same for every caller who may see the org (a scope is a
        // subtree): kept like the dashboard snapshot; each call only checks the caller's scope and sorts
        Ranking base = kept(new KeptKey(true, id, period.code()),
                () -> readTx.execute(s -> ranking(scope, orgs.get(scope, id), period)));
        if (!scope.covers(base.org().path())) {
            throw new NotFoundException("organization", id);
        }
        Map<Long, Map<String, Long>> figures = base.figures();
        // sorted once per kept ranking and order (thousands of branches), not on every call
        List<Organization> ordered = base.sorted().computeIfAbsent(rank, r -> {
            List<Organization> list = new ArrayList<>(base.branches());
            list.sort(Comparator.comparing((Organization b) -> figures.getOrDefault(b.id(), Map.of()), r.order())
                    .thenComparing(Organization::path));
            return List.copyOf(list);
        });
        List<BranchRank> out = new ArrayList<>();
        for (Organization b : ordered.subList(0, Math.min(Math.max(limit, 1), ordered.size()))) {
            Map<String, Long> f = figures.getOrDefault(b.id(), Map.of());
            out.add(new BranchRank(out.size() + 1, b.id(), b.name(), f, Dashboard.meetingRate(f), Dashboard.duesRate(f)));
        }
        return out;
    }

    private Ranking ranking(DataScope scope, Organization org, DashboardPeriod period) {
        List<Organization> branches = org.type().holdsMembers() ? List.of(org)
                : orgs.activeIn(scope, org.id(), BRANCH_TYPES);
        Map<Long, Map<String, Long>> figures = new HashMap<>();
        List<String> keys = new ArrayList<>(period.rollupKeys());
        keys.add(RollupEngine.NOW);
        List<Long> ids = branches.stream().map(Organization::id).toList();
        java.util.function.Consumer<Cell> add =
                c -> figures.computeIfAbsent(c.orgId(), k -> new HashMap<>()).merge(c.metric(), c.subtree(), Long::sum);
        if (ids.size() > rangeReadAbove) {
            // thousands of branches: one range read of the period's cells beats thousands of index probes per metric
            java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
            repo.forEachMetricCell(keys, RANKING_METRICS, c -> {
                if (wanted.contains(c.orgId())) {
                    add.accept(c);
                }
            });
        } else {
            repo.metricCells(keys, RANKING_METRICS, ids).forEach(add);
        }
        return new Ranking(org, List.copyOf(branches), figures, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** Above this many branches a ranking reads the period's cells in one range instead of probing each branch. */
    private int rangeReadAbove = 1_000;

    /** For the test that compares both reads: sets the threshold and forgets the kept rankings. */
    void rangeReadAbove(int branches) {
        this.rangeReadAbove = branches;
        kept.invalidateAll();
    }

    private record Ranking(Organization org, List<Organization> branches, Map<Long, Map<String, Long>> figures,
                           java.util.concurrent.ConcurrentMap<RankBy, List<Organization>> sorted) {
    }

    static final List<String> RANKING_METRICS = List.of("member.total", "meeting.held", "meeting.missing", "dues.due",
            "dues.paid", "dev.APPLICANT", "dev.ACTIVIST", "dev.TARGET", "dev.PROBATIONARY", "org.term.expiring",
            "org.term.overdue", "warning.open.INFO", "warning.open.WARNING", "warning.open.URGENT",
            "warning.open.CRITICAL");

    /**
     * The baseline the benchmark compares with: the same subtree figures counted live over the modules' rows for the
     * organization and each child (what a dashboard costs without rollups).
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Long>> liveFigures(DataScope scope, Long orgId, String periodCode) {
        Organization org = resolve(scope, orgId);
        DashboardPeriod period = period(periodCode);
        List<Organization> targets = new ArrayList<>();
        targets.add(org);
        if (!org.type().holdsMembers()) {
            targets.addAll(orgs.children(scope, org.id(), false));
        }
        Map<Long, Map<String, Long>> out = new HashMap<>();
        for (Organization o : targets) {
            Map<String, Long> f = new HashMap<>();
            for (RollupSource s : engine.sources()) {
                s.liveSubtreeValues(o.path(), period.first(), period.last(), (id, m, metric, v) -> f.merge(metric, v, Long::sum));
            }
            out.put(o.id(), f);
        }
        return out;
    }

    private Map<Long, Map<String, Long>> figures(DashboardPeriod period, List<Long> ids) {
        List<String> keys = new ArrayList<>(period.rollupKeys());
        keys.add(RollupEngine.NOW);
        Map<Long, Map<String, Long>> out = new HashMap<>();
        for (Cell c : repo.cells(keys, ids)) {
            out.computeIfAbsent(c.orgId(), k -> new HashMap<>()).merge(c.metric(), c.subtree(), Long::sum);
        }
        return out;
    }

    private static void requireReader(DataScope scope) {
        if (scope.selfOnly() || !scope.canReadRoster()) {
            throw new ForbiddenException("dashboards are for secretaries and superiors");
        }
    }

    Organization resolve(DataScope scope, Long orgId) {
        requireReader(scope);
        if (orgId != null) {
            return orgs.get(scope, orgId);
        }
        return scope.scopeOrgId() != null ? orgs.get(scope, scope.scopeOrgId()) : orgs.scopeRoots(scope).getFirst();
    }

    /** The org's ancestors and itself, root first (the caller's breadcrumb starts at its own scope depth). */
    private List<Dashboard.Crumb> ancestors(Organization org) {
        List<Long> ids = new ArrayList<>();
        for (int d = 1; d <= OrgPath.depth(org.path()); d++) {
            ids.add(OrgPath.idAt(org.path(), d));
        }
        Map<Long, String> names = orgs.namesOf(ids);
        return ids.stream().map(id -> new Dashboard.Crumb(id, names.getOrDefault(id, String.valueOf(id)))).toList();
    }

    static long pipeline(Map<String, Long> f) {
        return f.getOrDefault("dev.APPLICANT", 0L) + f.getOrDefault("dev.ACTIVIST", 0L) + f.getOrDefault("dev.TARGET", 0L)
                + f.getOrDefault("dev.PROBATIONARY", 0L);
    }

    static long openWarnings(Map<String, Long> f) {
        return f.getOrDefault("warning.open.INFO", 0L) + f.getOrDefault("warning.open.WARNING", 0L)
                + f.getOrDefault("warning.open.URGENT", 0L) + f.getOrDefault("warning.open.CRITICAL", 0L);
    }
}
