// Zhibu HTTP benchmark (not a test; JDK only): every row of the speed table in docs/benchmarks/http.md.
//
//   java bench/HttpBench.java <baseUrl> <user> <password> [options]
//     --seconds=N     measured seconds per row (default 10, after a warm-up of N/5, at least 2 s)
//     --root=ID       the organization to start from (default: the first of the caller's scope roots)
//     --only=TEXT     run only the rows whose label contains TEXT (e.g. --only=dashboard)
//     --variant=TEXT  a note printed beside each row (e.g. "cache off" after restarting the app with
//                     --zhibu.supervision.dashboard-cache=PT0S; the dashboard targets then become 150 ms)
//     --sweep         also start a warning sweep through POST /api/v1/warnings/sweeps and time it to the end
//     --out=FILE      also write the Markdown table to FILE
//     --pid=PID       the app's process id (same machine): adds its CPU milliseconds per request to each row (less the
//                     app's own background CPU in 2 quiet seconds before the row), a figure that a shared machine's
//                     load does not inflate as much as the latency
//     --paths P...    ad-hoc mode: closed loop over the given GET paths (round-robin) at --concurrency=N
//
// It signs in through the API (bearer token) and, for the HTML row, through the login form (session cookie);
// discovers representative organizations itself — the heaviest of each level: the root's county/district committee
// with the most members (a name ending in 县委/区委/市委), its township/street committee with the most members (乡, 镇,
// 街道), and the branch with the most members below that (from the dashboard ranked by members); then runs each row as a closed loop — N virtual threads, each sending its next request as soon as
// the previous answer has been read, no pauses — and prints req/s, p50/p95/p99 of the round trip and the 1-minute
// load average before and after the row. The client runs on the same machine, so a round trip is what a person or
// script on loopback would wait for: token check, scope check, queries, JSON or page rendering.
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class HttpBench {
    static final Pattern ORG = Pattern.compile("\\{\"id\":(\\d+),[^{}]*?\"name\":\"([^\"]*)\",\"type\":\"(\\w+)\"[^{}]*?\"hasChildren\":(true|false)\\}");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Org(long id, String name, String type, boolean hasChildren) {
    }

    record Row(String label, String org, int concurrency, boolean page, List<String> paths, double targetMs) {
    }

    static String base;
    static HttpClient api;
    static HttpClient pages;
    static String token;
    static long appPid;

    public static void main(String[] a) throws Exception {
        base = a[0];
        String user = a[1], password = a[2];
        Map<String, String> opt = new java.util.HashMap<>();
        List<String> adHoc = new ArrayList<>();
        for (int i = 3; i < a.length; i++) {
            if (a[i].equals("--paths")) {
                adHoc.addAll(List.of(a).subList(i + 1, a.length));
                break;
            }
            String[] kv = a[i].replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "10"));
        String variant = opt.getOrDefault("variant", "");
        boolean cacheOff = variant.contains("cache off");
        appPid = Long.parseLong(opt.getOrDefault("pid", "0"));
        api = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        token = signIn(user, password);

        List<Row> rows = new ArrayList<>();
        if (!adHoc.isEmpty()) {
            rows.add(new Row("ad hoc", "", Integer.parseInt(opt.getOrDefault("concurrency", "10")), false, adHoc, 0));
        } else {
            Org root = opt.containsKey("root") ? orgs("[" + get("/api/v1/orgs/" + opt.get("root")) + "]").getFirst()
                    : orgs(get("/api/v1/orgs")).getFirst();
            // representative = the heaviest at each level: the root's committee with the most members (a county or
            // district), that one's committee with the most members (a street or township; a general branch when it
            // has no committee), and the branch with the most members below it
            Org county = largestChild(root, (t, n) -> t.equals("COMMITTEE") && n.matches(".*[县区市]委$"));
            if (county.id() == root.id()) {
                county = largestChild(root, (t, n) -> t.equals("COMMITTEE"));
            }
            Org township = largestChild(county, (t, n) -> t.equals("COMMITTEE") && n.matches(".*(乡|镇|街道).*委员会$"));
            if (township.id() == county.id()) {
                township = largestChild(county, (t, n) -> t.equals("COMMITTEE") || t.equals("GENERAL_BRANCH"));
            }
            Org branch = largestBranch(township);
            System.out.printf("Organizations: root %s (%d), county %s (%d), township %s (%d), branch %s (%d)%n",
                    root.name(), root.id(), county.name(), county.id(), township.name(), township.id(), branch.name(), branch.id());
            List<Org[]> levels = List.of(new Org[]{root}, new Org[]{county}, new Org[]{township}, new Org[]{branch});
            String[] levelNames = {"root", "county", "township", "branch"};
            for (int i = 0; i < 4; i++) {
                Org o = levels.get(i)[0];
                rows.add(new Row("dashboard API · " + levelNames[i], o.name(), 50, false,
                        List.of("/api/v1/supervision/dashboard?orgId=" + o.id()), cacheOff ? 150 : 50));
            }
            for (int i = 0; i < 4; i++) {
                Org o = levels.get(i)[0];
                rows.add(new Row("/supervision page · " + levelNames[i], o.name(), 10, true,
                        List.of("/supervision?orgId=" + o.id()), 100));
            }
            for (String by : List.of("POINTS", "STUDY")) {
                for (int i = 0; i < 4; i++) {
                    Org o = levels.get(i)[0];
                    rows.add(new Row("member ranking by " + by + " · " + levelNames[i], o.name(), 10, false,
                            List.of("/api/v1/points/rankings/members?by=" + by + "&size=20&orgId=" + o.id()), 50));
                }
            }
            rows.add(new Row("all-branch ranking by points · root", root.name(), 10, false,
                    List.of("/api/v1/points/rankings/branches?by=POINTS&size=20&orgId=" + root.id()), 150));
            rows.add(new Row("all-branch ranking by 三会一课 rate · root", root.name(), 10, false,
                    List.of("/api/v1/supervision/rankings?rank=MEETING_RATE&limit=20&orgId=" + root.id()), 150));
            rows.add(new Row("roster page + total · root", root.name(), 10, false,
                    List.of("/api/v1/members?size=20&orgId=" + root.id()), 100));
            rows.add(new Row("pinyin search (q=wjg) · root", root.name(), 10, false,
                    List.of("/api/v1/members?size=20&q=wjg&orgId=" + root.id()), 150));
            rows.add(new Row("name search (q=" + "王建" + ") · root", root.name(), 10, false,
                    List.of("/api/v1/members?size=20&q=" + enc("王建") + "&orgId=" + root.id()), 150));
            rows.add(new Row("token check GET /api/v1/me", "", 50, false, List.of("/api/v1/me"), 20));
        }
        String only = opt.get("only");
        if (only != null) {
            rows.removeIf(r -> !r.label().contains(only));
        }
        if (rows.stream().anyMatch(Row::page)) {
            pages = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            formSignIn(user, password);
        }

        List<String> out = new ArrayList<>();
        out.add("Run " + java.time.OffsetDateTime.now().withNano(0) + " against " + base + " as " + user
                + (variant.isEmpty() ? "" : " (" + variant + ")") + "; " + seconds + " s per row, closed loop, no pauses; "
                + Runtime.getRuntime().availableProcessors() + " cores; load average at start " + load() + ".");
        out.add("");
        out.add("| What | Organization | Concurrency | req/s | p50 ms | p95 ms | p99 ms | Target p99 | Met | Load 1-min before → after | Non-200 |"
                + (appPid > 0 ? " App CPU ms/req |" : ""));
        out.add("|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|" + (appPid > 0 ? "---:|" : ""));
        out.forEach(System.out::println);
        for (Row r : rows) {
            String line = run(r, seconds);
            System.out.println(line);
            out.add(line);
        }
        if (opt.containsKey("sweep")) {
            String line = sweep();
            System.out.println(line);
            out.add("");
            out.add(line);
        }
        if (opt.containsKey("out")) {
            Files.write(Path.of(opt.get("out")), out);
        }
    }

    static String run(Row row, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong count = new AtomicLong();
        String before = load();
        long measuredNanos = 0;
        long cpuBefore = 0;
        // the app's own background work (rollup applier, jobs) in 2 quiet seconds, subtracted from the row's CPU
        double idleTicksPerSecond = 0;
        if (appPid > 0) {
            long i0 = cpuTicks();
            Thread.sleep(2000);
            idleTicksPerSecond = (cpuTicks() - i0) / 2.0;
        }
        for (int phase = 0; phase < 2; phase++) {
            boolean record = phase == 1;
            long start = System.nanoTime();
            if (record) {
                cpuBefore = cpuTicks();
            }
            long end = start + (record ? seconds : Math.max(2, seconds / 5)) * 1_000_000_000L;
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < row.concurrency(); t++) {
                    int offset = t;
                    pool.submit(() -> {
                        int i = offset;
                        while (System.nanoTime() < end) {
                            String p = row.paths().get(i++ % row.paths().size());
                            long s = System.nanoTime();
                            int status;
                            try {
                                status = send(row.page(), p).statusCode();
                            } catch (Exception e) {
                                status = -1;
                            }
                            if (record) {
                                micros.add((System.nanoTime() - s) / 1000);
                                count.incrementAndGet();
                                if (status != 200) {
                                    errors.incrementAndGet();
                                }
                            }
                        }
                        return null;
                    });
                }
            }
            if (record) {
                measuredNanos = System.nanoTime() - start;
            }
        }
        String cpu = "";
        if (appPid > 0) {
            // clock ticks are 10 ms on Linux (USER_HZ 100)
            double busy = (cpuTicks() - cpuBefore) - idleTicksPerSecond * measuredNanos / 1e9;
            cpu = String.format(" %.2f |", Math.max(0, busy) * 10.0 / Math.max(1, count.get()));
        }
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        double p99 = pct(sorted, 0.99);
        String met = row.targetMs() <= 0 ? "—" : p99 <= row.targetMs() ? "yes" : "**no**";
        return String.format("| %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %s | %s | %s → %s | %d |%s", row.label(), row.org(),
                row.concurrency(), count.get() / (measuredNanos / 1e9), pct(sorted, 0.50), pct(sorted, 0.95), p99,
                row.targetMs() <= 0 ? "—" : String.format("%.0f ms", row.targetMs()), met, before, load(), errors.get(), cpu);
    }

    /** Starts a warning sweep through the API and polls it to its end; prints the server's own duration too. */
    static String sweep() throws Exception {
        String before = load();
        // what ran before: the first sweep of a database opens every warning (the "first sweep" target)
        String earlier = get("/api/v1/warnings/sweeps");
        Matcher first = Pattern.compile("\"trigger\":\"(\\w+)\",[^{}]*?\"status\":\"(\\w+)\"[^{}]*?\"opened\":(\\d+)[^{}]*?\"millis\":(\\d+)").matcher(earlier);
        List<String> runs = new ArrayList<>();
        while (first.find()) {
            runs.add(first.group(1) + " " + first.group(2) + " " + first.group(3) + " opened in "
                    + String.format("%.1f s", Long.parseLong(first.group(4)) / 1000.0));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> started = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/warnings/sweeps"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(started.body());
        if (!id.find()) {
            return "Warning sweep: could not start (" + started.statusCode() + " " + started.body() + ")";
        }
        String run;
        do {
            Thread.sleep(250);
            run = get("/api/v1/warnings/sweeps/" + id.group(1));
        } while (run.contains("\"status\":\"RUNNING\"") || run.contains("\"status\":\"STARTED\""));
        double wall = (System.nanoTime() - t0) / 1e9;
        Matcher millis = Pattern.compile("\"millis\":(\\d+)").matcher(run);
        Matcher status = Pattern.compile("\"status\":\"(\\w+)\"").matcher(run);
        Matcher opened = Pattern.compile("\"opened\":(\\d+)").matcher(run);
        return String.format("Warning sweep through the API: %s, %.1f s from the POST to the finished run as polled%s, %s warnings opened; target 10 s; load %s → %s. %s",
                status.find() ? status.group(1) : "?", wall, millis.find() ? String.format(" (server-side %.1f s)", Long.parseLong(millis.group(1)) / 1000.0) : "",
                opened.find() ? opened.group(1) : "?", before, load(),
                runs.isEmpty() ? "It was the database's first sweep." : "Earlier runs, newest first: " + String.join("; ", runs) + ".");
    }

    static HttpResponse<Void> send(boolean page, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (page) {
            return pages.send(b.build(), HttpResponse.BodyHandlers.discarding());
        }
        return api.send(b.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
    }

    static String signIn(String user, String password) throws Exception {
        String body = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("sign-in failed (a second factor or a wrong password?): " + body);
        }
        return m.group(1);
    }

    static void formSignIn(String user, String password) throws Exception {
        String login = pages.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(login);
        if (!m.find()) {
            throw new IllegalStateException("no login form at " + base + "/login");
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        pages.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static List<Org> orgs(String json) {
        List<Org> list = new ArrayList<>();
        Matcher m = ORG.matcher(json);
        while (m.find()) {
            list.add(new Org(Long.parseLong(m.group(1)), m.group(2), m.group(3), Boolean.parseBoolean(m.group(4))));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("no organizations in " + json);
        }
        return list;
    }

    static List<Org> children(long id) throws Exception {
        return orgs(get("/api/v1/orgs/" + id + "/children"));
    }

    static final Pattern CHILD = Pattern.compile("\\{\"orgId\":(\\d+),\"name\":\"([^\"]*)\",\"type\":\"(\\w+)\"");

    /**
     * The child of {@code parent} with the most members whose type and name pass (the dashboard ranked by
     * members names them in that order); {@code parent} itself when none passes.
     */
    static Org largestChild(Org parent, java.util.function.BiPredicate<String, String> typeAndName) throws Exception {
        String d = get("/api/v1/supervision/dashboard?rank=MEMBERS&orgId=" + parent.id());
        Map<Long, Org> byId = new java.util.HashMap<>();
        children(parent.id()).forEach(o -> byId.put(o.id(), o));
        Matcher m = CHILD.matcher(d);
        while (m.find()) {
            Org o = byId.get(Long.parseLong(m.group(1)));
            if (o != null && typeAndName.test(m.group(3), m.group(2))) {
                return o;
            }
        }
        return parent;
    }

    /** The branch (支部) with the most members under an organization, following the largest child down. */
    static Org largestBranch(Org from) throws Exception {
        for (int depth = 0; depth < 8 && !holdsMembers(from.type()); depth++) {
            Org next = largestChild(from, (t, n) -> holdsMembers(t));
            from = next.id() != from.id() ? next : largestChild(from, (t, n) -> !t.equals("PARTY_GROUP"));
        }
        return from;
    }

    static boolean holdsMembers(String type) {
        return type.equals("BRANCH") || type.equals("JOINT_BRANCH") || type.equals("TEMPORARY_BRANCH");
    }

    static double pct(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /** utime + stime of the app process in clock ticks (0 without --pid). */
    static long cpuTicks() {
        if (appPid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + appPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
