package io.zhibu.serving;

import static io.zhibu.db.Tables.SERVING_TALK;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue 21 point 3: 五必谈 raised by roster events, recorded privately; visits; reminders. */
class CareApiTest extends IntegrationTest {
    @Autowired
    java.time.Clock clock;
    @Autowired
    DSLContext db;

    private static JsonNode talkOf(Api api, long member, String kind) {
        for (JsonNode t : api.get("/api/v1/serving/care/talks?size=200").at("/items")) {
            if (t.get("memberId").asLong() == member && t.get("kind").asText().equals(kind)) {
                return t;
            }
        }
        return null;
    }

    @Test
    @DisplayName("joining and a discipline raise talks as to-dos; the secretary records them; members never see them; visits are recorded")
    void talksAndVisits() {
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, as("township"));
        LocalDate today = LocalDate.now(clock);
        Api.Response created = secretary.post("/api/v1/members", "{\"orgId\":" + facts.ownBranchId() + ",\"name\":\"暖新党员\","
                + "\"idNumber\":\"" + TestIds.fresh(true) + "\",\"ethnicity\":\"01\",\"category\":\"PROBATIONARY\",\"joinedOn\":\""
                + today.minusDays(3) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long member = created.at("/id").asLong();

        JsonNode joining = talkOf(secretary, member, "JOINING");
        assertThat(joining).as("a new member raises the joining talk").isNotNull();
        assertThat(joining.get("dueOn").asText()).isEqualTo(today.plusDays(30).toString());
        assertThat(secretary.get("/api/v1/todos").body()).contains("/serving/care");

        Api.Response d = secretary.post("/api/v1/members/" + member + "/events", "{\"type\":\"DISCIPLINED\",\"effectiveOn\":\"" + today
                + "\",\"disciplineType\":\"WARNING\",\"untilOn\":\"" + today.plusMonths(6) + "\",\"reason\":\"违纪\",\"decidedBy\":\"党委\"}");
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        assertThat(talkOf(secretary, member, "DISCIPLINE")).as("a discipline raises its talk").isNotNull();

        // a hand-added talk: a kind outside the configured list is refused, nothing stored
        int before = db.fetchCount(SERVING_TALK);
        Api.Response bad = secretary.post("/api/v1/serving/care/talks", "{\"memberId\":" + member + ",\"kind\":\"GOSSIP\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("kind");
        assertThat(db.fetchCount(SERVING_TALK)).isEqualTo(before);
        assertThat(secretary.post("/api/v1/serving/care/talks", "{\"memberId\":" + member + ",\"kind\":\"HARDSHIP\"}").status()).isEqualTo(201);

        // recorded: bad input names the fields; then held, with its content visible to the superior only
        long id = joining.get("id").asLong();
        Api.Response badRecord = secretary.post("/api/v1/serving/care/talks/" + id + "/record", "{\"heldOn\":\"" + today + "\"}");
        assertThat(badRecord.status()).isEqualTo(400);
        assertThat(badRecord.body()).contains("people").contains("topic").contains("outcome");
        Api.Response held = secretary.post("/api/v1/serving/care/talks/" + id + "/record", "{\"heldOn\":\"" + today
                + "\",\"people\":\"支部书记\",\"topic\":\"入党初心和党员义务\",\"outcome\":\"表示将严格要求自己\"}");
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.at("/status").asText()).isEqualTo("HELD");
        assertThat(as("township").get("/api/v1/serving/care/talks").body()).contains("入党初心和党员义务");
        assertThat(as("member").get("/api/v1/serving/care/talks").status()).isIn(403, 404);
        assertThat(as("member").get("/api/v1/serving/care/visits").status()).isIn(403, 404);

        Api.Response visit = secretary.post("/api/v1/serving/care/visits", "{\"memberId\":" + member + ",\"kind\":\"HARDSHIP\","
                + "\"visitedOn\":\"" + today + "\",\"visitors\":\"支部书记、组织委员\",\"notes\":\"送去慰问金 500 元\"}");
        assertThat(visit.status()).as(visit.body()).isEqualTo(201);
        assertThat(secretary.get("/api/v1/serving/care/visits").body()).contains("送去慰问金 500 元");
        assertThat(secretary.get("/api/v1/serving/care/reminders?orgId=" + facts.ownBranchId()).status()).isEqualTo(200);

        String page = new WebSession(port, "secretary", PASSWORD).get("/serving/care?lang=zh_CN").body();
        assertThat(page).contains("五必谈").contains("暖新党员").contains("入党初心和党员义务").contains("送去慰问金 500 元")
                .doesNotContain("serving.");
    }
}
