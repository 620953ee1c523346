// Zhibu cluster-drill client (JDK only, issue 23), driven by bench/two-node-drill.sh and bench/failover-drill.sh:
//   java bench/ClusterDrill.java clicks <base> <password> <seconds> <threads> <killfile>
//       <threads> users sign in through the login form (page sessions) and click pages and an API list in a loop;
//       at the end: requests, failures, and of the failures how many STARTED after the time in <killfile> (epoch ms,
//       written by the drill when it kills a node) — those were lost by the cluster, the others were in flight
//   java bench/ClusterDrill.java pay <base> <password> <seconds> <threads> <members-file> <acks-file>
//       offline dues payments (one month, one idempotency key per member) as the treasurer; a failed request is
//       retried with the same key until it is acknowledged; every acknowledged payment id goes to <acks-file>;
//       prints the acknowledged count and the longest stretch during which no write was acknowledged
//   java bench/ClusterDrill.java post|get <base> <password> <user> <path> [json]   one API call: status and body
// Demo accounts share <password>. Loopback targets only.
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ClusterDrill {
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final HttpClient API = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Hit(long start, long end, int status, String path) {
    }

    static String token(String base, String user, String password) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> r = API.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                            + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            }
            Thread.sleep(1000); // 503: the node's password hashers are busy
        }
        String body = API.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    static HttpResponse<String> call(String base, String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return API.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "clicks" -> clicks(a[1], a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]), Path.of(a[5]));
            case "pay" -> pay(a[1], a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]), Path.of(a[5]), Path.of(a[6]));
            case "post", "get" -> {
                HttpResponse<String> r = call(a[1], token(a[1], a[3], a[2]), a[0].equals("post") ? "POST" : "GET",
                        a[4], a.length > 5 ? a[5] : a[0].equals("post") ? "" : null);
                System.out.println(r.statusCode() + " " + r.body());
            }
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    static void clicks(String base, String password, int seconds, int threads, Path killFile) throws Exception {
        List<String> users = List.of("county", "township", "secretary", "admin");
        List<String> pages = List.of("/", "/supervision", "/supervision/rankings", "/members", "/dues");
        ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(threads);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String user = users.get(t % users.size());
            ts.add(Thread.ofPlatform().start(() -> {
                try {
                    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    // sign-ins hash passwords one or two at a time per node (503 when busy): retried, before the clock
                    HttpResponse<String> in = null;
                    for (int attempt = 0; attempt < 20; attempt++) {
                        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        Matcher m = CSRF.matcher(login);
                        m.find();
                        in = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password="
                                        + enc(password) + "&_csrf=" + enc(m.group(1)))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (in.statusCode() == 302) {
                            break;
                        }
                        Thread.sleep(1000);
                    }
                    if (in.statusCode() != 302 || in.headers().firstValue("Location").orElse("").contains("error")) {
                        throw new IllegalStateException("login " + user + ": " + in.statusCode());
                    }
                    String token = token(base, user, password);
                    ready.countDown();
                    ready.await();
                    long end = System.currentTimeMillis() + seconds * 1000L;
                    int i = 0;
                    while (System.currentTimeMillis() < end) {
                        boolean api = i % 6 == 5;
                        String path = api ? "/api/v1/members?size=5" : pages.get(i % pages.size());
                        i++;
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(60));
                        if (api) {
                            b.header("Authorization", "Bearer " + token);
                        }
                        long s = System.currentTimeMillis();
                        int status;
                        try {
                            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                            // a page answered with the login form means the session was lost: counted as a failure
                            boolean toLogin = r.statusCode() == 302
                                    && r.headers().firstValue("Location").orElse("").contains("/login");
                            status = toLogin ? 401 : r.statusCode() == 302 ? 200 : r.statusCode();
                        } catch (java.io.IOException e) {
                            status = -1;
                        }
                        hits.add(new Hit(s, System.currentTimeMillis(), status, path));
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    ready.countDown(); // the others do not wait for a client that could not sign in
                    System.out.println("client " + user + " stopped: " + e);
                }
            }));
        }
        for (Thread t : ts) {
            t.join();
        }
        long killAt = Files.exists(killFile) ? Long.parseLong(Files.readString(killFile).strip()) : Long.MAX_VALUE;
        Map<Integer, Integer> statuses = new TreeMap<>();
        long failed = 0, inFlight = 0, after = 0;
        for (Hit h : hits) {
            statuses.merge(h.status(), 1, Integer::sum);
            if (h.status() != 200) {
                failed++;
                if (h.start() <= killAt) {
                    inFlight++;
                } else {
                    after++;
                    System.out.println("  lost: " + h.path() + " started " + (h.start() - killAt) + " ms after the kill, "
                            + h.status());
                }
            }
        }
        System.out.println("clicks: " + hits.size() + " requests by " + threads + " signed-in users, statuses "
                + statuses + "; failed " + failed + " (in flight at the kill " + inFlight + ", started after it "
                + after + ")");
        System.out.println("LOST_AFTER_KILL=" + after);
    }

    static void pay(String base, String password, int seconds, int threads, Path membersFile, Path acks)
            throws Exception {
        ConcurrentLinkedQueue<String> members = new ConcurrentLinkedQueue<>(Files.readAllLines(membersFile));
        String token = token(base, "admin", password);
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        AtomicLong retries = new AtomicLong();
        List<Long> ackTimes = Collections.synchronizedList(new ArrayList<>());
        long end = System.currentTimeMillis() + seconds * 1000L;
        long run = System.currentTimeMillis() / 1000; // one key per member and drill run
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ts.add(Thread.ofPlatform().start(() -> {
                String member;
                while (System.currentTimeMillis() < end && (member = members.poll()) != null) {
                    String[] f = member.split(" ");
                    String body = "{\"upTo\":\"" + f[1] + "\",\"method\":\"CASH\",\"receiptNo\":\"FD" + f[0]
                            + "\",\"idempotencyKey\":\"failover-" + run + "-" + f[0] + "\"}";
                    while (true) {
                        int status;
                        String answer = "";
                        try {
                            HttpResponse<String> r = call(base, token, "POST", "/api/v1/dues/accounts/" + f[0]
                                    + "/offline-payments", body);
                            status = r.statusCode();
                            answer = r.body();
                        } catch (Exception e) {
                            status = -1;
                        }
                        if (status == 200) {
                            acked.add(f[0] + " " + answer.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
                            ackTimes.add(System.currentTimeMillis());
                            break;
                        }
                        if (status == 400 || status == 404 || status == 409) {
                            System.out.println("  refused " + f[0] + ": " + status + " " + answer);
                            break;
                        }
                        retries.incrementAndGet(); // 503 / connection refused while the database fails over
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }));
        }
        for (Thread t : ts) {
            t.join();
        }
        Files.write(acks, acked);
        List<Long> times = new ArrayList<>(ackTimes);
        Collections.sort(times);
        long gap = 0, gapFrom = 0;
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) - times.get(i - 1) > gap) {
                gap = times.get(i) - times.get(i - 1);
                gapFrom = times.get(i - 1);
            }
        }
        System.out.println("payments: " + acked.size() + " acknowledged by " + threads + " clients, " + retries.get()
                + " retried requests; longest time without an acknowledged write " + gap + " ms (from "
                + java.time.Instant.ofEpochMilli(gapFrom) + ")");
        System.out.println("ACKED=" + acked.size());
        System.out.println("GAP_MS=" + gap);
    }
}
