package io.zhibu.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database a test JVM runs against: a fresh in-memory H2 by default, or — with -Dzhibu.test.db=postgres —
 * a fresh PostgreSQL database created on the server of ZHIBU_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/postgres,
 * user postgres) and dropped when the JVM exits, so runs never interfere. With -Dzhibu.test.db=citus the same on a
 * Citus cluster (issue 23, {@code ../shared/tools/citus/cluster.sh}): the database is created on the coordinator of
 * ZHIBU_TEST_CITUS_URL (default jdbc:postgresql://127.0.0.1:5441/postgres) and on each worker of
 * ZHIBU_TEST_CITUS_WORKERS (default 127.0.0.1:5442,127.0.0.1:5443), the extension created in each, the workers added
 * to the coordinator's metadata; Flyway then also runs {@code db/vendor/citus} (reference and distributed tables).
 */
public final class TestDatabase {
    public record Connection3(String url, String user, String password) {
    }

    private static Connection3 current;

    private TestDatabase() {
    }

    public static synchronized Connection3 get() {
        if (current == null) {
            String kind = System.getProperty("zhibu.test.db", System.getenv("ZHIBU_TEST_DB"));
            current = "postgres".equalsIgnoreCase(kind) ? postgres() : "citus".equalsIgnoreCase(kind) ? citus() : h2();
        }
        return current;
    }

    public static boolean isPostgres() {
        return get().url().startsWith("jdbc:postgresql");
    }

    /** True on the Citus cluster (-Dzhibu.test.db=citus). */
    public static boolean isCitus() {
        get();
        return citus;
    }

    private static boolean citus;

    private static Connection3 citus() {
        String admin = envOr("ZHIBU_TEST_CITUS_URL", "jdbc:postgresql://127.0.0.1:5441/postgres");
        String user = envOr("ZHIBU_TEST_PG_USER", "postgres");
        String password = envOr("ZHIBU_TEST_PG_PASSWORD", "");
        String[] workers = envOr("ZHIBU_TEST_CITUS_WORKERS", "127.0.0.1:5442,127.0.0.1:5443").split(",");
        String db = "zhibu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String prefix = admin.substring(0, admin.indexOf("//") + 2);
        String coordinatorHostPort = admin.substring(prefix.length(), admin.lastIndexOf('/'));
        java.util.List<String> nodes = new java.util.ArrayList<>();
        nodes.add(coordinatorHostPort);
        nodes.addAll(java.util.Arrays.asList(workers));
        for (String node : nodes) {
            exec(prefix + node + "/postgres", user, password, "create database " + db + " encoding 'UTF8'");
            exec(prefix + node + "/" + db, user, password, "create extension if not exists citus");
        }
        String url = prefix + coordinatorHostPort + "/" + db;
        // joins of distributed tables on other columns than the region key (selects only): repartitioned by Citus
        exec(url, user, password, "alter database " + db + " set citus.enable_repartition_joins = on");
        String[] hp = coordinatorHostPort.split(":");
        exec(url, user, password, "select citus_set_coordinator_host('" + hp[0] + "', " + hp[1] + ")");
        for (String w : workers) {
            String[] whp = w.split(":");
            exec(url, user, password, "select citus_add_node('" + whp[0] + "', " + whp[1] + ")");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (String node : nodes) {
                try {
                    exec(prefix + node + "/postgres", user, password, "drop database if exists " + db + " with (force)");
                } catch (RuntimeException ignored) {
                    // best effort: the server may already be gone
                }
            }
        }));
        citus = true;
        return new Connection3(url, user, password);
    }

    private static Connection3 h2() {
        String name = "zhibu_" + UUID.randomUUID().toString().replace("-", "");
        return new Connection3("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static Connection3 postgres() {
        String admin = envOr("ZHIBU_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = envOr("ZHIBU_TEST_PG_USER", "postgres");
        String password = envOr("ZHIBU_TEST_PG_PASSWORD", "");
        String db = "zhibu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        exec(admin, user, password, "create database " + db + " encoding 'UTF8'");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                exec(admin, user, password, "drop database if exists " + db + " with (force)");
            } catch (RuntimeException ignored) {
                // best effort: the server may already be gone
            }
        }));
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + db;
        return new Connection3(url, user, password);
    }

    private static void exec(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String envOr(String key, String def) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? def : v;
    }
}
