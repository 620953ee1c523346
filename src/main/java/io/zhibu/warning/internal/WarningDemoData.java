package io.zhibu.warning.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo warnings: after the demo county and the other modules' demo data are loaded, one sweep (once: only when no
 * sweep has ever run), so that the warnings, to-do and inbox pages show realistic content right away.
 */
@Component
@Order(90)
class WarningDemoData implements ApplicationRunner {
    private final WarningRepository repo;
    private final SweepEngine engine;
    private final Clock clock;
    private final boolean enabled;

    WarningDemoData(WarningRepository repo, SweepEngine engine, Clock clock,
                    @Value("${zhibu.demo.enabled:false}") boolean enabled) {
        this.repo = repo;
        this.engine = engine;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && repo.runs(1).isEmpty()) {
            engine.sweep(LocalDate.now(clock), "DEMO", "system");
        }
    }
}
