// Zhibu HTTP load driver: java bench/HttpBench.java <baseUrl> <user> <password> <concurrency> <seconds> <path> [<path>...]
// Signs in through the API, then keeps <concurrency> virtual threads issuing GETs round-robin over the paths for
// <seconds> (after a short warm-up), and prints throughput and server round-trip latency p50/p90/p99 per path.
// Only loopback targets are meant (the machine's own server).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

public class HttpBench {
    public static void main(String[] a) throws Exception {
        String base = a[0], user = a[1], password = a[2];
        int concurrency = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[4]);
        List<String> paths = List.of(a).subList(5, a.length);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = login.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        paths.forEach(p -> latencies.put(p, new ConcurrentLinkedQueue<>()));
        AtomicLong errors = new AtomicLong();
        for (int phase = 0; phase < 2; phase++) {
            boolean record = phase == 1;
            long end = System.nanoTime() + (record ? seconds : Math.max(2, seconds / 5)) * 1_000_000_000L;
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < concurrency; t++) {
                    int offset = t;
                    pool.submit(() -> {
                        int i = offset;
                        while (System.nanoTime() < end) {
                            String p = paths.get(i++ % paths.size());
                            long s = System.nanoTime();
                            try {
                                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + p))
                                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding());
                                if (r.statusCode() != 200) {
                                    errors.incrementAndGet();
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            if (record) {
                                latencies.get(p).add((System.nanoTime() - s) / 1000);
                            }
                        }
                        return null;
                    });
                }
            }
        }
        long total = latencies.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
        System.out.printf("concurrency=%d duration=%ds requests=%d throughput=%.0f req/s errors=%d%n",
                concurrency, seconds, total, total / (double) seconds, errors.get());
        for (String p : paths) {
            List<Long> l = new ArrayList<>(latencies.get(p));
            Collections.sort(l);
            if (l.isEmpty()) continue;
            System.out.printf("%-70s n=%6d p50=%6.1fms p90=%6.1fms p99=%6.1fms%n", p, l.size(),
                    l.get(l.size() / 2) / 1000.0, l.get((int) (l.size() * 0.9)) / 1000.0, l.get((int) (l.size() * 0.99)) / 1000.0);
        }
    }
}
