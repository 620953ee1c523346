package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/**
 * 述职评议考核 end to end through HTTP (issue 17 point 7): the county opens the year's round for the township's
 * branches, the secretary sees the to-do and files, the county records a leader's 一般 and a representative's 差
 * (60 × 0.6 + 40 × 0.4 = 52 → 差, rule D1), publishes, and the 差 is announced and kept in the branch's history.
 */
class DebriefApiTest extends IntegrationTest {
    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    DebriefService debriefs;

    @Test
    void openFileGradePublish() {
        Api county = as("county");
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        List<SecretaryGradedPoor> announced = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
            if (e.getPayload() instanceof SecretaryGradedPoor p) {
                announced.add(p);
            }
        });

        // bad input names the field; only staff open rounds
        assertThat(county.post("/api/v1/debriefs", "{\"targets\":{\"rootOrgId\":" + facts.townshipId() + "}}").body()).contains("year");
        Api.Response old = county.post("/api/v1/debriefs", "{\"year\":1999,\"targets\":{\"rootOrgId\":" + facts.townshipId() + "}}");
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.body()).contains("year");
        assertThat(county.post("/api/v1/debriefs", "{\"year\":" + YEAR + "}").body()).contains("targets");
        assertThat(secretary.post("/api/v1/debriefs", "{\"year\":" + YEAR + ",\"targets\":{\"orgIds\":[1]}}").status()).isEqualTo(403);

        Api.Response opened = county.post("/api/v1/debriefs", "{\"year\":" + YEAR + ",\"targets\":{\"rootOrgId\":"
                + facts.townshipId() + "}}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.at("/id").asLong();
        String base = "/api/v1/debriefs/" + id;

        // the secretary's to-do; grading before filing is refused
        assertThat(secretary.get("/api/v1/todos").body()).contains("/debriefs/" + id + "/report");
        Api.Response early = county.post(base + "/reports/" + facts.ownBranchId() + "/grades",
                "{\"evaluator\":\"张书记\",\"kind\":\"LEADER\",\"grade\":\"GOOD\"}");
        assertThat(early.status()).isEqualTo(409);

        // filing: empty text → 400 naming text; then filed today
        Api.Response empty = secretary.post(base + "/reports", "{\"text\":\" \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("text");
        Api.Response filed = secretary.post(base + "/reports", "{\"text\":\"一年来，支部认真落实三会一课制度……\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(filed.at("/submittedOn").asText()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(secretary.get("/api/v1/todos").body()).doesNotContain("/debriefs/" + id + "/report");

        // grading: the owner only; missing kind → 400 naming kind
        String grades = base + "/reports/" + facts.ownBranchId() + "/grades";
        Api.Response noKind = county.post(grades, "{\"evaluator\":\"张书记\",\"grade\":\"GOOD\"}");
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.body()).contains("kind");
        assertThat(township.post(grades, "{\"evaluator\":\"x\",\"kind\":\"LEADER\",\"grade\":\"GOOD\"}").status()).isEqualTo(404);
        assertThat(county.post(grades, "{\"evaluator\":\"张书记\",\"kind\":\"LEADER\",\"grade\":\"GOOD\"}").status()).isEqualTo(200);
        // the same evaluator again replaces the grade
        assertThat(county.post(grades, "{\"evaluator\":\"张书记\",\"kind\":\"LEADER\",\"grade\":\"AVERAGE\"}").status()).isEqualTo(200);
        Api.Response graded = county.post(grades, "{\"evaluator\":\"李代表\",\"kind\":\"REPRESENTATIVE\",\"grade\":\"POOR\"}");
        assertThat(graded.status()).as(graded.body()).isEqualTo(200);
        assertThat(graded.at("/score").decimalValue()).isEqualByComparingTo("52");
        assertThat(graded.at("/grade").asText()).isEqualTo("POOR");
        assertThat(graded.at("/grades").size()).isEqualTo(2);
        // graded: the secretary can no longer revise
        assertThat(secretary.post(base + "/reports", "{\"text\":\"改\"}").status()).isEqualTo(409);

        // before publishing the secretary sees no result
        JsonNode mine = ownReport(secretary.get("/api/v1/debriefs?year=" + YEAR).json(), id, facts.ownBranchId());
        assertThat(mine.hasNonNull("grade")).isFalse();
        assertThat(mine.hasNonNull("score")).isFalse();
        assertThat(mine.hasNonNull("report")).isTrue();

        // publishing: the owner only, once; the 差 is announced
        assertThat(township.post(base + "/publish", "{}").status()).isEqualTo(404);
        Api.Response published = county.post(base + "/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.at("/round/status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.at("/round/poor").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(county.post(base + "/publish", "{}").status()).isEqualTo(409);
        assertThat(county.post(grades, "{\"evaluator\":\"王代表\",\"kind\":\"REPRESENTATIVE\",\"grade\":\"GOOD\"}").status()).isEqualTo(409);
        assertThat(announced).anySatisfy(p -> {
            assertThat(p.roundId()).isEqualTo(id);
            assertThat(p.orgId()).isEqualTo(facts.ownBranchId());
            assertThat(p.year()).isEqualTo(YEAR);
            assertThat(p.score()).isEqualByComparingTo("52");
        });
        assertThat(debriefs.poorGrades(YEAR, facts.ownBranchPath())).extracting(SecretaryGradedPoor::orgId)
                .containsExactly(facts.ownBranchId());

        // the result is visible to the branch and kept in its history
        JsonNode history = secretary.get("/api/v1/debriefs?orgId=" + facts.ownBranchId()).json();
        JsonNode kept = ownReport(history, id, facts.ownBranchId());
        assertThat(kept.get("grade").asText()).isEqualTo("POOR");
        assertThat(kept.get("score").decimalValue()).isEqualByComparingTo("52");

        // out of scope: 404 for the foreign branch's history; every write audited
        assertThat(secretary.get("/api/v1/debriefs?orgId=" + facts.foreignBranchId()).status()).isEqualTo(404);
        Api.Response audit = as("auditor").get("/api/v1/audit?action=command.debrief.publish&size=5");
        assertThat(audit.body()).contains("command.debrief.publish");
        assertThat(as("auditor").get("/api/v1/audit?action=command.debrief.grade&size=5").body()).contains("李代表");
    }

    private static JsonNode ownReport(JsonNode listing, long roundId, long orgId) {
        for (JsonNode r : listing.get("reports")) {
            if (r.get("roundId").asLong() == roundId && r.get("orgId").asLong() == orgId) {
                return r;
            }
        }
        throw new AssertionError("no report of " + orgId + " in round " + roundId + ": " + listing);
    }
}
