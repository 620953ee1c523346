package io.zhibu.command;

import io.zhibu.ZhibuApplication;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.support.TestDatabase;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test, no timing assertions), issue 17 scale: the city (8,300 organizations) is generated and
 * started on a random port; the city committee sends one task to every branch <b>over HTTP</b>
 * ({@code POST /api/v1/tasks}, bearer token, round trip timed), then 10 closed-loop HTTP callers read its progress
 * board ({@code GET /api/v1/tasks/{id}/progress}, counters of {@code command_progress}) while the branches sign for it
 * one after another (in process, {@code TaskService.receive}: one thread, as fast as it goes). Prints the send time,
 * the board's p50/p99 over HTTP and the load average.
 * {@code ./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -Dzhibu.test.db=postgres -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * io.zhibu.command.TaskBenchmark [members] [boardCallsPerCaller]}
 */
public final class TaskBenchmark {
    private TaskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        TestDatabase.Connection3 db = TestDatabase.get();
        SpringApplication app = new SpringApplication(ZhibuApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext ctx = app.run("--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--zhibu.datagen.city=true", "--zhibu.datagen.members=" + members, "--zhibu.datagen.exit=false",
                "--zhibu.demo.enabled=false", "--zhibu.accounts.backfill=false", "--server.port=0",
                "--logging.level.root=warn", "--logging.level.io.zhibu.demo=info")) {
            OrgService orgs = ctx.getBean(OrgService.class);
            TaskService tasks = ctx.getBean(TaskService.class);
            List<OrgNode> nodes = orgs.activeNodes();
            OrgNode root = nodes.stream().filter(n -> n.parentId() == null).findFirst().orElseThrow();
            DataScope city = new DataScope(0, "bench", Role.ORG_STAFF, root.id(), root.path(), root.id(), null);
            BenchHttp http = new BenchHttp(ctx, root.id());
            long t0 = System.nanoTime();
            long id = BenchHttp.id(http.post("/api/v1/tasks", "{\"title\":\"全市支部任务\",\"content\":\"请各支部签收并反馈。\","
                    + "\"dueOn\":\"" + LocalDate.now().plusDays(7) + "\",\"feedbackKind\":\"TEXT\",\"targets\":{\"rootOrgId\":"
                    + root.id() + "}}"));
            double send = (System.nanoTime() - t0) / 1e9;
            int receivers = tasks.task(city, id).receiverCount();
            System.out.printf("%s: sent one task to %d branches in %.2f s (HTTP round trip), load average %.2f%n",
                    db.url().startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2", receivers, send, load());

            List<OrgNode> branches = new ArrayList<>(nodes.stream().filter(n -> n.type() == OrgType.BRANCH
                    || n.type() == OrgType.JOINT_BRANCH || n.type() == OrgType.TEMPORARY_BRANCH).toList());
            Collections.shuffle(branches, new java.util.Random(1));
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Integer> signer = pool.submit(() -> {
                int n = 0;
                for (OrgNode b : branches) {
                    if (done.get()) {
                        break;
                    }
                    tasks.receive(new DataScope(0, "sec" + b.id(), Role.BRANCH_SECRETARY, b.id(), b.path(), root.id(), null),
                            id, null);
                    n++;
                }
                return n;
            });
            http.get("/api/v1/tasks/" + id + "/progress"); // warm-up
            long[] sorted = http.loop("/api/v1/tasks/" + id + "/progress", 10, calls, () -> false);
            done.set(true);
            int signed = signer.get();
            pool.shutdown();
            System.out.printf("board over HTTP (GET /api/v1/tasks/{id}/progress, city level), 10 callers while %d branches"
                    + " signed: %s; load average %.2f%n", signed, BenchHttp.summary(sorted), load());
            // the baseline on the same machine at the same moment: the token check alone (GET /api/v1/me)
            long[] me = http.loop("/api/v1/me", 10, calls, () -> false);
            System.out.printf("baseline GET /api/v1/me, 10 callers: %s; load average %.2f%n", BenchHttp.summary(me), load());
            System.out.println("board figures: " + tasks.progress(city, id, null).figures());
        }
        System.exit(0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
