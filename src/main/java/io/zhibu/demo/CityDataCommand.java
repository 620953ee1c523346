package io.zhibu.demo;

import io.zhibu.member.MemberService;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Benchmark data generator: loads a city-sized region (中共洛阳市委 → counties and districts → townships and
 * streets → villages, communities and units → branches) into the configured database, then exits.
 * <pre>
 * ./mvnw spring-boot:run -Dspring-boot.run.arguments="--zhibu.datagen.city=true --zhibu.datagen.orgs=8300
 *     --zhibu.datagen.members=220000 --zhibu.demo.enabled=false"
 * </pre>
 * (with {@code ZHIBU_DB_URL}, {@code ZHIBU_DB_USER}, {@code ZHIBU_DB_PASSWORD} for PostgreSQL; add
 * {@code --server.port=0} if port 8080 is taken: the web server starts before the command runs).
 * <p>
 * Properties: {@code zhibu.datagen.orgs} (default 8,300, exact), {@code zhibu.datagen.members} (default 220,000),
 * {@code zhibu.datagen.seed}, {@code zhibu.datagen.chunk} (members per transaction, default 2,000) and
 * {@code zhibu.datagen.exit} (default true: exit when done; false keeps the application running) and
 * {@code zhibu.datagen.lived-year} (default false: true gives the region the demo county's lived year — a year of
 * meetings, dues, development, transfers and a published assessment — see {@link LivedYearLoader}).
 * Organizations are created one by one through {@code OrgService}, members in chunks through
 * {@code MemberService.seed}, each call its own transaction, as the audited actor "system"; members are generated
 * lazily, so memory stays bounded. Each run adds a new city root: 洛阳, then 新乡, then 南阳 (each city's ID numbers
 * use its own county codes, so runs never collide); a fourth run into the same database is refused.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
        "${zhibu.datagen.city:false} or ${zhibu.datagen.province:false}")
