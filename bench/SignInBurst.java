import java.net.URI;
import java.net.http.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * Issue 15 §7: a burst of bad sign-ins while a signed-in user calls GET /api/v1/me every 50 ms.
 * {@code java bench/SignInBurst.java BASE USER PASSWORD N DISTINCT_ADDRESSES LOGIN} — DISTINCT_ADDRESSES true gives every
 * attempt its own X-Forwarded-For address (trusted from a local client), LOGIN is {@code admin} (one login name under
 * attack, USER should then be admin) or {@code random} (a new login name each time). Prints the /me latency before
 * and during the burst, the answers, and whether USER still signs in from its known address afterwards.
 */
public class SignInBurst {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static HttpResponse<String> post(String url, String body, String xff) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (xff != null) b.header("X-Forwarded-For", xff);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long me(String base, String token) throws Exception {
        long t = System.nanoTime();
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("me " + r.statusCode());
        return (System.nanoTime() - t) / 1_000_000;
    }

    static String pct(List<Long> l) {
        List<Long> s = new ArrayList<>(l); Collections.sort(s);
        if (s.isEmpty()) return "-";
        return "n=" + s.size() + " p50=" + s.get(s.size() / 2) + "ms p95=" + s.get((int) (s.size() * 0.95)) + "ms max=" + s.getLast() + "ms";
    }

    public static void main(String[] a) throws Exception {
        String base = a[0]; int n = Integer.parseInt(a[3]); boolean distinct = Boolean.parseBoolean(a[4]); String loginMode = a[5];
        var login = post(base + "/api/v1/auth/login", "{\"username\":\"" + a[1] + "\",\"password\":\"" + a[2] + "\"}", "192.168.200.1");
        String token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 30; i++) before.add(me(base, token));
        System.out.println("before burst /api/v1/me " + pct(before));
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Long> during = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                try { during.add(me(base, token)); Thread.sleep(50); } catch (Exception e) { throw new RuntimeException(e); }
            }
        });
        long t0 = System.nanoTime();
        Semaphore conc = new Semaphore(100);
        try (var ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int k = i;
                conc.acquire();
                ex.submit(() -> {
                    try {
                        String xff = distinct ? "10." + (k / 65536 % 256) + "." + (k / 256 % 256) + "." + (k % 256) : "10.99.99.99";
                        String user = loginMode.equals("admin") ? "admin" : "nouser" + k;
                        var r = post(base + "/api/v1/auth/login", "{\"username\":\"" + user + "\",\"password\":\"Wrong#2026x\"}", xff);
                        statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                    } finally { conc.release(); }
                });
            }
        }
        long burstMs = (System.nanoTime() - t0) / 1_000_000;
        running.set(false); sampler.join();
        System.out.println("burst of " + n + " bad logins (" + (distinct ? "distinct addresses" : "one address") + ", login " + loginMode + "): " + burstMs + " ms, statuses " + statuses);
        System.out.println("during burst /api/v1/me " + pct(during));
        // the owner (known address) signs in after the attack on admin
        var owner = post(base + "/api/v1/auth/login", "{\"username\":\"" + a[1] + "\",\"password\":\"" + a[2] + "\"}", "192.168.200.1");
        System.out.println("owner sign-in from a known address after the burst: " + owner.statusCode());
    }
}
