package io.zhibu.points.internal;

import static io.zhibu.db.Tables.POINTS_ENTRY;
import static io.zhibu.db.Tables.POINTS_MEMBER;
import static io.zhibu.db.Tables.POINTS_ORG_YEAR;

import io.zhibu.db.tables.records.PointsOrgYearRecord;
import io.zhibu.learning.LearningRecords.CompletedStudy;
import io.zhibu.learning.StudyHours;
import io.zhibu.points.PointFact;
import io.zhibu.points.PointItem;
import io.zhibu.points.PointsService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.db.OrgPathSql;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row4;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points benchmark on a loaded city (run after {@code CityDataCommand}, in the same process with
 * {@code --zhibu.datagen.exit=false}, or later against the same database), then exits:
 * <ol>
 * <li>books {@code zhibu.bench.facts-per-member} (default 10) point facts per member into the ledger in one set-based
 * INSERT…SELECT;</li>
 * <li>books the study lines: the learning module's completions of the year ({@code LearningBenchData} made
 * {@code zhibu.bench.study-per-member}, default 10, per member in the learning tables) read through
 * {@link StudyHours#completions} in pages of 5,000 and booked as MATERIAL_COMPLETED lines with their study minutes —
 * the same fact keys the {@code MaterialCompleted} listener uses — one INSERT…SELECT per page; then rebuilds the
 * year's rollups from the ledger (timed);</li>
 * <li>posts {@code zhibu.bench.postings} (default 2,000) facts through {@link PointsService#postFact} from 10 threads
 * (the incremental path), posts them all again (every one a duplicate), and checks incremental == rebuild;</li>
 * <li>measures the subtree member ranking by points and by study time (学习积分: minutes of genuine study) at 10
 * concurrent callers for a branch, a township, a county and the city root, and the all-branch ranking of the city
 * by average points and by average study time: p50/p99 in the service (SQL, names and org names included; no
 * HTTP).</li>
 * </ol>
 * <pre>./mvnw -o spring-boot:run -Dspring-boot.run.arguments="--zhibu.datagen.city=true --zhibu.datagen.exit=false
 *   --zhibu.bench.points=true --zhibu.demo.enabled=false --server.port=0"</pre>
 */
@Component
@ConditionalOnBooleanProperty("zhibu.bench.points")
@Order(40)
class PointsBenchCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(PointsBenchCommand.class);
    private static final DataScope ADMIN = new DataScope(0, "bench", Role.ADMIN, null, "", null, null);
    private final PointsRepository repo;
    private final DSLContext db;
    private final PointsService points;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ConfigurableApplicationContext context;
    private final int factsPerMember;
    private final int postings;
    private final int rounds;
    private final StudyHours study;

    PointsBenchCommand(PointsRepository repo, DSLContext db, PointsService points, StudyHours study, TransactionTemplate tx, Clock clock,
                       ConfigurableApplicationContext context,
                       @Value("${zhibu.bench.facts-per-member:10}") int factsPerMember,
                       @Value("${zhibu.bench.postings:2000}") int postings,
                       @Value("${zhibu.bench.rounds:50}") int rounds) {
        this.repo = repo;
        this.db = db;
        this.points = points;
        this.study = study;
        this.tx = tx;
        this.clock = clock;
        this.context = context;
        this.factsPerMember = factsPerMember;
        this.postings = postings;
        this.rounds = rounds;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int year = LocalDate.now(clock).getYear();
        int members = db.fetchCount(POINTS_MEMBER);
        if (members < 1000) {
            throw new IllegalStateException("load the city first (CityDataCommand): " + members + " members");
        }
        boolean rebuild = false;
        if (!db.fetchExists(POINTS_ENTRY, POINTS_ENTRY.LINK_TYPE.eq("bench"))) {
            long t0 = System.nanoTime();
            int booked = tx.execute(s -> book(year));
            log.info("BENCH book {} facts ({} per member, {} members) in one statement: {} ms", booked, factsPerMember,
                    members, ms(t0));
            rebuild = true;
        }
        if (!db.fetchExists(POINTS_ENTRY, POINTS_ENTRY.LINK_TYPE.eq("material").and(POINTS_ENTRY.CREATED_BY.eq("bench")))) {
            long t0 = System.nanoTime();
            long[] booked = tx.execute(s -> bookStudy(year));
            log.info("BENCH book {} study lines from the learning module's completions ({} pages) in {} ms", booked[0],
                    booked[1], ms(t0));
            rebuild |= booked[0] > 0;
        }
        if (rebuild) {
            analyze();
            long t1 = System.nanoTime();
            var r = points.rebuildYear(year);
            log.info("BENCH rebuild {} from the ledger: {} ms ({} org rows)", year, ms(t1), r.orgRows());
            analyze();
        }

        // the incremental path: postFact from 10 threads, then the same facts again (all duplicates)
        List<Long> ids = db.select(POINTS_MEMBER.MEMBER_ID).from(POINTS_MEMBER).orderBy(DSL.rand()).limit(postings)
                .fetch(POINTS_MEMBER.MEMBER_ID);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Callable<Object>> posts = new ArrayList<>();
        for (Long id : ids) {
            posts.add(() -> tx.execute(s -> points.postFact(PointFact.of(PointItem.MEETING_ATTENDED,
                    "bench:" + run + ":" + id, id, LocalDate.now(clock), "bench", run))));
        }
        long t2 = System.nanoTime();
        runAll(posts);
        long first = ms(t2);
        long t3 = System.nanoTime();
        runAll(posts);
        log.info("BENCH {} postings through postFact at 10 threads: {} ms ({} per s); the same again (duplicates): {} ms",
                ids.size(), first, ids.size() * 1000L / Math.max(1, first), ms(t3));
        long t4 = System.nanoTime();
        var check = points.rebuildYear(year);
        log.info("BENCH incremental == rebuild: {} (rebuild with comparison {} ms)", check.agreed(), ms(t4));

        // the rankings
        var o = POINTS_ORG_YEAR;
        PointsOrgYearRecord root = db.selectFrom(o).where(o.POINTS_YEAR.eq(year)).and(DSL.length(o.ORG_PATH).eq(OrgPath.SEGMENT))
                .orderBy(o.SUB_MEMBERS.desc()).limit(1).fetchOne();
        PointsOrgYearRecord county = largestAt(year, root.getOrgPath(), 2);
        PointsOrgYearRecord township = largestAt(year, county.getOrgPath(), 3);
        PointsOrgYearRecord branch = db.selectFrom(o).where(o.POINTS_YEAR.eq(year))
                .and(OrgPathSql.subtree(o.ORG_PATH, township.getOrgPath())).and(o.OWN_MEMBERS.gt(0))
                .orderBy(o.OWN_MEMBERS.desc()).limit(1).fetchOne();
        for (var metric : List.of(PointsRepository.Metric.POINTS, PointsRepository.Metric.STUDY)) {
            for (var target : List.of(branch, township, county, root)) {
                measure("members by " + metric + ", " + label(target), () -> points.memberRanking(ADMIN, target.getOrgId(),
                        year, metric, 0, 20));
            }
        }
        measure("members by points, city root, page 100", () -> points.memberRanking(ADMIN, root.getOrgId(), year,
                PointsRepository.Metric.POINTS, 100, 20));
        measure("all branches of the city by average points", () -> points.branchRanking(ADMIN, root.getOrgId(), year,
                PointsRepository.Metric.POINTS, 0, 20));
        measure("all branches of the city by average study time", () -> points.branchRanking(ADMIN, root.getOrgId(), year,
                PointsRepository.Metric.STUDY, 0, 20));
        int exit = org.springframework.boot.SpringApplication.exit(context, () -> 0);
        System.exit(exit);
    }

    /** ~N facts per member, set-based: items, points, dates and study minutes spread by member id and fact number. */
    private int book(int year) {
        var g = DSL.generateSeries(1, factsPerMember).as("g", "n");
        Field<Integer> n = g.field("n", Integer.class);
        var m = POINTS_MEMBER;
        Field<Long> k = m.MEMBER_ID.plus(n.mul(7));
        Field<PointItem> item = DSL.when(k.mod(10L).lt(5L), DSL.inline(PointItem.MEETING_ATTENDED, POINTS_ENTRY.ITEM))
                .when(k.mod(10L).lt(8L), DSL.inline(PointItem.DUES_ON_TIME, POINTS_ENTRY.ITEM))
                .when(k.mod(10L).eq(8L), DSL.inline(PointItem.MATERIAL_COMPLETED, POINTS_ENTRY.ITEM))
                .otherwise(DSL.inline(PointItem.MEETING_ABSENT, POINTS_ENTRY.ITEM));
        Field<Integer> pts = DSL.when(k.mod(10L).lt(5L), DSL.inline(2)).when(k.mod(10L).lt(9L), DSL.inline(1))
                .otherwise(DSL.inline(-3));
        int days = LocalDate.now(clock).getDayOfYear();
        Field<LocalDate> date = DSL.val(LocalDate.of(year, 1, 1)).plus(k.mod((long) days).cast(Integer.class));
        Field<Integer> minutes = DSL.when(k.mod(10L).eq(8L), k.mod(50L).plus(10L).cast(Integer.class)).otherwise(DSL.inline(0));
        Field<BigDecimal> score = DSL.when(k.mod(10L).eq(8L), k.mod(41L).plus(60L).cast(BigDecimal.class))
                .otherwise(DSL.inline(BigDecimal.ZERO));
        var e = POINTS_ENTRY;
        return db.insertInto(e, e.REGION_ORG_ID, e.MEMBER_ID, e.ORG_PATH, e.POINTS_YEAR, e.FACT_DATE, e.ITEM, e.FACT_KEY,
                        e.FACT_SEQ, e.REQUESTED, e.POINTS, e.STUDY_MINUTES, e.QUIZ_SCORE, e.LINK_TYPE, e.CREATED_BY, e.CREATED_AT)
                .select(db.select(m.REGION_ORG_ID, m.MEMBER_ID, m.ORG_PATH, DSL.val(year), date, item,
                                DSL.concat(DSL.inline("bench:"), m.MEMBER_ID.cast(String.class), DSL.inline(":"), n.cast(String.class)),
                                DSL.inline(0), pts, pts, minutes, score, DSL.inline("bench"), DSL.inline("bench"),
                                DSL.val(OffsetDateTime.now(clock)))
                        .from(m).crossJoin(g))
                .execute();
    }

    /**
     * The learning module's completions of the year as MATERIAL_COMPLETED ledger lines (fact key as the listener's,
     * points as configured, caps not applied), one INSERT…SELECT from a VALUES list per page. Returns {lines, pages}.
     */
    @SuppressWarnings("unchecked")
    private long[] bookStudy(int year) {
        int pts = points.pointRules().rule(PointItem.MATERIAL_COMPLETED).points();
        var e = POINTS_ENTRY;
        var m = POINTS_MEMBER;
        OffsetDateTime now = OffsetDateTime.now(clock);
        long lines = 0;
        long pages = 0;
        long after = 0;
        for (List<CompletedStudy> page = study.completions(year, after, 5000); !page.isEmpty();
             page = study.completions(year, after, 5000)) {
            Row4<Long, Long, Integer, LocalDate>[] rows = page.stream()
                    .map(c -> DSL.row(c.memberId(), c.materialId(), c.minutes(), c.date())).toArray(Row4[]::new);
            var v = DSL.values(rows).as("v", "member_id", "material_id", "minutes", "fact_date");
            Field<Long> vm = v.field("member_id", Long.class);
            Field<Long> vmat = v.field("material_id", Long.class);
            lines += db.insertInto(e, e.REGION_ORG_ID, e.MEMBER_ID, e.ORG_PATH, e.POINTS_YEAR, e.FACT_DATE, e.ITEM, e.FACT_KEY,
                            e.FACT_SEQ, e.REQUESTED, e.POINTS, e.STUDY_MINUTES, e.QUIZ_SCORE, e.LINK_TYPE, e.LINK_ID,
                            e.CREATED_BY, e.CREATED_AT)
                    .select(db.select(m.REGION_ORG_ID, m.MEMBER_ID, m.ORG_PATH, DSL.val(year),
                                    v.field("fact_date", LocalDate.class), DSL.inline(PointItem.MATERIAL_COMPLETED, POINTS_ENTRY.ITEM),
                                    DSL.concat(DSL.inline("material:"), vmat.cast(String.class), DSL.inline(":member:"),
                                            vm.cast(String.class)),
                                    DSL.inline(0), DSL.val(pts), DSL.val(pts), v.field("minutes", Integer.class),
                                    DSL.inline(BigDecimal.ZERO), DSL.inline("material"), vmat.cast(String.class),
                                    DSL.inline("bench"), DSL.val(now))
                            .from(v).join(m).on(m.MEMBER_ID.eq(vm)))
                    .execute();
            pages++;
            after = page.get(page.size() - 1).id();
        }
        return new long[] {lines, pages};
    }

    private PointsOrgYearRecord largestAt(int year, String under, int depth) {
        var o = POINTS_ORG_YEAR;
        return db.selectFrom(o).where(o.POINTS_YEAR.eq(year)).and(OrgPathSql.subtree(o.ORG_PATH, under))
                .and(DSL.length(o.ORG_PATH).eq(depth * OrgPath.SEGMENT)).orderBy(o.SUB_MEMBERS.desc()).limit(1).fetchOne();
    }

    private static String label(PointsOrgYearRecord r) {
        return "org " + r.getOrgId() + " (depth " + OrgPath.depth(r.getOrgPath()) + ", " + r.getSubMembers() + " members)";
    }

    /** 10 concurrent callers, {@code rounds} calls each after a warm-up; p50 and p99 of the call latency. */
    private void measure(String what, Supplier<Object> call) throws Exception {
        for (int i = 0; i < 20; i++) {
            call.get();
        }
        List<Callable<long[]>> users = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            users.add(() -> {
                long[] t = new long[rounds];
                for (int i = 0; i < rounds; i++) {
                    long s = System.nanoTime();
                    call.get();
                    t[i] = System.nanoTime() - s;
                }
                return t;
            });
        }
        long[] all = new long[10 * rounds];
        int at = 0;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (Future<long[]> f : pool.invokeAll(users)) {
                for (long v : f.get()) {
                    all[at++] = v;
                }
            }
        }
        long wall = System.nanoTime() - start;
        Arrays.sort(all);
        log.info("BENCH ranking {}: p50 {} ms, p99 {} ms, {} calls/s at 10 concurrent", what,
                String.format("%.1f", all[all.length / 2] / 1e6), String.format("%.1f", all[(int) (all.length * 0.99)] / 1e6),
                Math.round(all.length / (wall / 1e9)));
    }

    private void runAll(List<Callable<Object>> tasks) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (Future<Object> f : pool.invokeAll(tasks)) {
                f.get();
            }
        }
    }

    private void analyze() {
        if (io.zhibu.shared.db.BulkInsert.postgres(db)) {
            db.execute("analyze points_entry");
            db.execute("analyze points_member_year");
            db.execute("analyze points_org_year");
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
