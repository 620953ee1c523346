package io.zhibu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.member.ImportReport;
import io.zhibu.member.ImportResult;
import io.zhibu.member.MemberFilter;
import io.zhibu.member.RosterColumn;
import io.zhibu.member.RosterExport;
import io.zhibu.member.RosterImports;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.IdCardNumber;
import io.zhibu.shared.Role;
import io.zhibu.support.IntegrationTest;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test (no timing assertions): imports a generated roster of {@code zhibu.bench.rows} (default
 * 220,000) rows as .csv through the service (validate + one-transaction commit), then exports the whole roster.
 * Prints times and the peak heap in use. Run:
 * {@code ./mvnw -B -o test -Dtest=RosterBenchmarkTest -Dzhibu.bench.roster=true [-Dzhibu.test.db=postgres]}
 */
@EnabledIfSystemProperty(named = "zhibu.bench.roster", matches = "true")
class RosterBenchmarkTest extends IntegrationTest {
    @Autowired
    RosterImports imports;
    @Autowired
    RosterExport export;
    @Autowired
    javax.sql.DataSource dataSource;

    /**
     * CPU seconds used so far by this JVM and by the database server's backends of this test database (PostgreSQL on
     * this machine, read from /proc): on a shared 2-core machine the wall time mostly says how busy the others were,
     * the CPU time says how much work the import is.
     */
    private double[] cpu() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        double db = 0;
        if (io.zhibu.support.TestDatabase.isPostgres()) {
            try (var c = dataSource.getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("select pid from pg_stat_activity where datname = current_database()")) {
                while (rs.next()) {
                    Path stat = Path.of("/proc", rs.getString(1), "stat");
                    if (Files.exists(stat)) {
                        String[] f = Files.readString(stat).replaceFirst("^.*\\) ", "").split(" ");
                        db += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, 100 ticks/s
                    }
                }
            } catch (Exception e) {
                db = Double.NaN;
            }
        }
        return new double[] {jvm, db};
    }

    private static String cpuSince(double[] before, double[] after) {
        return String.format("CPU: JVM %.1f s, database %.1f s", after[0] - before[0], after[1] - before[1]);
    }

    @Test
    void import220kAndExport() throws Exception {
        int n = Integer.getInteger("zhibu.bench.rows", 220_000);
        var admin = as("admin");
        List<String> codes = new ArrayList<>();
        admin.get("/api/v1/orgs?type=BRANCH&limit=200").json().forEach(o -> codes.add(o.get("code").asText()));
        DataScope scope = new DataScope(1L, "admin", Role.ADMIN, null, "", null, null);

        Path csv = Files.createTempFile("bench", ".csv");
        String[] v = new String[RosterColumn.values().length];
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(Arrays.stream(RosterColumn.values()).map(RosterColumn::header).collect(Collectors.joining(",")));
            w.write('\n');
            LocalDate birth0 = LocalDate.of(1930, 1, 1);
            for (int i = 0; i < n; i++) {
                Arrays.fill(v, "");
                LocalDate birth = birth0.plusDays(i / 450);
                String first17 = "110105" + birth.toString().replace("-", "") + String.format("%03d", 500 + i % 450);
                v[RosterColumn.NAME.ordinal()] = "基准" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + "子丑寅卯辰巳午未申酉戌亥".charAt(i % 12);
                v[RosterColumn.GENDER.ordinal()] = (i % 450) % 2 == 1 ? "男" : "女";
                v[RosterColumn.ETHNICITY.ordinal()] = "01";
                v[RosterColumn.ID_NUMBER.ordinal()] = first17 + IdCardNumber.checkChar(first17);
                v[RosterColumn.BIRTH_DATE.ordinal()] = birth.toString();
                v[RosterColumn.EDUCATION.ordinal()] = "21";
                v[RosterColumn.ORG_CODE.ordinal()] = codes.get(i % codes.size());
                v[RosterColumn.CATEGORY.ordinal()] = "正式党员";
                v[RosterColumn.JOINED_ON.ordinal()] = birth.plusYears(25).toString();
                v[RosterColumn.PHONE.ordinal()] = "139" + String.format("%08d", i);
                v[RosterColumn.ADDRESS.ordinal()] = "城关镇东关村" + (i % 200) + "号";
                w.write(String.join(",", v));
                w.write('\n');
            }
        }
        System.out.printf("BENCH file: %,d rows, %,d bytes%n", n, Files.size(csv));

        Peak peak = new Peak();
        String token;
        try (InputStream in = Files.newInputStream(csv)) {
            token = imports.upload(scope, in, "bench.csv");
        }
        System.out.println("BENCH load average at start: " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double[] c0 = cpu();
        long t0 = System.nanoTime();
        ImportReport report = imports.validate(scope, token, Locale.CHINA);
        long t1 = System.nanoTime();
        double[] c1 = cpu();
        System.out.printf("BENCH validate: %,d rows, %,d valid, %,d invalid, %,d unchanged in %,d ms (peak heap %,d MB; %s)%n",
                report.rows(), report.valid(), report.invalid(), report.unchanged(), (t1 - t0) / 1_000_000, peak.mb(),
                cpuSince(c0, c1));
        peak.reset();
        c1 = cpu();
        t1 = System.nanoTime();
        ImportResult result = imports.commit(scope, token, true);
        long t2 = System.nanoTime();
        System.out.printf("BENCH commit (one transaction): %,d inserted in %,d ms (peak heap %,d MB; %s)%n",
                result.inserted(), (t2 - t1) / 1_000_000, peak.mb(), cpuSince(c1, cpu()));
        System.out.println("BENCH load average at end: " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("BENCH import total: %,d ms%n", (t2 - t0) / 1_000_000);
        assertThat(result.inserted() + report.unchanged() + report.invalid()).isEqualTo(n);

        peak.reset();
        AtomicLong bytes = new AtomicLong();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        };
        long t3 = System.nanoTime();
        int rows = export.export(scope, MemberFilter.all(), false, counting);
        long t4 = System.nanoTime();
        System.out.printf("BENCH export: %,d rows, %,d bytes in %,d ms (peak heap %,d MB)%n", rows, bytes.get(),
                (t4 - t3) / 1_000_000, peak.mb());
        peak.stop();
        Files.deleteIfExists(csv);
    }

    /** Samples the heap in use every 50 ms. */
    static final class Peak {
        private volatile long max;
        private volatile boolean running = true;

        Peak() {
            Thread t = new Thread(() -> {
                var mem = ManagementFactory.getMemoryMXBean();
                while (running) {
                    max = Math.max(max, mem.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        void reset() {
            System.gc();
            max = 0;
        }

        long mb() {
            return max / 1024 / 1024;
        }

        void stop() {
            running = false;
        }
    }
}
