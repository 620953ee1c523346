package io.zhibu.development;

import io.zhibu.ZhibuApplication;
import io.zhibu.development.DevelopmentModel.ApplicantForm;
import io.zhibu.development.DevelopmentModel.StepForm;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.ScopedPrincipal;
import io.zhibu.support.TestIds;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark (not a test): the demo county on in-memory H2, N applicants spread over its branches (half with the talk
 * recorded), then the timings of registration, the county-wide to-do list and pipeline, and one person's file.
 * Run: {@code ./mvnw -B -o test-compile && java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * io.zhibu.development.DevelopmentBenchmark 3000} (cp.txt from {@code dependency:build-classpath}).
 */
public final class DevelopmentBenchmark {
    private record Principal(DataScope scope) implements ScopedPrincipal {
    }

    private DevelopmentBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        SpringApplication app = new SpringApplication(ZhibuApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext ctx = app.run(
                "--spring.datasource.url=jdbc:h2:mem:devbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--server.port=0", "--logging.level.root=warn")) {
            DataScope admin = new DataScope(0, "bench", Role.ADMIN, null, OrgPath.ROOT, null, null);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(new Principal(admin), null, List.of()));
            DevelopmentService dev = ctx.getBean(DevelopmentService.class);
            List<Organization> branches = ctx.getBean(OrgService.class).search(admin, null,
                    Arrays.stream(OrgType.values()).filter(OrgType::holdsMembers).toList(), 1000);
            LocalDate today = LocalDate.now();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Organization b = branches.get(i % branches.size());
                long id = dev.register(admin, new ApplicantForm(b.id(), "基准" + (char) ('甲' + i % 10),
                        TestIds.fresh(i % 2 == 0), "01", today.minusDays(10 + i % 700), "申请书")).person().id();
                if (i % 2 == 0) {
                    StepForm f = new StepForm(0, today.minusDays(5), "书记", null, null, null, null, null, null, null,
                            null, null, null, null, null, null, null, null, null, null, null, null, null);
                    dev.complete(admin, id, 2, f);
                }
            }
            double reg = (System.nanoTime() - t0) / 1e6;
            System.out.printf("persons=%d branches=%d register+step2: %.0f ms total, %.2f ms/person%n", n,
                    branches.size(), reg, reg / n);
            time("todo (whole county)", () -> dev.todo(admin, null).size());
            time("pipeline (whole county)", () -> dev.pipeline(admin, null, null).counts().size());
            time("persons page 0 (20)", () -> dev.search(admin, null, null, 0, 20).items().size());
            long one = dev.search(admin, null, null, 0, 1).items().getFirst().id();
            time("person detail", () -> dev.detail(admin, one).steps().size());
        }
    }

    private static void time(String what, Supplier<Integer> work) {
        work.get(); // warm-up
        int runs = 5;
        long t = System.nanoTime();
        int size = 0;
        for (int i = 0; i < runs; i++) {
            size = work.get();
        }
        System.out.printf("%s: %.1f ms (avg of %d, result size %d)%n", what, (System.nanoTime() - t) / 1e6 / runs, runs, size);
    }
}
