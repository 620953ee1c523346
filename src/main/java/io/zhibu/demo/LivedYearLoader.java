package io.zhibu.demo;

import io.zhibu.org.Organization;
import io.zhibu.shared.demo.LivedYear;
import io.zhibu.supervision.Rollups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    public LivedYearLoader(List<LivedYear> parts, Rollups rollups, Clock clock) {
        List<LivedYear> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(LivedYear::order));
        this.parts = List.copyOf(sorted);
        this.rollups = rollups;
        this.clock = clock;
    }

    /** One line per module: what, rows, milliseconds. */
    public record Step(String name, long rows, long millis) {
    }

    /** Writes the lived year of the region under {@code root}; returns the steps with their times. */
    public List<Step> load(Organization root, long seed, int months) {
        LivedYear.Region region = new LivedYear.Region(root.id(), root.path(), LocalDate.now(clock), seed, months);
        List<Step> steps = new ArrayList<>();
        SystemActor.run(() -> {
            for (LivedYear part : parts) {
                long t = System.nanoTime();
                long rows = part.generate(region);
                Step s = new Step(part.name(), rows, (System.nanoTime() - t) / 1_000_000);
                steps.add(s);
                log.info("Lived year of {}: {} — {} rows in {} ms", root.name(), s.name(), s.rows(), s.millis());
            }
            long t = System.nanoTime();
            Rollups.Run run = rollups.rebuildSync("lived-year");
            steps.add(new Step("rollups", run.rows(), (System.nanoTime() - t) / 1_000_000));
        });
        return steps;
    }
}