@Order(20)
public class CityDataCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(CityDataCommand.class);

    private final OrgService orgs;
    private final MemberService members;
    private final org.jooq.DSLContext db;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final int orgCount;
    private final int memberCount;
    private final long seed;
    private final int chunk;
    private final boolean exit;
    private final boolean province;
    private final int provinceOrgs;
    private final int provinceMembers;
    private final LivedYearLoader livedYear;
    private final boolean withLivedYear;

    public CityDataCommand(OrgService orgs, MemberService members, org.jooq.DSLContext db,
                           ConfigurableApplicationContext context, Clock clock,
                           @Value("${zhibu.datagen.orgs:" + DemoDataGenerator.DEFAULT_CITY_ORGS + "}") int orgCount,
                           @Value("${zhibu.datagen.members:" + DemoDataGenerator.DEFAULT_CITY_MEMBERS + "}") int memberCount,
                           @Value("${zhibu.datagen.seed:" + DemoDataGenerator.DEFAULT_SEED + "}") long seed,
                           @Value("${zhibu.datagen.chunk:5000}") int chunk,
                           @Value("${zhibu.datagen.exit:true}") boolean exit,
                           @Value("${zhibu.datagen.province:false}") boolean province,
                           @Value("${zhibu.datagen.province-orgs:150000}") int provinceOrgs,
                           @Value("${zhibu.datagen.province-members:4000000}") int provinceMembers,
                           LivedYearLoader livedYear,
                           @Value("${zhibu.datagen.lived-year:false}") boolean withLivedYear) {
        this.livedYear = livedYear;
        this.withLivedYear = withLivedYear;
        this.province = province;
        this.provinceOrgs = provinceOrgs;
        this.provinceMembers = provinceMembers;
        this.orgs = orgs;
        this.members = members;
        this.db = db;
        this.context = context;
        this.clock = clock;
        this.orgCount = orgCount;
        this.memberCount = memberCount;
        this.seed = seed;
        this.chunk = chunk;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = 0;
        try {
            SystemActor.run(this::generate);
        } catch (RuntimeException e) {
            if (!exit) {
                throw e;
            }
            log.error("City data generation failed", e);
            status = 1;
        }
        if (exit) {
            int code = status;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    /** Loads the next free benchmark city, or the province. */
    void generate() {
        long start = System.nanoTime();
        RegionPlan plan;
        if (province) {
            if (!orgs.scopeRoots(SystemActor.SCOPE).isEmpty()) {
                throw new IllegalStateException("The province shares ID-number region codes with the cities and the demo;"
                        + " load it into an empty database");
            }
            plan = new DemoDataGenerator(seed, LocalDate.now(clock)).province(provinceOrgs, provinceMembers);
        } else {
            plan = new DemoDataGenerator(seed, LocalDate.now(clock)).city(freeCity(), orgCount, memberCount);
        }
        log.info("Region data: loading {} with {} organizations and {} members", plan.root().name(),
                plan.orgs().size(), plan.memberCount());

        List<OrgSpec> specs = plan.orgs();
        long[] ids = new long[specs.size()];
        Progress orgProgress = new Progress("organizations", specs.size(), start);
        // level by level, so that every parent of a chunk is already stored
        int[] depth = new int[specs.size()];
        for (OrgSpec spec : specs) {
            depth[spec.key()] = spec.parentKey() < 0 ? 0 : depth[spec.parentKey()] + 1;
        }
        List<OrgSpec> byLevel = specs.stream().sorted(java.util.Comparator.comparingInt(o -> depth[o.key()])).toList();
        for (int from = 0; from < byLevel.size(); ) {
            int level = depth[byLevel.get(from).key()];
            int to = from;
            while (to < byLevel.size() && to - from < chunk && depth[byLevel.get(to).key()] == level) {
                to++;
            }
            List<OrgSpec> part = byLevel.subList(from, to);
            List<Long> created = orgs.seed(SystemActor.SCOPE, part.stream()
                    .map(o -> o.toCreateOrg(o.parentKey() < 0 ? null : ids[o.parentKey()])).toList());
            for (int i = 0; i < part.size(); i++) {
                ids[part.get(i).key()] = created.get(i);
            }
            orgProgress.advance(part.size());
            from = to;
        }

        // generation (one thread, deterministic) feeds two loaders: sealing and COPY run beside it
        Progress memberProgress = new Progress("members", plan.memberCount(), System.nanoTime());
        Iterator<List<MemberSpec>> chunks = plan.memberChunks(chunk);
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(4);
        List<java.util.concurrent.Future<?>> pending = new java.util.ArrayList<>();
        long queued = 0;
        long nextAnalyze = 50_000;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            while (chunks.hasNext()) {
                List<MemberSpec> next = chunks.next();
                queued += next.size();
                if (queued >= nextAnalyze) {
                    // the tables grow from empty: without fresh statistics the loaders' prepared statements keep
                    // plans made for empty tables (seq scans) and the load slows to a crawl where autovacuum is off
                    refreshStatistics();
                    nextAnalyze = queued * 2;
                }
                inFlight.acquireUninterruptibly();
                pending.add(pool.submit(() -> {
                    try {
                        SystemActor.run(() -> members.seed(SystemActor.SCOPE,
                                next.stream().map(m -> m.toForm(ids[m.orgKey()])).toList()));
                        synchronized (memberProgress) {
                            memberProgress.advance(next.size());
                        }
                    } finally {
                        inFlight.release();
                    }
                }));
                pending.removeIf(java.util.concurrent.Future::isDone);
            }
            for (var f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("member load failed", e.getCause());
        }

        refreshStatistics();
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = (long) specs.size() + plan.memberCount();
        log.info("Region data: loaded {} ({} organizations, {} members) in {} s, {} rows/s", plan.root().name(),
                specs.size(), plan.memberCount(), String.format("%.1f", seconds), Math.round(rows / seconds));
        if (withLivedYear) {
            // the same lived year as the demo county's (issue 16 point 8), so benchmarks see the same shape
            long t = System.nanoTime();
            Organization root = orgs.get(SystemActor.SCOPE, ids[plan.root().key()]);
            List<LivedYearLoader.Step> steps = livedYear.load(root, seed, 12);
            refreshStatistics();
            log.info("Region data: the lived year of {} in {} s: {}", root.name(),
                    String.format("%.1f", (System.nanoTime() - t) / 1e9), steps);
        }
        settle();
    }

    /**
     * Marks the loaded pages all-visible (VACUUM) so that counts are answered from indexes alone (index-only scans, e.g.
     * the roster total of a city) at once, as they would be after autovacuum's first pass on a production server;
     * the benchmark machine runs PostgreSQL with autovacuum off. Runs outside any transaction (VACUUM refuses one).
     */
    private void settle() {
        if (io.zhibu.shared.db.BulkInsert.postgres(db)) {
            long t = System.nanoTime();
            db.execute("vacuum (analyze)");
            log.info("Region data: vacuum in {} ms", (System.nanoTime() - t) / 1_000_000);
        }
    }

    /** A bulk load leaves the planner's statistics stale; PostgreSQL gets them refreshed at once. */
    private void refreshStatistics() {
        if (io.zhibu.shared.db.BulkInsert.postgres(db)) {
            db.execute("analyze");
        }
    }

    /** The first benchmark city whose root is not in the database yet. */
    private int freeCity() {
        Set<String> roots = orgs.scopeRoots(SystemActor.SCOPE).stream().map(Organization::name)
                .collect(Collectors.toSet());
        List<String> names = DemoDataGenerator.cityCommitteeNames();
        for (int i = 0; i < names.size(); i++) {
            if (!roots.contains(names.get(i))) {
                return i;
            }
        }
        throw new IllegalStateException("All benchmark cities " + names + " are already loaded; use a fresh database");
    }

    /** Logs every ~10% with the rate so far. */
    private static final class Progress {
        private final String what;
        private final long total;
        private final long started;
        private long done;
        private int nextTenth = 1;

        Progress(String what, long total, long started) {
            this.what = what;
            this.total = total;
            this.started = started;
        }

        void advance(int n) {
            done += n;
            while (total > 0 && nextTenth <= 10 && done * 10 >= total * nextTenth) {
                double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                log.info("City data: {} {}/{} ({}%), {} s, {} rows/s", what, done, total, nextTenth * 10,
                        String.format("%.1f", seconds), Math.round(done / seconds));
                nextTenth++;
            }
        }
    }
}
