package io.zhibu.supervision.internal;

import io.zhibu.dues.DuesService;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.shared.bench.BenchHistory;
import org.jooq.DSLContext;
import io.zhibu.supervision.Dashboards;
import io.zhibu.supervision.Rollups;
import io.zhibu.warning.WarningSweeps;
import io.zhibu.warning.WarningViews;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The supervision benchmark, run on a database holding a city (or province) from the data generator:
 * <pre>
 * ./mvnw -o spring-boot:run -Dspring-boot.run.arguments="--zhibu.bench.supervision=true --zhibu.demo.enabled=false
 *     --server.port=0"   (ZHIBU_DB_URL=… for PostgreSQL; add --zhibu.datagen.city=true --zhibu.datagen.exit=false to
 *     load the city in the same run)
 * </pre>
 * It writes 35 months of history (meetings, dues bills and payments, people in development) unless
 * {@code zhibu.bench.history=false}, then measures the full rollup rebuild, the dashboards of the root, a township and a
 * branch under {@code zhibu.bench.concurrency} (50) concurrent callers for {@code zhibu.bench.seconds} (20) each —
 * server time of the service call — against the naive way (the same figures counted live over the modules' rows),
 * the full early-warning sweep, and the monthly dues issue; then exits and logs a Markdown table.
 */
@Component
@ConditionalOnBooleanProperty("zhibu.bench.supervision")
@Order(40)
class SupervisionBenchCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(SupervisionBenchCommand.class);
    private static final DataScope ADMIN = new DataScope(0, "bench", Role.ADMIN, null, "", null, null);

    private final List<BenchHistory> history;
    private final Rollups rollups;
    private final Dashboards dashboards;
    private final OrgService orgs;
    private final WarningSweeps sweeps;
    private final DuesService dues;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final boolean writeHistory;
    private final int concurrency;
    private final int seconds;
    private final boolean check;
    private final boolean exit;
    private final int naiveRuns;
    private final int rebuilds;
    private final int historyMonths;
    private final DSLContext db;
    private final boolean measure;
    private final List<String> naiveTargets;

    SupervisionBenchCommand(List<BenchHistory> history, Rollups rollups, Dashboards dashboards, OrgService orgs,
                            WarningSweeps sweeps, DuesService dues, ConfigurableApplicationContext context, Clock clock,
                            @Value("${zhibu.bench.history:true}") boolean writeHistory,
                            @Value("${zhibu.bench.concurrency:50}") int concurrency,
                            @Value("${zhibu.bench.seconds:20}") int seconds,
                            @Value("${zhibu.bench.check:false}") boolean check,
                            @Value("${zhibu.bench.exit:true}") boolean exit,
                            @Value("${zhibu.bench.naive-runs:1}") int naiveRuns,
                            @Value("${zhibu.bench.rebuilds:1}") int rebuilds,
                            @Value("${zhibu.bench.history-months:35}") int historyMonths,
                            @Value("${zhibu.bench.measure:true}") boolean measure,
                            @Value("${zhibu.bench.naive-targets:root,township,branch}") List<String> naiveTargets,
                            DSLContext db) {
        this.naiveTargets = naiveTargets;
        this.db = db;
        this.historyMonths = historyMonths;
        this.measure = measure;
        this.naiveRuns = naiveRuns;
        this.rebuilds = rebuilds;
        this.history = history;
        this.rollups = rollups;
        this.dashboards = dashboards;
        this.orgs = orgs;
        this.sweeps = sweeps;
        this.dues = dues;
        this.context = context;
        this.clock = clock;
        this.writeHistory = writeHistory;
        this.concurrency = concurrency;
        this.seconds = seconds;
        this.check = check;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> table = new ArrayList<>();
        table.add("| What | Result |");
        table.add("|---|---|");
        YearMonth current = YearMonth.now(clock);
        if (writeHistory) {
            for (BenchHistory h : history) {
                long t = System.nanoTime();
                long rows = h.generate(current.minusMonths(historyMonths), current.minusMonths(1), 2026);
                table.add("| history: " + h.name() + " (" + historyMonths + " months) | " + rows + " rows in " + ms(t) + " ms |");
                log.info("bench history {}: {} rows in {} ms", h.name(), rows, ms(t));
            }
        }
        if (writeHistory && io.zhibu.shared.db.BulkInsert.postgres(db)) {
            long t = System.nanoTime();
            db.execute("analyze"); // as autovacuum would after a bulk load: the planner needs the new row counts
            log.info("bench: analyze in {} ms", ms(t));
        }
        if (!measure) {
            log.info("supervision benchmark (history only):\n{}", String.join("\n", table));
            if (exit) {
                System.exit(SpringApplication.exit(context, () -> 0));
            }
            return;
        }
        for (int i = 1; i <= rebuilds; i++) {
            Rollups.Run run = rollups.rebuildSync("bench");
            table.add("| full rollup rebuild #" + i + " | " + run.millis() + " ms, " + run.rows() + " cells |");
            log.info("bench rebuild #{}: {} ms, {} cells", i, run.millis(), run.rows());
        }
        if (check) {
            long t = System.nanoTime();
            List<String> diffs = rollups.checkNow(10);
            table.add("| check incremental = rebuild | " + (diffs.isEmpty() ? "equal" : diffs) + " (" + ms(t) + " ms) |");
        }
        List<OrgNode> nodes = orgs.activeNodes();
        OrgNode root = nodes.stream().filter(n -> n.parentId() == null)
                .max((a, b) -> Long.compare(members(a), members(b))).orElseThrow();
        OrgNode township = nodes.stream().filter(n -> n.depth() == root.depth() + 2 && n.path().startsWith(root.path()))
                .max((a, b) -> Long.compare(members(a), members(b))).orElse(root);
        OrgNode branch = nodes.stream().filter(n -> n.type().holdsMembers() && n.path().startsWith(township.path()))
                .findFirst().orElse(township);
        String year = String.valueOf(current.getYear());
        for (OrgNode target : List.of(root, township, branch)) {
            String what = target == root ? "root" : target == township ? "township" : "branch";
            long[] fast = load(() -> dashboards.dashboard(ADMIN, target.id(), year, null));
            // the naive count of a province root runs for hours: zhibu.bench.naive-targets picks where to run it
            String naive = "naive live count not run";
            if (naiveRuns > 0 && naiveTargets.contains(what)) {
                long live = serial(() -> dashboards.liveFigures(ADMIN, target.id(), year), naiveRuns)[0];
                naive = String.format("naive live count p50 %.0f ms (x%.0f)", live / 1e3, live / Math.max(1.0, fast[0]));
            }
            table.add(String.format("| dashboard of the %s (%s, %d members), %d concurrent | rollups p50 %.1f ms, p99 %.1f ms, "
                            + "%d req/s; %s |", what, target.name(), members(target),
                    concurrency, fast[0] / 1e3, fast[1] / 1e3, fast[2], naive));
            log.info(table.getLast());
        }
        long t = System.nanoTime();
        WarningViews.SweepRun sweep = sweeps.start(ADMIN);
        while (List.of("QUEUED", "RUNNING").contains(sweep.status())) {
            Thread.sleep(200);
            sweep = sweeps.run(ADMIN, sweep.id());
        }
        table.add("| full early-warning sweep | " + sweep.millis() + " ms (" + sweep.status() + ", " + sweep.candidates()
                + " candidates, " + sweep.opened() + " opened, " + sweep.closed() + " closed; wall " + ms(t) + " ms) |");
        var issue = dues.issue(ADMIN, current, null);
        table.add("| monthly dues issue (" + current + ") | " + issue.issued() + " bills in " + issue.millis() + " ms |");
        t = System.nanoTime();
        int applied = rollups.applyPending();
        table.add("| rollups after the issue (dirty marks applied) | " + applied + " marks in " + ms(t) + " ms |");
        log.info("supervision benchmark:\n{}", String.join("\n", table));
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    private long members(OrgNode n) {
        return dashboards.dashboard(ADMIN, n.id(), null, null).figure("member.total");
    }

    /** p50, p99 (µs) and throughput of {@code call} under the configured concurrency, after a warm-up. */
    private long[] load(Supplier<?> call) throws InterruptedException {
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        for (int phase = 0; phase < 2; phase++) {
            boolean record = phase == 1;
            long end = System.nanoTime() + (record ? seconds : Math.max(2, seconds / 5)) * 1_000_000_000L;
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < concurrency; i++) {
                    pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            long s = System.nanoTime();
                            call.get();
                            if (record) {
                                lat.add((System.nanoTime() - s) / 1000);
                            }
                        }
                    });
                }
            }
        }
        List<Long> l = new ArrayList<>(lat);
        Collections.sort(l);
        return new long[] {l.get(l.size() / 2), l.get((int) (l.size() * 0.99)), l.size() / seconds};
    }

    private static long[] serial(Supplier<?> call, int n) {
        List<Long> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            call.get();
            l.add((System.nanoTime() - s) / 1000);
        }
        Collections.sort(l);
        return new long[] {l.get(l.size() / 2)};
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

}
