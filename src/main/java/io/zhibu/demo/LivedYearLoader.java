package io.zhibu.demo;

import io.zhibu.org.Organization;
import io.zhibu.shared.db.JobThreads;
import io.zhibu.shared.demo.LivedYear;
import io.zhibu.supervision.Rollups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives a freshly loaded region a lived year (issue 16 point 8): every module's {@link LivedYear} in order —
 * meetings, dues, development, transfers, learning, assessment — for the months before today (the configured
 * clock), as the audited actor "system", then one full rollup rebuild so the dashboards show the year at once.
 * Used by the demo loader at first start ({@code zhibu.demo.lived-year}, default true; the tests switch it off) and
 * by the city generator ({@code zhibu.datagen.lived-year}).
 */
@Component
public class LivedYearLoader {
    private static final Logger log = LoggerFactory.getLogger(LivedYearLoader.class);
    private final List<LivedYear> parts;
    private final Rollups rollups;
    private final Clock clock;
    private final int threads;

    public LivedYearLoader(List<LivedYear> parts, Rollups rollups, Clock clock,
                           @Value("${zhibu.demo.lived-year-threads:2}") int threads) {
        List<LivedYear> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(LivedYear::order));
        this.parts = List.copyOf(sorted);
        this.rollups = rollups;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    /** One line per module: what, rows, milliseconds. */
    public record Step(String name, long rows, long millis) {
    }

    /**
     * Writes the lived year of the region under {@code root}; returns the steps with their times, in order. Parts
     * run as soon as the parts they name in {@link LivedYear#runsAfter()} are done, {@code zhibu.demo.lived-year-threads}
     * at a time (the first start of the demo on H2 is bounded by its insert rate: meetings and points on one thread,
     * dues on the other). Each part is deterministic on its own, and parts that run side by side touch disjoint data,
     * so the result does not depend on the interleaving.
     */
    public List<Step> load(Organization root, long seed, int months) {
        LivedYear.Region region = new LivedYear.Region(root.id(), root.path(), LocalDate.now(clock), seed, months);
        Map<String, CompletableFuture<Step>> done = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lived-year");
            t.setDaemon(true);
            return t;
        });
        try {
            for (LivedYear part : parts) {
                List<CompletableFuture<Step>> before = prerequisites(part, done);
                CompletableFuture<Step> f = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                        // every transaction of the part (its own and the services' it calls) under the job's
                        // statement timeout: the lived year once failed on the 30 s default under load
                        .thenApplyAsync(x -> JobThreads.run(() -> SystemActor.call(() -> {
                            long t = System.nanoTime();
                            long rows = part.generate(region);
                            Step s = new Step(part.name(), rows, (System.nanoTime() - t) / 1_000_000);
                            log.info("Lived year of {}: {} — {} rows in {} ms", root.name(), s.name(), s.rows(), s.millis());
                            return s;
                        })), pool);
                done.put(part.name(), f);
            }
            List<Step> steps = new ArrayList<>();
            for (CompletableFuture<Step> f : done.values()) {
                steps.add(f.join());
            }
            SystemActor.run(() -> {
                long t = System.nanoTime();
                Rollups.Run run = rollups.rebuildSync("lived-year");
                steps.add(new Step("rollups", run.rows(), (System.nanoTime() - t) / 1_000_000));
            });
            return steps;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The futures of the parts {@code part} waits for: the named ones, or every earlier part by default. */
    static <T> List<CompletableFuture<T>> prerequisites(LivedYear part, Map<String, CompletableFuture<T>> earlier) {
        Set<String> names = part.runsAfter();
        if (names.equals(LivedYear.ALL_BEFORE)) {
            return List.copyOf(earlier.values());
        }
        List<CompletableFuture<T>> out = new ArrayList<>();
        for (String n : names) {
            CompletableFuture<T> f = earlier.get(n);
            if (f == null) {
                throw new IllegalStateException("lived-year part '" + part.name() + "' runs after '" + n
                        + "', which is not an earlier part");
            }
            out.add(f);
        }
        return out;
    }
}
