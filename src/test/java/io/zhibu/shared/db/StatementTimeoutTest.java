package io.zhibu.shared.db;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zhibu.member.MemberLifecycle;
import io.zhibu.member.RosterAtDate;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19, point 1: every pooled connection carries the statement timeout; a job may set its own limit for its
 * transaction and the connection goes back to the pool with the default; a request stopped by the database answers
 * 503 with a clear message and is audited; the county's roster as of an early date is set-based (it took 656 s).
 */
class StatementTimeoutTest extends IntegrationTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    DSLContext db;
    @Autowired
    StatementTimeouts timeouts;
    @Autowired
    PlatformTransactionManager txm;
    @Autowired
    MemberLifecycle lifecycle;

    private static long timeoutMillis(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(TestDatabase.isPostgres()
                ? "select setting from pg_settings where name = 'statement_timeout'"
                : "select setting_value from information_schema.settings where setting_name = 'QUERY_TIMEOUT'")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    /** A statement that runs for seconds on either database unless stopped. */
    private static String slowSql() {
        return TestDatabase.isPostgres() ? "select pg_sleep(5)"
                : "select count(*) from system_range(1, 4000) a, system_range(1, 4000) b, system_range(1, 400) c";
    }

    @Test
    void everyPooledConnectionCarriesTheStatementTimeout() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection c : held) {
                assertThat(timeoutMillis(c)).as("zhibu.db.statement-timeout on every connection").isEqualTo(30_000);
                if (TestDatabase.isPostgres()) {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("show plan_cache_mode")) {
                        rs.next();
                        assertThat(rs.getString(1)).as("issue 20: no generic plans of subtree queries")
                                .isEqualTo("force_custom_plan");
                    }
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void aJobSetsItsOwnLimitForItsTransactionOnly() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(txm);
        long start = System.nanoTime();
        Throwable stopped = catchThrowable(() -> tx.executeWithoutResult(s -> {
            timeouts.limit(Duration.ofMillis(300));
            db.fetch(slowSql());
        }));
        assertThat(stopped).as("the statement is stopped").isNotNull();
        assertThat(DatabaseTrouble.of(stopped)).as(stopped.toString()).isEqualTo(DatabaseTrouble.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        // the job limit holds inside its transaction, and every connection is back at the default afterwards
        tx.executeWithoutResult(s -> {
            timeouts.forJob();
            assertThat(db.fetchValue(TestDatabase.isPostgres()
                    ? "select setting from pg_settings where name = 'statement_timeout'"
                    : "select setting_value from information_schema.settings where setting_name = 'QUERY_TIMEOUT'"))
                    .hasToString(String.valueOf(Duration.ofMinutes(30).toMillis()));
        });
        everyPooledConnectionCarriesTheStatementTimeout();
    }

    @Test
    void aRequestStoppedByTheDatabaseAnswers503AndIsAudited() throws Exception {
        Api township = as("county");
        DemoFacts f = DemoFacts.discover(as("admin"), as("secretary"), as("township"));
        var org = township.get("/api/v1/orgs/" + f.ownBranchId());
        long auditBefore = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("refused.timeout"));
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.executeQuery("select * from org_organization where id = " + f.ownBranchId() + " for update").close();
            }
            CompletableFuture<Api.Response> rename = CompletableFuture.supplyAsync(() -> township.patch(
                    "/api/v1/orgs/" + f.ownBranchId(), "{\"name\":\"超时改名\",\"version\":" + org.at("/version").asInt() + "}"));
            if (TestDatabase.isPostgres()) {
                // the statement waits on the row lock; cancelling it is what statement_timeout does when it expires
                Thread.sleep(1500);
                try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
                    st.execute("select pg_cancel_backend(pid) from pg_stat_activity where datname = current_database()"
                            + " and wait_event_type = 'Lock'");
                }
            } // H2: the lock wait ends after its lock timeout
            Api.Response r = rename.get(40, TimeUnit.SECONDS);
            holder.rollback();
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.at("/detail").asText()).containsAnyOf("请求处理时间过长", "took too long and was stopped");
        }
        assertThat(township.get("/api/v1/orgs/" + f.ownBranchId()).at("/name").asText())
                .as("nothing changed").isEqualTo(org.at("/name").asText());
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("refused.timeout")))
                .as("the stopped request is in the audit trail").isEqualTo(auditBefore + 1);
        var row = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("refused.timeout"))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchOne();
        assertThat(row.getActor()).isEqualTo("county");
    }

    @Test
    void theCountysRosterAsOfAnEarlyDateIsSetBased() {
        long root = as("county").get("/api/v1/me").at("/orgId").asLong();
        DataScope admin = new DataScope(1L, "admin", Role.ADMIN, null, "", null, null);
        TransactionTemplate tx = new TransactionTemplate(txm);
        // 1,500 members: the correlated form (members × moves) needed well over this limit, the set-based one a fraction
        RosterAtDate early = tx.execute(s -> {
            timeouts.limit(Duration.ofSeconds(5));
            return lifecycle.rosterAt(admin, root, LocalDate.of(2020, 1, 1), 0, 20);
        });
        RosterAtDate now = tx.execute(s -> {
            timeouts.limit(Duration.ofSeconds(5));
            return lifecycle.rosterAt(admin, root, null, 0, 20);
        });
        assertThat(early.total()).isPositive().isLessThanOrEqualTo(now.total());
        assertThat(early.full() + early.probationary()).isEqualTo(early.total());
        assertThat(early.members().items()).hasSize(20);
    }
}
