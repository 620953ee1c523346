package io.zhibu.development.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.db.tables.records.DevPersonRecord;
import io.zhibu.db.tables.records.DevStepRecord;
import io.zhibu.development.DevState;
import io.zhibu.development.DevTimeline;
import io.zhibu.development.DevelopmentProperties;
import io.zhibu.org.OrgService;
import io.zhibu.support.IntegrationTest;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The benchmark's development history gives every person the steps of their stage, so the R2.12 deadlines have timelines. */
class DevBenchHistoryTest extends IntegrationTest {
    @Autowired
    DSLContext db;
    @Autowired
    OrgService orgs;
    @Autowired
    DevelopmentRepository repo;
    @Autowired
    DevelopmentProperties props;
    @Autowired
    PlatformTransactionManager tx;

    @Test
    void everyGeneratedPersonHasConsecutiveStepsAndTheDeadlinesOfTheirStage() {
        new TransactionTemplate(tx).executeWithoutResult(status -> {
            status.setRollbackOnly(); // the shared demo database keeps no benchmark rows
            YearMonth now = YearMonth.now();
            long rows = new DevBenchHistory(db, orgs).generate(now.minusMonths(35), now.minusMonths(1), 77);
            List<DevPersonRecord> people = repo.open("", null, Integer.MAX_VALUE).stream()
                    .filter(p -> p.getPipelineKey().startsWith("bench-77-")).toList();
            assertThat(people).isNotEmpty();
            Map<Long, List<DevStepRecord>> steps = repo.openSteps("", null);
            assertThat(rows).isGreaterThan(people.size());
            Set<String> kinds = new HashSet<>();
            for (DevPersonRecord p : people) {
                List<DevStepRecord> own = steps.get(p.getId());
                int expected = switch (p.getState()) {
                    case APPLICANT -> own.size() == 1 ? 1 : 2;
                    case ACTIVIST -> 3;
                    case TARGET -> 14;
                    default -> 20;
                };
                assertThat(own).extracting(DevStepRecord::getStepNo)
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, expected).boxed().toList());
                assertThat(p.getLastStep()).isEqualTo(expected);
                DevTimeline t = new DevTimeline(own.stream().map(r -> new DevTimeline.Done(r.getStepNo(), r.getRound(),
                        r.getDoneOn(), null, null)).toList(), p.getState(), p.getConversionRound(),
                        p.getExtensionMonths(), props);
                t.deadlines().forEach(d -> kinds.add(d.kind()));
            }
            assertThat(kinds).contains("TALK", "ACTIVIST_REVIEW", "BRANCH_MEETING", "PROBATION_END");

            // the sweep's source reads keyset pages: small pages give exactly the candidates of one big page
            java.time.LocalDate today = java.time.LocalDate.now();
            var settings = io.zhibu.warning.RuleSettings.defaults(io.zhibu.warning.WarningRule.DEV_DEADLINE);
            List<String> big = new java.util.ArrayList<>();
            new DevDeadlineWarnings(repo, props, 20_000).candidates(today, settings, c -> big.add(c.subjectKey() + c.level()));
            List<String> small = new java.util.ArrayList<>();
            new DevDeadlineWarnings(repo, props, 7).candidates(today, settings, c -> small.add(c.subjectKey() + c.level()));
            assertThat(big).isNotEmpty().anyMatch(k -> k.contains(":TALK:")).anyMatch(k -> k.contains(":PROBATION_END:"));
            assertThat(small).containsExactlyInAnyOrderElementsOf(big);
        });
    }
}
