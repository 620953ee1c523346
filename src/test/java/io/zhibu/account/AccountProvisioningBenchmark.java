package io.zhibu.account;

import io.zhibu.ZhibuApplication;
import io.zhibu.account.internal.AccountProvisioning;
import io.zhibu.account.internal.AccountRepository;
import io.zhibu.support.TestDatabase;
import java.lang.management.ManagementFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (not a test, no timing assertions): the city (default 8,300 organizations, 220,000 members) is loaded
 * with the datagen command — which provisions the accounts as it registers the members — then every member account
 * is deleted and provisioned again in one run of {@link AccountProvisioning#provisionAll()} (set-based: one COPY per
 * 2,000 members on PostgreSQL). Prints both times and the load average.
 * Run on a fresh PostgreSQL database (dropped at the end):
 * {@code ./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -Dzhibu.test.db=postgres -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * io.zhibu.account.AccountProvisioningBenchmark [members]}
 */
public final class AccountProvisioningBenchmark {
    private AccountProvisioningBenchmark() {
    }

    public static void main(String[] args) {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 220_000;
        TestDatabase.Connection3 db = TestDatabase.get();
        SpringApplication app = new SpringApplication(ZhibuApplication.class);
        app.setAdditionalProfiles("test");
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext ctx = app.run("--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--zhibu.datagen.city=true", "--zhibu.datagen.members=" + members, "--zhibu.datagen.exit=false",
                "--zhibu.demo.enabled=false", "--zhibu.accounts.backfill=false", "--server.port=0",
                "--logging.level.root=warn", "--logging.level.io.zhibu.demo=info")) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf("city loaded with accounts (datagen incl. provisioning): %.1f s, load average %.2f%n",
                    (System.nanoTime() - t0) / 1e9, load);
            AccountRepository repo = ctx.getBean(AccountRepository.class);
            AccountProvisioning provisioning = ctx.getBean(AccountProvisioning.class);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            Integer deleted = tx.execute(s -> repo.deleteMemberAccounts());
            long t1 = System.nanoTime();
            int created = provisioning.provisionAll();
            double seconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf("%s: deleted %d member accounts; provisionAll created %d in %.2f s (%.0f accounts/s), "
                            + "load average %.2f%n", db.url().startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2", deleted,
                    created, seconds, created / seconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        System.exit(0);
    }
}
