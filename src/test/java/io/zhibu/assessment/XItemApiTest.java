package io.zhibu.assessment;

import static io.zhibu.db.Tables.ASSESSMENT_X_ITEM;
import static io.zhibu.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Qingshen 6+X through HTTP: the branch proposes, the superior returns or approves, the item is scored for it only. */
class XItemApiTest extends IntegrationTest {
    @Autowired
    DSLContext db;

    @Test
    void branchProposesSuperiorApprovesItemIsScoredWithinAllowance() {
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        JsonNode p = township.get("/api/v1/assessment/presets/qingshen-6x").json();
        String body = p.toString().replace("\"QS-6X\"", Api.quote("QX-" + UUID.randomUUID().toString().substring(0, 8)));
        Api.Response sys = township.post("/api/v1/assessment/systems",
                "{\"year\":" + (LocalDate.now().getYear() + 11) + ",\"system\":" + body + "}");
        assertThat(sys.status()).as(sys.body()).isEqualTo(201);
        Api.Response opened = township.post("/api/v1/assessment/campaigns", "{\"orgId\":" + facts.townshipId()
                + ",\"systemId\":" + sys.at("/summary/id").asLong() + ",\"name\":\"6+X\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.at("/id").asLong();
        String xs = "/api/v1/assessment/campaigns/" + id + "/x-items";
        long own = facts.ownBranchId();
        int before = db.fetchCount(ASSESSMENT_X_ITEM);

        // bad input: 400 naming the field, nothing stored
        Api.Response tooMuch = secretary.post(xs, item(own, "茶产业党建", "25"));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("points");
        Api.Response noName = secretary.post(xs, item(own, "", "5"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body()).contains("name");
        assertThat(db.fetchCount(ASSESSMENT_X_ITEM)).isEqualTo(before);
        // a foreign branch: 404
        assertThat(township.post(xs, item(facts.foreignBranchId(), "越界", "5")).status()).isEqualTo(404);

        Api.Response proposed = secretary.post(xs, item(own, "茶产业党建", "12"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.at("/status").asText()).isEqualTo("PROPOSED");
        long x = proposed.at("/id").asLong();
        // 12 held: 9 more would exceed the 20 reserved points
        assertThat(secretary.post(xs, item(own, "第二项", "9")).body()).contains("points");
        JsonNode mine = secretary.get(xs + "?orgId=" + own).json();
        assertThat(mine.get("allowance").decimalValue()).isEqualByComparingTo("20");
        assertThat(mine.get("held").decimalValue()).isEqualByComparingTo("12");

        String decide = "/api/v1/assessment/x-items/" + x + "/decision";
        assertThat(secretary.post(decide, "{\"decision\":\"APPROVE\"}").status()).isEqualTo(403);
        Api.Response noNote = township.post(decide, "{\"decision\":\"RETURN\"}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        Api.Response approved = township.post(decide, "{\"decision\":\"APPROVE\",\"note\":\"同意\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.at("/status").asText()).isEqualTo("APPROVED");
        assertThat(township.post(decide, "{\"decision\":\"RETURN\",\"note\":\"x\"}").status()).isEqualTo(409);

        // the branch is scored with its own X item (judged) in place of the placeholders; total points stay 100
        String result = "/api/v1/assessment/campaigns/" + id + "/results/" + own;
        JsonNode r = secretary.get(result).json();
        BigDecimal points = BigDecimal.ZERO;
        boolean hasMine = false;
        for (JsonNode i : r.get("items")) {
            points = points.add(i.get("points").decimalValue());
            hasMine |= ("BX" + x).equals(i.get("code").asText());
            assertThat(i.get("code").asText()).isNotEqualTo("X1a");
        }
        assertThat(hasMine).isTrue();
        assertThat(points).isEqualByComparingTo("100");
        BigDecimal base = r.get("score").decimalValue();
        Api.Response self = secretary.post(result + "/self-check", "{\"items\":[{\"code\":\"BX" + x + "\",\"score\":11}]}");
        assertThat(self.status()).as(self.body()).isEqualTo(200);
        assertThat(self.at("/score").decimalValue()).isEqualByComparingTo(base.add(new BigDecimal("11")));
        Api.Response check = township.post(result + "/spot-check",
                "{\"items\":[{\"code\":\"BX" + x + "\",\"score\":8,\"note\":\"佐证不全\"}]}");
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.at("/score").decimalValue()).isEqualByComparingTo(base.add(new BigDecimal("8")));
        // another branch of the campaign keeps the placeholders
        long other = own;
        for (JsonNode row : township.get("/api/v1/assessment/campaigns/" + id + "/results").json()) {
            if (row.get("orgId").asLong() != own) {
                other = row.get("orgId").asLong();
            }
        }
        assertThat(other).isNotEqualTo(own);
        {
            JsonNode o = township.get("/api/v1/assessment/campaigns/" + id + "/results/" + other).json();
            assertThat(o.get("items").findValuesAsString("code")).contains("X1a").doesNotContain("BX" + x);
        }
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.x.propose")
                .and(AUDIT_EVENT.ACTOR.eq("secretary")).and(AUDIT_EVENT.DETAIL.contains("茶产业党建")))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.x.approve")
                .and(AUDIT_EVENT.ACTOR.eq("township")))).isEqualTo(1);
    }

    private static String item(long orgId, String name, String points) {
        return "{\"orgId\":" + orgId + ",\"name\":" + Api.quote(name) + ",\"content\":\"支部+合作社带动增收\",\"points\":"
                + points + ",\"evidenceRequired\":\"合作社台账、分红记录\"}";
    }
}
