package io.zhibu.commandfacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The command loop's results reach assessment as facts: a secretary graded 差 in a published 述职评议 becomes
 * {@code command.secretary_poor} = 1 (the weak-and-lax candidate fact), an evaluated, completed project counts in
 * {@code command.projects_completed} and {@code command.project_score}; the source is one of assessment's fact sources.
 */
class CommandFactSourceTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    List<BranchFactSource> sources;

    @Test
    void poorGradeAndEvaluatedProjectBecomeFacts() {
        Api county = as("county");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, as("township"));
        int year = TODAY.getYear();
        String branch = "[" + facts.ownBranchId() + "]";

        Api.Response round = county.post("/api/v1/debriefs", "{\"year\":" + year + ",\"targets\":{\"orgIds\":" + branch + "}}");
        assertThat(round.status()).as(round.body()).isEqualTo(201);
        String base = "/api/v1/debriefs/" + round.at("/id").asLong();
        assertThat(secretary.post(base + "/reports", "{\"text\":\"述职报告\"}").status()).isEqualTo(200);
        assertThat(county.post(base + "/reports/" + facts.ownBranchId() + "/grades",
                "{\"evaluator\":\"张书记\",\"kind\":\"LEADER\",\"grade\":\"POOR\"}").status()).isEqualTo(200);
        assertThat(county.post(base + "/publish", "{}").status()).isEqualTo(200);

        Api.Response project = county.post("/api/v1/projects", "{\"year\":" + year + ",\"code\":\"F" + System.nanoTime() % 100000
                + "\",\"kind\":\"KEY\",\"title\":\"t\",\"goal\":\"g\",\"department\":\"d\",\"targets\":{\"orgIds\":" + branch + "}}");
        assertThat(project.status()).as(project.body()).isEqualTo(201);
        String p = "/api/v1/projects/" + project.at("/id").asLong();
        assertThat(secretary.post(p + "/plan", "{\"leader\":\"王书记\",\"measures\":\"m\",\"deadline\":\"" + year + "-12-31\"}")
                .status()).isEqualTo(200);
        assertThat(secretary.post(p + "/reports", "{\"quarter\":1,\"progress\":\"完成\",\"done\":true}").status()).isEqualTo(200);
        assertThat(county.post(p + "/orgs/" + facts.ownBranchId() + "/evaluation", "{\"score\":90}").status()).isEqualTo(200);

        BranchFactSource source = sources.stream().filter(s -> s instanceof CommandFactSource).findFirst().orElseThrow();
        assertThat(source.facts()).extracting(BranchFactSource.FactDef::key).contains(CommandFactSource.SECRETARY_POOR,
                CommandFactSource.PROJECT_SCORE);
        List<BranchFact> collected = source.collect(year, TODAY, facts.ownBranchPath());
        assertThat(collected).anySatisfy(f -> {
            assertThat(f.orgId()).isEqualTo(facts.ownBranchId());
            assertThat(f.key()).isEqualTo(CommandFactSource.SECRETARY_POOR);
            assertThat(f.value()).isEqualByComparingTo("1");
        });
        assertThat(collected).anySatisfy(f -> {
            assertThat(f.key()).isEqualTo(CommandFactSource.PROJECTS_COMPLETED);
            assertThat(f.value()).isGreaterThanOrEqualTo(java.math.BigDecimal.ONE);
        });
        assertThat(collected).anySatisfy(f -> {
            assertThat(f.key()).isEqualTo(CommandFactSource.PROJECT_SCORE);
            assertThat(f.value()).isGreaterThanOrEqualTo(new java.math.BigDecimal("90"));
        });
    }
}
