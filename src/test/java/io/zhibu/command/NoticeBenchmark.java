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
 * counted from rollups": a city is generated ({@code members} members), the city committee sends one notice to every
 * member of the city, in process (the service call, no HTTP); then {@code readers} members open it one after another
 * (their read receipts), and 10 callers read the receipts board ({@code NoticeService.receipts}, city level, per
 * child) {@code calls} times each. Prints the send time, the receipts board's p50/p99 and the load average.
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
            long t0 = System.nanoTime();
            long id = notices.send(city, new NewNotice("全市党员通知", "请全体党员按时参加主题党日活动。",
                    NoticeAudience.MEMBERS, null, root.id()));
            double send = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: sent one notice to the %d members of the city in %.3f s (in process), load average %.2f%n",
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

            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<Future<long[]>> callers = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                callers.add(pool.submit(() -> {
                    long[] ns = new long[calls];
                    for (int i = 0; i < calls; i++) {
                        long s = System.nanoTime();
                        notices.receipts(city, id, null);
                        ns[i] = System.nanoTime() - s;
                    }
                    return ns;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : callers) {
                for (long v : f.get()) {
                    all.add(v);
                }
            }
            pool.shutdown();
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("receipts board (city level, per child): %d calls by 10 callers: p50 %.1f ms, p99 %.1f ms;"
                            + " load average %.2f%n", sorted.length, sorted[sorted.length / 2] / 1e6,
                    sorted[Math.max(0, (int) (sorted.length * 0.99) - 1)] / 1e6, load());
            var r = notices.receipts(city, id, null);
            System.out.println("receipts: total " + r.total() + ", read " + r.read() + ", unread " + r.unread());
        }
        System.exit(0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
