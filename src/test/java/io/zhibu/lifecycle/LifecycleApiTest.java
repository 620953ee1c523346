package io.zhibu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LifecycleApiTest extends IntegrationTest {
    private Api secretary;
    private long branchId;

    @BeforeEach
    void setUp() {
        secretary = as("secretary");
        branchId = secretary.get("/api/v1/me").at("/orgId").asLong();
    }

    private Api.Response event(long id, String json) {
        return secretary.post("/api/v1/members/" + id + "/events", json);
    }

    @Test
    void suspendRestoreExitWithHistoryAndRoster() {
        long id = LifecycleFixtures.newMember(secretary, branchId, "周变动", "FULL", "2011-07-01");
        assertThat(event(id, "{\"type\":\"RESTORED\",\"effectiveOn\":\"2020-01-01\",\"reason\":\"r\",\"decidedBy\":\"d\"}").status())
                .as("restore needs a suspension").isEqualTo(409);
        Api.Response s = event(id, "{\"type\":\"SUSPENDED\",\"effectiveOn\":\"2020-01-01\",\"reason\":\"失联满6个月\",\"decidedBy\":\"支部大会\"}");
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.at("/standing").asText()).isEqualTo("SUSPENDED");
        assertThat(event(id, "{\"type\":\"RESTORED\",\"effectiveOn\":\"2021-01-01\",\"reason\":\"恢复联系\",\"decidedBy\":\"支部大会\"}").status()).isEqualTo(200);
        // a future date (2099 is now refused earlier, as out of the record-date range) and missing fields
        Api.Response bad = event(id, "{\"type\":\"EXITED\",\"effectiveOn\":\"" + java.time.LocalDate.now().plusDays(3) + "\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("effectiveOn", "exitType", "reason", "decidedBy");
        assertThat(event(id, "{\"type\":\"EXITED\",\"effectiveOn\":\"2022-03-01\",\"exitType\":\"WITHDRAWN\",\"reason\":\"本人申请\",\"decidedBy\":\"支部大会\"}").status()).isEqualTo(200);
        assertThat(event(id, "{\"type\":\"SUSPENDED\",\"effectiveOn\":\"2022-04-01\",\"reason\":\"r\",\"decidedBy\":\"d\"}").status())
                .as("exit is terminal").isEqualTo(409);

        JsonNode timeline = secretary.get("/api/v1/members/" + id + "/events").json();
        List<String> types = new ArrayList<>();
        timeline.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("EXITED", "RESTORED", "SUSPENDED");

        // off the active roster, still findable
        assertThat(secretary.get("/api/v1/members?size=200&q=" + Api.enc("周变动")).at("/total").asLong()).isZero();
        assertThat(secretary.get("/api/v1/members/" + id).status()).isEqualTo(200);
        List<Long> exited = new ArrayList<>();
        secretary.get("/api/v1/members/exited?size=200").at("/items").forEach(e -> exited.add(e.get("id").asLong()));
        assertThat(exited).contains(id);

        // the roster as of a date is computed from the history
        long before = secretary.get("/api/v1/members/as-of?date=2021-06-01&size=1").at("/total").asLong();
        long after = secretary.get("/api/v1/members/as-of?date=2022-06-01&size=1").at("/total").asLong();
        long suspended2020 = secretary.get("/api/v1/members/as-of?date=2020-06-01&size=1").at("/suspended").asLong();
        assertThat(suspended2020).isGreaterThanOrEqualTo(1);
        assertThat(secretary.get("/api/v1/members/as-of?date=2021-06-01&size=1").at("/suspended").asLong())
                .isEqualTo(suspended2020 - 1);
        assertThat(before).isGreaterThan(0);
        assertThat(secretary.get("/api/v1/members/as-of?date=2000-01-01&size=1").at("/total").asLong()).isLessThan(after + 1);
    }

    @Test
    void disciplineFlowLostContactAndConcurrency() {
        long id = LifecycleFixtures.newMember(secretary, branchId, "吴处分", "FULL", "2011-08-01");
        int version = secretary.get("/api/v1/members/" + id).at("/version").asInt();
        String today = LocalDate.now().toString();
        Api.Response d = event(id, "{\"type\":\"DISCIPLINED\",\"effectiveOn\":\"" + today + "\",\"disciplineType\":\"PROBATION_IN_PARTY\",\"untilOn\":\""
                + LocalDate.now().plusYears(1) + "\",\"reason\":\"违纪\",\"decidedBy\":\"乡镇党委\",\"version\":" + version + "}");
        assertThat(d.status()).isEqualTo(200);
        Api.Response stale = event(id, "{\"type\":\"FLOW_STARTED\",\"effectiveOn\":\"" + today + "\",\"destination\":\"广东省深圳市\",\"version\":" + version + "}");
        assertThat(stale.status()).as("stale version").isEqualTo(409);
        assertThat(event(id, "{\"type\":\"FLOW_STARTED\",\"effectiveOn\":\"" + today + "\",\"destination\":\"广东省深圳市\"}").status()).isEqualTo(200);
        assertThat(event(id, "{\"type\":\"LOST_CONTACT\",\"effectiveOn\":\"2024-01-01\"}").status()).isEqualTo(200);
        JsonNode m = secretary.get("/api/v1/members/" + id).json();
        assertThat(m.get("flowMember").asBoolean()).isTrue();
        assertThat(m.get("flowDestination").asText()).isEqualTo("广东省深圳市");
        assertThat(m.get("lostContactOn").asText()).isEqualTo("2024-01-01");
        assertThat(secretary.get("/api/v1/members/" + id + "/events").json().size()).isEqualTo(3);
        assertThat(as("member").post("/api/v1/members/" + id + "/events", "{\"type\":\"FLOW_ENDED\",\"effectiveOn\":\"" + today + "\"}").status())
                .isIn(403, 404);
    }
}
