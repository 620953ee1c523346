package io.zhibu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zhibu.audit.AuditProperties;
import io.zhibu.audit.ChainReport;
import io.zhibu.shared.crypto.CryptoProperties;
import io.zhibu.shared.crypto.Hmacs;
import io.zhibu.shared.crypto.KeyRing;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestDatabase;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19, point 11: the restore drill. {@code bench/backup.sh} (pg_dump -Fc, the audit head, the key ring file)
 * and {@code bench/restore.sh} (pg_restore into a fresh database) on the test database: every table has the same
 * rows, and the audit chain of the restored database verifies with the key ring from the backup (and not without
 * it). PostgreSQL only — skipped on H2 with a message.
 */
class BackupRestoreDrillTest extends IntegrationTest {
    private static final String KEYS = """
            data-key=00112233445566778899aabbccddeeff
            index-key=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff
            audit-key=ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100
            """;

    @Autowired
    DSLContext db;
    @Autowired
    AuditProperties props;
    @Autowired
    Clock clock;
    @Autowired
    AuditWriter writer;

    private static String uri(String jdbcUrl, String user) {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        return "postgresql://" + user + "@" + rest;
    }

    private static String run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        String pw = TestDatabase.get().password();
        if (pw != null && !pw.isEmpty()) {
            pb.environment().put("PGPASSWORD", pw);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); var rs = st.executeQuery(
                "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String t : tables) {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("select count(*) from \"" + t + "\"")) {
                rs.next();
                counts.put(t, rs.getLong(1));
            }
        }
        return counts;
    }

    private static ChainReport verify(DriverManagerDataSource ds, String auditKey, AuditProperties props, Clock clock,
                                      AuditWriter writer) throws Exception {
        Properties p = new Properties();
        p.load(new java.io.StringReader(KEYS));
        KeyRing ring = new KeyRing(new CryptoProperties(p.getProperty("data-key"), p.getProperty("index-key"), auditKey,
                false, null));
        DSLContext restored = DSL.using(ds, SQLDialect.POSTGRES);
        return new AuditChain(restored, new Hmacs(ring), props, new TransactionTemplate(new DataSourceTransactionManager(ds)),
                clock, writer).verify();
    }

    @Test
    void aBackupRestoresIntoAFreshDatabaseWithEveryRowAndAnIntactAuditChain() throws Exception {
        assumeTrue(TestDatabase.isPostgres(),
                "the backup and restore drill runs on PostgreSQL only (-Dzhibu.test.db=postgres); skipped on H2");
        as("auditor").get("/api/v1/audit/chain"); // a few more audited events (sign-in) in the chain
        TestDatabase.Connection3 source = TestDatabase.get();
        Path work = Files.createTempDirectory("zhibu-backup-drill");
        Path keyFile = work.resolve("zhibu-keys.properties");
        Files.writeString(keyFile, KEYS);
        Path backup = work.resolve("backup");
        Map<String, Long> before;
        try (Connection c = DriverManager.getConnection(source.url(), source.user(), source.password())) {
            before = counts(c);
        }
        run("bench/backup.sh", uri(source.url(), source.user()), backup.toString(), keyFile.toString());
        assertThat(backup.resolve("zhibu.dump")).exists();
        assertThat(backup.resolve("zhibu-keys.properties")).exists();

        String fresh = "zhibu_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = source.url().substring(0, source.url().lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, source.user(), source.password());
             Statement st = c.createStatement()) {
            st.execute("create database " + fresh + " encoding 'UTF8'");
        }
        String freshUrl = source.url().substring(0, source.url().lastIndexOf('/') + 1) + fresh;
        try {
            String out = run("bench/restore.sh", backup.toString(), uri(freshUrl, source.user()));
            assertThat(out).contains("restored");
            Map<String, Long> after;
            try (Connection c = DriverManager.getConnection(freshUrl, source.user(), source.password())) {
                after = counts(c);
            }
            assertThat(after).as("every table, every row").isEqualTo(before);
            assertThat(after.get("member_member")).isPositive();
            assertThat(after.get("audit_event")).isPositive();

            DriverManagerDataSource ds = new DriverManagerDataSource(freshUrl, source.user(), source.password());
            Properties backedUp = new Properties();
            try (Reader r = Files.newBufferedReader(backup.resolve("zhibu-keys.properties"))) {
                backedUp.load(r);
            }
            ChainReport report = verify(ds, backedUp.getProperty("audit-key"), props, clock, writer);
            assertThat(report.intact()).as("the restored audit chain verifies with the backed-up key: " + report).isTrue();
            assertThat(report.checked()).isEqualTo(after.get("audit_event") + after.get("audit_event_archive"));
            ChainReport wrongKey = verify(ds, "00".repeat(32), props, clock, writer);
            assertThat(wrongKey.intact()).as("without the key ring the chain cannot be verified").isFalse();
        } finally {
            try (Connection c = DriverManager.getConnection(admin, source.user(), source.password());
                 Statement st = c.createStatement()) {
                st.execute("drop database if exists " + fresh + " with (force)");
            }
        }
    }
}
