package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.supervision.Rollups;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 point 3: the county issues the township's monthly bulletin; every branch it names receives the
 * rectification task, replies with its measures, and the county closes the reply; a bulletin is issued once.
 */
class IssuedBulletinApiTest extends IntegrationTest {
    @Autowired
    Rollups rollups;

    @Test
    void issueNumberedWithRectificationTasksToTheNamedBranches() {
        rollups.applyPending();
        Api county = as("county");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, as("township"));
        String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode bulletin = county.get("/api/v1/supervision/bulletins?orgId=" + facts.townshipId() + "&period=" + period).json();
        Set<Long> named = new LinkedHashSet<>();
        bulletin.get("laggingMeetings").forEach(b -> named.add(b.get("orgId").asLong()));
        bulletin.get("laggingDues").forEach(b -> named.add(b.get("orgId").asLong()));

        Api.Response issued = county.post("/api/v1/bulletins/issued", "{\"orgId\":" + facts.townshipId() + ",\"period\":\"" + period + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.at("/number").asText()).matches("督通〔\\d{4}〕\\d+号");
        assertThat(issued.at("/laggingCount").asInt()).isEqualTo(named.size());
        assertThat(county.post("/api/v1/bulletins/issued", "{\"orgId\":" + facts.townshipId() + ",\"period\":\"" + period + "\"}")
                .status()).isEqualTo(409);
        assertThat(county.get("/api/v1/bulletins/issued").body()).contains(issued.at("/number").asText());
        assertThat(named).as("the demo township has branches below the thresholds this month").isNotEmpty();
        long task = issued.at("/rectificationTaskId").asLong();
        JsonNode board = county.get("/api/v1/tasks/" + task + "/progress").json();
        assertThat(board.at("/figures/total").asLong()).isEqualTo(named.size());
        if (named.contains(facts.ownBranchId())) {
            assertThat(secretary.post("/api/v1/tasks/" + task + "/receipt", "{}").status()).isEqualTo(200);
            assertThat(secretary.post("/api/v1/tasks/" + task + "/feedback", "{\"text\":\"已制定整改措施：每月第一周召开支委会。\"}")
                    .status()).isEqualTo(200);
            assertThat(county.post("/api/v1/tasks/" + task + "/feedback/" + facts.ownBranchId() + "/review",
                    "{\"decision\":\"ACCEPT\"}").status()).isEqualTo(200);
            assertThat(county.get("/api/v1/tasks/" + task + "/progress").at("/figures/accepted").asLong()).isEqualTo(1);
        }

        // the next bulletin shows what became of this one's rectification
        long accepted = county.get("/api/v1/tasks/" + task + "/progress").at("/figures/accepted").asLong();
        String next = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        Api.Response second = county.post("/api/v1/bulletins/issued", "{\"orgId\":" + facts.townshipId() + ",\"period\":\"" + next + "\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.at("/previous/number").asText()).isEqualTo(issued.at("/number").asText());
        assertThat(second.at("/previous/lagging").asInt()).isEqualTo(named.size());
        assertThat(second.at("/previous/rectified").asLong()).isEqualTo(accepted);
        assertThat(as("township").get("/api/v1/bulletins/issued").status()).isEqualTo(200);
    }

    @Test
    void badInput() {
        Api county = as("county");
        Api.Response bad = county.post("/api/v1/bulletins/issued", "{\"period\":\"2026-13\"}");
        assertThat(bad.status()).isEqualTo(400);
        Api.Response none = county.post("/api/v1/bulletins/issued", "{}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("period");
        assertThat(as("secretary").post("/api/v1/bulletins/issued", "{\"period\":\"2026-11\"}").status()).isEqualTo(403);
    }
}
