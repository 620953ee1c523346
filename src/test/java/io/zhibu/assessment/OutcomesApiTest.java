package io.zhibu.assessment;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Results that act (issue 18 point 5) through HTTP: a published campaign's top-tier branches without a veto are the
 * 评先评优 candidates, its no-star branches next year's 软弱涣散 candidates, designated through the weak-and-lax API.
 */
class OutcomesApiTest extends IntegrationTest {
    @Autowired
    DSLContext db;

    @Test
    void publishedStarsProduceCommendationAndRectificationCandidates() {
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        int year = LocalDate.now().getYear() + 41;
        String preset = township.get("/api/v1/assessment/presets/qingshen-6x").json().toString();

        // a year with the Qingshen preset: no meetings yet in that year, so the 三会一课 veto leaves branches without a star
        long weakCampaign = publish(township, facts, year, preset.replace("\"QS-6X\"", Api.quote(code())));
        // another year: one tier from 0 and no veto, so every branch is at the top tier
        String allTop = preset.replace("\"QS-6X\"", Api.quote(code()))
                .replaceAll("\"vetoes\":\\[.*?\\],\"tiers\"", "\"vetoes\":[],\"tiers\"")
                .replaceAll("\"tiers\":\\[.*?\\]", "\"tiers\":[{\"stars\":1,\"label\":\"达标\",\"min\":0,\"below\":null,\"quotaPct\":null}]");
        long topCampaign = publish(township, facts, year + 1, allTop);

        Set<Long> noStar = new HashSet<>();
        for (JsonNode r : township.get("/api/v1/assessment/campaigns/" + weakCampaign + "/results").json()) {
            if (r.get("stars").asInt() == 0) {
                noStar.add(r.get("orgId").asLong());
            }
        }
        assertThat(noStar).isNotEmpty();
        JsonNode o = township.get("/api/v1/assessment/outcomes?year=" + year).json();
        assertThat(o.get("published").asInt()).isGreaterThanOrEqualTo(noStar.size());
        assertThat(new HashSet<>(ids(o.get("weakNextYear")))).isEqualTo(noStar);
        assertThat(o.get("honours")).isEmpty();
        JsonNode top = township.get("/api/v1/assessment/outcomes?year=" + (year + 1)).json();
        assertThat(ids(top.get("honours"))).hasSize(top.get("published").asInt()).isNotEmpty();
        assertThat(top.get("weakNextYear")).isEmpty();
        assertThat(top.get("honours").get(0).get("campaignId").asLong()).isEqualTo(topCampaign);

        // the branch sees its own only; the superior designates a no-star branch for 集中整顿 (once)
        assertThat(ids(secretary.get("/api/v1/assessment/outcomes?year=" + year).json().get("weakNextYear")))
                .allMatch(id -> id == facts.ownBranchId());
        long candidate = -1;
        for (JsonNode c : o.get("weakNextYear")) {
            if (!c.get("designated").asBoolean()) {
                candidate = c.get("orgId").asLong();
                break;
            }
        }
        assertThat(candidate).isPositive();
        String designate = "/api/v1/assessment/outcomes/weak-lax";
        assertThat(secretary.post(designate, "{\"orgId\":" + candidate + ",\"year\":" + year + "}").status()).isIn(403, 404);
        Api.Response badYear = township.post(designate, "{\"orgId\":" + candidate + "}");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.body()).contains("year");
        assertThat(township.post(designate, "{\"orgId\":" + facts.foreignBranchId() + ",\"year\":" + year + "}").status()).isEqualTo(404);
        Api.Response hasStars = township.post(designate, "{\"orgId\":" + candidate + ",\"year\":" + (year + 1) + "}");
        assertThat(hasStars.status()).isEqualTo(400);
        assertThat(hasStars.body()).contains("orgId");
        Api.Response d = township.post(designate, "{\"orgId\":" + candidate + ",\"year\":" + year + "}");
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        assertThat(d.at("/campaignId").asLong()).isEqualTo(weakCampaign);
        assertThat(d.at("/reason").asText()).contains("集中整顿");
        // the record states both years explicitly (rules.md §8.1: no star → 软弱涣散, rectified next year)
        assertThat(d.at("/assessYear").asInt()).isEqualTo(year);
        assertThat(d.at("/rectifyYear").asInt()).isEqualTo(year + 1);
        assertThat(township.get("/api/v1/assessment/weak").body()).contains("\"rectifyYear\":" + (year + 1));
        assertThat(new WebSession(port, "township", PASSWORD).get("/assessment/weak/" + d.at("/id").asLong()).body())
                .contains("id=\"weak-years\"", "Assessed in " + year + ", rectified in " + (year + 1));
        // a rectification year other than the assessed year or the next is refused, naming the field, nothing written
        Api.Response badRectify = township.post("/api/v1/assessment/weak", "{\"orgId\":" + facts.ownBranchId()
                + ",\"campaignId\":" + weakCampaign + ",\"reason\":\"测试\",\"rectifyYear\":" + (year + 2) + "}");
        assertThat(badRectify.status()).isEqualTo(400);
        assertThat(badRectify.body()).contains("rectifyYear");
        assertThat(township.post(designate, "{\"orgId\":" + candidate + ",\"year\":" + year + "}").status()).isEqualTo(409);
        long c = candidate;
        assertThat(township.get("/api/v1/assessment/outcomes?year=" + year).json().get("weakNextYear").valueStream()
                .filter(x -> x.get("orgId").asLong() == c).findFirst().orElseThrow().get("designated").asBoolean()).isTrue();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.weak.designate")
                .and(AUDIT_EVENT.DETAIL.contains("集中整顿")))).isGreaterThanOrEqualTo(1);

        WebSession web = new WebSession(port, "township", PASSWORD);
        WebSession.Page page = web.get("/assessment/outcomes?year=" + (year + 1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Candidates for commendation", "id=\"out-honours\"").doesNotContain("assessment.outcomes");
        assertThat(web.get("/assessment/outcomes?year=" + year).body()).contains("On the list", "Designate for rectification");
    }

    private static long publish(Api township, DemoFacts facts, int year, String body) {
        Api.Response sys = township.post("/api/v1/assessment/systems", "{\"year\":" + year + ",\"system\":" + body + "}");
        assertThat(sys.status()).as(sys.body()).isEqualTo(201);
        Api.Response c = township.post("/api/v1/assessment/campaigns", "{\"orgId\":" + facts.townshipId()
                + ",\"systemId\":" + sys.at("/summary/id").asLong() + ",\"name\":\"结果运用\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        long id = c.at("/id").asLong();
        Api.Response p = township.post("/api/v1/assessment/campaigns/" + id + "/publish", null);
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        return id;
    }

    private static String code() {
        return "OC-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("orgId").asLong()));
        return out;
    }
}
