package io.zhibu.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * §8.4: the year's points and stars reach 民主评议 as reference input (the meeting module's {@code EvaluationInputs}
 * port, implemented by the points module): shown to the committee for every member and to a member for their own
 * entry, never as a grade.
 */
class EvaluationPointsInputTest extends IntegrationTest {
    @Test
    void committeeSeesEachMembersPointsAndStarsAsReferenceNeverAsAGrade() {
        Api secretary = as("secretary");
        Api member = as("member");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        long me = member.get("/api/v1/me").at("/memberId").asLong();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1; // last year's round: no other test opens it

        // a branch entry dated last year changes last year's total
        Api.Response entered = secretary.post("/api/v1/points/members/" + me + "/entries", "{\"item\":\"HONOUR\",\"points\":6,"
                + "\"date\":\"" + year + "-12-01\",\"reason\":\"获评优秀志愿者\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        JsonNode mine = secretary.get("/api/v1/points/members/" + me + "?year=" + year).json();
        int total = mine.get("total").asInt();
        int stars = mine.get("stars").asInt();
        assertThat(total).isGreaterThan(mine.get("base").asInt());

        String api = "/api/v1/meetings/evaluations";
        Api.Response opened = secretary.post(api, "{\"orgId\":" + branch + ",\"year\":" + year + "}");
        String id;
        if (opened.status() == 409) { // a re-run on the same database
            String found = null;
            for (JsonNode r : secretary.get(api + "?orgId=" + branch).json()) {
                if (r.get("year").asInt() == year && r.get("orgId").asLong() == branch) {
                    found = r.get("id").asText();
                }
            }
            id = found;
        } else {
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            id = opened.at("/id").asText();
        }
        JsonNode round = secretary.get(api + "/" + id).json();
        assertThat(round.get("pointsAreReferenceOnly").asBoolean()).isTrue();
        int withPoints = 0;
        for (JsonNode e : round.get("entries")) {
            JsonNode ref = e.get("pointsReference");
            assertThat(ref).as("every member of the branch has a reference").isNotNull();
            assertThat(ref.get("year").asInt()).isEqualTo(year);
            assertThat(ref.get("stars").asInt()).isBetween(0, 5);
            withPoints++;
            if (e.get("memberId").asLong() == me) {
                assertThat(ref.get("points").asInt()).isEqualTo(total);
                assertThat(ref.get("stars").asInt()).isEqualTo(stars);
            }
            if ("OPEN".equals(round.get("status").asText())) {
                assertThat(e.has("grade") && !e.get("grade").isNull()).as("points never become a grade").isFalse();
            }
        }
        assertThat(withPoints).isGreaterThan(1);

        // the member sees their own reference, nobody else's
        for (JsonNode e : member.get(api + "/" + id).json().get("entries")) {
            boolean own = e.get("memberId").asLong() == me;
            assertThat(e.hasNonNull("pointsReference")).as("member " + e.get("memberId")).isEqualTo(own);
        }

        // the committee's page shows them, labelled as reference
        WebSession web = new WebSession(port, "secretary", PASSWORD);
        String page = web.get("/meetings/evaluations/" + id).body();
        assertThat(page).contains("id=\"points-hint\"").contains("reference input").contains("never set a grade")
                .contains(total + " points · " + stars + " stars");
    }
}
