package io.zhibu.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.ZhibuApplication;
import io.zhibu.supervision.internal.RollupEngine;
import io.zhibu.support.Api;
import io.zhibu.support.TestDatabase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 23, point 1: two app nodes (two Spring contexts, {@code zhibu.cluster.enabled}) on one database — H2 and
 * PostgreSQL. A page session opened on one node is valid on the other and signing out on either ends it; a bearer
 * token works on both and its revocation on one node is refused by the other within seconds; a rollup rebuild on one
 * node gives the other a new rollup version (its cached dashboards start over) through LISTEN/NOTIFY on PostgreSQL,
 * while H2 keeps the single-node path; a job lock held by one node makes the other skip the job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {
    private static final String PASSWORD = "Demo#2026test";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    private static ConfigurableApplicationContext node(String id) {
        TestDatabase.Connection3 db = TestDatabase.get();
        // as command-line arguments: they outrank application.yml (server.port: ${PORT:8080})
        return new SpringApplicationBuilder(ZhibuApplication.class).profiles("test").run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--server.port=0",
                "--zhibu.cluster.enabled=true", "--zhibu.node-id=" + id);
    }

    @BeforeAll
    void startTwoNodes() {
        a = node("test-node-a"); // loads the demo county when the database is new
        b = node("test-node-b");
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static String base(ConfigurableApplicationContext c) {
        return "http://localhost:" + c.getEnvironment().getProperty("local.server.port");
    }

    /** Waits up to 15 s for the condition (a cross-node effect), then answers whether it holds. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> postForm(HttpClient http, String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void aPageSessionOpenedOnOneNodeIsValidOnTheOtherAndSigningOutEndsItOnBoth() throws Exception {
        // cookies do not carry a port: one browser, two nodes on one host, as behind a load balancer
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(get(browser, base(a) + "/login").body());
        HttpResponse<String> login = postForm(browser, base(a) + "/login",
                "username=county&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> onB = get(browser, base(b) + "/supervision");
        assertThat(onB.statusCode()).as("the session opened on node a, used on node b").isEqualTo(200);
        HttpResponse<String> onA = get(browser, base(a) + "/supervision");
        assertThat(onA.statusCode()).isEqualTo(200);

        HttpResponse<String> logout = postForm(browser, base(b) + "/logout", "_csrf=" + csrf(onB.body()));
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> after = get(browser, base(a) + "/supervision");
        assertThat(after.statusCode()).as("signed out on node b, refused on node a").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aTokenWorksOnBothNodesAndItsRevocationOnOneIsRefusedByTheOtherWithinSeconds() throws Exception {
        Api onA = new Api(base(a)).login("county", PASSWORD);
        Api.Response me = onA.get("/api/v1/supervision/dashboard");
        assertThat(me.status()).isEqualTo(200);
        Api onB = onA.rebased(base(b));
        assertThat(onB.get("/api/v1/supervision/dashboard").status()).as("a token issued by node a, on node b")
                .isEqualTo(200); // node b now holds it in its verified-token cache
        assertThat(onA.post("/api/v1/auth/logout", "").status()).isBetween(200, 204);
        assertThat(eventually(() -> onB.get("/api/v1/supervision/dashboard").status() == 401))
                .as("node b refuses the token revoked on node a").isTrue();
    }

    @Test
    void aRollupRebuildOnOneNodeStartsANewRollupVersionOnTheOther() throws Exception {
        RollupEngine engineA = a.getBean(RollupEngine.class);
        RollupEngine engineB = b.getBean(RollupEngine.class);
        ClusterSignals signalsB = b.getBean(ClusterSignals.class);
        if (TestDatabase.isPostgres()) {
            assertThat(eventually(() -> b.getBean(PgSignalListener.class).listening())).isTrue();
            long before = engineB.version();
            engineA.rebuildNow();
            assertThat(eventually(() -> engineB.version() > before))
                    .as("node b heard node a's rebuild (LISTEN/NOTIFY)").isTrue();
        } else {
            // H2: one JVM's database, the single-node path; caches live at most their few seconds
            assertThat(signalsB.crossesNodes()).isFalse();
            long before = engineA.version();
            engineA.rebuildNow();
            assertThat(engineA.version()).isGreaterThan(before);
        }
    }

    @Test
    void aSignalReachesTheOtherNodeOnlyWhenItsTransactionCommits() throws Exception {
        if (!TestDatabase.isPostgres()) {
            assertThat(a.getBean(ClusterSignals.class).crossesNodes()).isFalse();
            return;
        }
        ClusterSignals signalsA = a.getBean(ClusterSignals.class);
        ClusterSignals signalsB = b.getBean(ClusterSignals.class);
        assertThat(eventually(() -> b.getBean(PgSignalListener.class).listening())).isTrue();
        var rolledBack = new java.util.concurrent.atomic.AtomicInteger();
        var committed = new java.util.concurrent.atomic.AtomicInteger();
        signalsB.on("test-rolled-back", rolledBack::incrementAndGet);
        signalsB.on("test-committed", committed::incrementAndGet);
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                a.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        tx.executeWithoutResult(s -> {
            signalsA.publish("test-rolled-back");
            s.setRollbackOnly();
        });
        tx.executeWithoutResult(s -> signalsA.publish("test-committed"));
        assertThat(eventually(() -> committed.get() == 1)).isTrue();
        // notifications arrive in commit order: the rolled-back one would have come first
        assertThat(rolledBack.get()).isZero();
    }

    @Test
    void aJobLockHeldByOneNodeMakesTheOtherSkipTheJob() {
        LockProvider locksA = a.getBean(LockProvider.class);
        LockProvider locksB = b.getBean(LockProvider.class);
        LockConfiguration cfg = new LockConfiguration(Instant.now(), "test-two-nodes", Duration.ofMinutes(5),
                Duration.ZERO);
        Optional<SimpleLock> held = locksA.lock(cfg);
        assertThat(held).as("node a takes the lock").isPresent();
        assertThat(locksB.lock(new LockConfiguration(Instant.now(), "test-two-nodes", Duration.ofMinutes(5),
                Duration.ZERO))).as("node b skips while node a runs the job").isEmpty();
        held.get().unlock();
        Optional<SimpleLock> next = locksB.lock(new LockConfiguration(Instant.now(), "test-two-nodes",
                Duration.ofMinutes(5), Duration.ZERO));
        assertThat(next).as("node b runs it once node a is done").isPresent();
        next.get().unlock();
    }
}
