package io.zhibu.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue 21 point 4: the visit list of members aged 80+ from birth dates, their birthdays, the yearly visit plan. */
class VisitPlanApiTest extends IntegrationTest {
    @Autowired
    java.time.Clock clock;

    @Test
    @DisplayName("a member aged 85 is on the visit list with the next birthday; planning the elderly puts them on the plan; a visit marks the line done")
    void elderlyAndPlan() {
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, as("township"));
        LocalDate today = LocalDate.now(clock);
        LocalDate birth = today.minusYears(85).plusDays(3);
        Api.Response created = secretary.post("/api/v1/members", "{\"orgId\":" + facts.ownBranchId() + ",\"name\":\"高寿党员\","
                + "\"idNumber\":\"" + TestIds.id(birth, true) + "\",\"ethnicity\":\"01\",\"category\":\"FULL\",\"joinedOn\":\"1965-07-01\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long member = created.at("/id").asLong();

        JsonNode elder = null;
        for (JsonNode e : secretary.get("/api/v1/serving/care/elderly").json()) {
            if (e.get("memberId").asLong() == member) {
                elder = e;
            }
        }
        assertThat(elder).as("aged 84 turning 85 in three days").isNotNull();
        assertThat(elder.get("nextBirthday").asText()).isEqualTo(today.plusDays(3).toString());
        assertThat(elder.get("turning").asInt()).isEqualTo(85);
        assertThat(elder.get("visitedOn") == null || elder.get("visitedOn").isNull()).as("not visited this year").isTrue();
        assertThat(secretary.get("/api/v1/todos").body()).contains("高寿党员");

        // bad plan line: 400 naming the field; then the elderly in one step, once
        assertThat(secretary.post("/api/v1/serving/care/plan", "{\"memberId\":" + member + ",\"kind\":\"SICK\",\"month\":13}").body())
                .contains("month");
        int added = secretary.post("/api/v1/serving/care/plan/elderly", "{}").at("/added").asInt();
        assertThat(added).isPositive();
        assertThat(secretary.post("/api/v1/serving/care/plan/elderly", "{}").at("/added").asInt()).isZero();
        assertThat(secretary.post("/api/v1/serving/care/plan", "{\"memberId\":" + member + ",\"kind\":\"ELDERLY\",\"month\":5}").status())
                .as("one line per member, kind and year").isEqualTo(400);
        Api.Response sick = secretary.post("/api/v1/serving/care/plan", "{\"memberId\":" + member + ",\"kind\":\"SICK\",\"month\":"
                + today.getMonthValue() + ",\"note\":\"术后康复\"}");
        assertThat(sick.status()).as(sick.body()).isEqualTo(201);
        assertThat(sick.at("/done").asBoolean()).isFalse();

        // a visit of that kind this year fulfils the line
        assertThat(secretary.post("/api/v1/serving/care/visits", "{\"memberId\":" + member + ",\"kind\":\"SICK\",\"visitedOn\":\""
                + today + "\",\"visitors\":\"支部书记\"}").status()).isEqualTo(201);
        boolean done = false;
        for (JsonNode l : secretary.get("/api/v1/serving/care/plan?size=200").at("/items")) {
            if (l.get("memberId").asLong() == member && l.get("kind").asText().equals("SICK")) {
                done = l.get("done").asBoolean();
            }
        }
        assertThat(done).isTrue();
        assertThat(as("member").get("/api/v1/serving/care/elderly").status()).isIn(403, 404);

        String page = new WebSession(port, "secretary", PASSWORD).get("/serving/care?lang=zh_CN").body();
        assertThat(page).contains("80 岁以上党员").contains("高寿党员").contains("年度走访计划").contains("术后康复")
                .doesNotContain("serving.");
        String en = new WebSession(port, "secretary", PASSWORD).get("/serving/care?lang=en").body();
        assertThat(en).contains("Yearly visit plan").doesNotContain("serving.");
    }
}
