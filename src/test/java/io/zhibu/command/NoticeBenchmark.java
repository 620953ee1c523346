package io.zhibu.command;

import io.zhibu.ZhibuApplication;
import io.zhibu.member.MemberService;
import io.zhibu.member.RosterLine;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.support.TestDatabase;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test, no timing assertions), issue 17 scale "a notice to 220,000 members ≤ 5 s with read receipts
 * counted from rollups": a city is generated ({@code members} members) and started on a random port; the city
 * committee sends one notice to every member of the city <b>over HTTP</b> ({@code POST /api/v1/notices}, bearer token:
 * the counters of every branch from the rollups' member counts); then {@code readers} members open it one after
 * another (in process, {@code NoticeService.open}: their read receipts, each moving the counters on its path), and 10
 * closed-loop HTTP callers read the receipts board ({@code GET /api/v1/notices/{id}/receipts}, city level, per child)
 * {@code calls} times each. Prints the send time, the board's p50/p99 over HTTP and the load average.
 * {@code ./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -Dzhibu.test.db=postgres -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * io.zhibu.command.NoticeBenchmark [members] [readers] [calls]}
 */
public final class NoticeBenchmark {
    private NoticeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        TestDatabase.Connection3 db = TestDatabase.get();
        SpringApplication app = new SpringApplication(ZhibuApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext ctx = app.run("--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--zhibu.datagen.city=true", "--zhibu.datagen.members=" + members, "--zhibu.datagen.exit=false",
                "--zhibu.demo.enabled=false", "--zhibu.accounts.backfill=false", "--server.port=0",
                "--logging.level.root=warn", "--logging.level.io.zhibu.demo=info")) {
            OrgService orgs = ctx.getBean(OrgService.class);
            NoticeService notices = ctx.getBean(NoticeService.class);
            List<OrgNode> nodes = orgs.activeNodes();
            OrgNode root = nodes.stream().filter(n -> n.parentId() == null).findFirst().orElseThrow();
            DataScope city = new DataScope(0, "bench", Role.ORG_STAFF, root.id(), root.path(), root.id(), null);
            BenchHttp http = new BenchHttp(ctx, root.id());
            long t0 = System.nanoTime();
            long id = BenchHttp.id(http.post("/api/v1/notices", "{\"title\":\"全市党员通知\",\"body\":\"请全体党员按时参加主题党日活动。\","
                    + "\"audience\":\"MEMBERS\",\"rootOrgId\":" + root.id() + "}"));
            double send = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: sent one notice to the %d members of the city in %.3f s (HTTP round trip), load average %.2f%n",
                    db.url().startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2", notices.receipts(city, id, null).total(),
                    send, load());

            DataScope admin = new DataScope(0, "bench", Role.ADMIN, null, OrgPath.ROOT, null, null); // bulk roster read
            List<RosterLine> roster = new ArrayList<>(ctx.getBean(MemberService.class).rosterLines(admin, root.path()));
            Collections.shuffle(roster, new java.util.Random(1));
            long r0 = System.nanoTime();
            int read = 0;
            for (RosterLine m : roster.subList(0, Math.min(readers, roster.size()))) {
                notices.open(new DataScope(0, "m" + m.id(), Role.MEMBER, m.orgId(), m.orgPath(),
                        OrgPath.idAt(m.orgPath(), 1), m.id()), id);
                read++;
            }
            System.out.printf("%d members opened it (one after another) in %.2f s, load average %.2f%n", read,
                    (System.nanoTime() - r0) / 1e9, load());

            http.get("/api/v1/notices/" + id + "/receipts"); // warm-up
            long[] sorted = http.loop("/api/v1/notices/" + id + "/receipts", 10, calls, () -> false);
            System.out.printf("receipts board over HTTP (GET /api/v1/notices/{id}/receipts, city level, per child), 10 callers: %s;"
                    + " load average %.2f%n", BenchHttp.summary(sorted), load());
            // the baseline on the same machine at the same moment: the token check alone (GET /api/v1/me)
            long[] me = http.loop("/api/v1/me", 10, calls, () -> false);
            System.out.printf("baseline GET /api/v1/me, 10 callers: %s; load average %.2f%n", BenchHttp.summary(me), load());
            var r = notices.receipts(city, id, null);
            System.out.println("receipts: total " + r.total() + ", read " + r.read() + ", unread " + r.unread());
        }
        System.exit(0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
