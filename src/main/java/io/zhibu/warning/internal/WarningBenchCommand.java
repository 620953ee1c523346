package io.zhibu.warning.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Warning sweep benchmark (opt-in, then exits): on a database that holds the city dataset (see
 * {@code demo/CityDataCommand}), times the full sweep three times — the first run opens everything, the second on the
 * same day must change nothing (idempotent), the third a month later moves levels and closes/opens the periodic ones.
 * <pre>./mvnw -o spring-boot:run -Dspring-boot.run.arguments="--zhibu.bench.warnings=true --zhibu.demo.enabled=false
 *   --server.port=0"</pre> (with {@code ZHIBU_DB_URL}/{@code ZHIBU_DB_USER}/{@code ZHIBU_DB_PASSWORD} for PostgreSQL).
 */
@Component
@ConditionalOnBooleanProperty("zhibu.bench.warnings")
@Order(40)
class WarningBenchCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(WarningBenchCommand.class);
    private final SweepEngine engine;
    private final WarningRepository repo;
    private final ConfigurableApplicationContext context;
    private final Clock clock;

    WarningBenchCommand(SweepEngine engine, WarningRepository repo, ConfigurableApplicationContext context, Clock clock) {
        this.engine = engine;
        this.repo = repo;
        this.context = context;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock);
        int status = 0;
        try {
            report("first sweep (opens everything)", engine.sweep(today, "BENCH", "bench"));
            report("second sweep, same day (must change nothing)", engine.sweep(today, "BENCH", "bench"));
            report("third sweep, one month later", engine.sweep(today.plusMonths(1), "BENCH", "bench"));
            log.info("BENCH open warnings now: {}", repo.countAllOpen());
        } catch (RuntimeException e) {
            log.error("warning bench failed", e);
            status = 1;
        }
        int code = status;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private static void report(String what, SweepEngine.Result r) {
        log.info("BENCH {}: {} candidates, {} opened, {} changed, {} closed, failed {} in {} ms", what, r.candidates(),
                r.opened(), r.changed(), r.closed(), r.failedRules(), r.millis());
    }
}
