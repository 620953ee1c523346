package io.zhibu.command;

import io.zhibu.account.AccountService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The HTTP side of the command benchmarks: an API caller for the organization at the top (an account made for the
 * run, a bearer token from the account module), JSON requests over loopback to the application the benchmark
 * started, and a closed loop of callers timing each round trip (token check, scope check, queries, JSON).
 */
final class BenchHttp {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    BenchHttp(ConfigurableApplicationContext ctx, long orgId) {
        this.base = "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port");
        AccountService accounts = ctx.getBean(AccountService.class);
        String user = "bench" + System.currentTimeMillis() % 1_000_000;
        long id = accounts.createUser(user, "基准测试", "Bench#2026city", Role.ORG_STAFF, orgId, null);
        this.token = accounts.issueToken(new DataScope(id, user, Role.ORG_STAFF, orgId, "", null, null));
    }

    String post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static long id(String json) {
        return Long.parseLong(json.replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1"));
    }

    /**
     * {@code callers} closed-loop callers GET {@code path} {@code calls} times each (or until {@code stop} says so
     * after at least 20 calls each); returns the sorted round trips in nanoseconds.
     */
    long[] loop(String path, int callers, int calls, BooleanSupplier stop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<List<Long>>> fs = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            fs.add(pool.submit(() -> {
                List<Long> ns = new ArrayList<>();
                for (int i = 0; i < calls && (i < 20 || !stop.getAsBoolean()); i++) {
                    long s = System.nanoTime();
                    get(path);
                    ns.add(System.nanoTime() - s);
                }
                return ns;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : fs) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static String summary(long[] sorted) {
        return String.format("%d calls: p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.length, sorted[sorted.length / 2] / 1e6,
                sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
