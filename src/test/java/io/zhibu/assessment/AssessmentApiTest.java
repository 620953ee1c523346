package io.zhibu.assessment;

import static io.zhibu.db.Tables.ASSESSMENT_SYSTEM;
import static io.zhibu.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A small campaign end to end (H2 by default, PostgreSQL with -Dzhibu.test.db=postgres). */
class AssessmentApiTest extends IntegrationTest {
    @Autowired
    DSLContext db;
    @Autowired
    AssessmentResults results;

    Api township;
    Api secretary;
    DemoFacts facts;

    @BeforeEach
    void setUp() {
        township = as("township");
        secretary = as("secretary");
        facts = DemoFacts.discover(as("admin"), secretary, township);
    }

    /** The Qingshen preset with a unique code, optionally broken. */
    private String qingshen(String code, String total) {
        JsonNode p = township.get("/api/v1/assessment/presets/qingshen-6x").json();
        String body = p.toString().replace("\"QS-6X\"", Api.quote(code)).replace("\"total\":100", "\"total\":" + total);
        return "{\"year\":" + (LocalDate.now().getYear() + 10) + ",\"system\":" + body + "}";
    }

    @Test
    void badSystemsAreRefusedAndChangeNothing() {
        int before = db.fetchCount(ASSESSMENT_SYSTEM);
        Api.Response sum = township.post("/api/v1/assessment/systems", qingshen("BAD-" + UUID.randomUUID().toString().substring(0, 8), "90"));
        assertThat(sum.status()).as(sum.body()).isEqualTo(400);
        assertThat(sum.body()).contains("total");
        String gap = qingshen("GAP-1", "100").replace("\"below\":95", "\"below\":94");
        assertThat(township.post("/api/v1/assessment/systems", gap).body()).contains("Gap between star tiers");
        String fact = qingshen("FACT-1", "100").replace("\"member.disciplined\"", "\"member.unknown\"");
        Api.Response f = township.post("/api/v1/assessment/systems", fact);
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.body()).contains("member.unknown");
        assertThat(township.post("/api/v1/assessment/systems", "{\"year\":2026,\"preset\":\"nope\"}").status()).isEqualTo(400);
        assertThat(db.fetchCount(ASSESSMENT_SYSTEM)).isEqualTo(before);
        // secretaries do not define systems
        assertThat(secretary.post("/api/v1/assessment/systems", qingshen("SEC-1", "100")).status()).isEqualTo(403);
    }

    @Test
    void smallCampaignEndToEnd() {
        String code = "QS-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response saved = township.post("/api/v1/assessment/systems", qingshen(code, "100"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        long v1 = saved.at("/summary/id").asLong();
        Api.Response again = township.post("/api/v1/assessment/systems", qingshen(code, "100"));
        assertThat(again.at("/summary/versionNo").asInt()).isEqualTo(2);
        long systemId = again.at("/summary/id").asLong();
        assertThat(v1).isNotEqualTo(systemId);

        // outside the scope: 404, nothing opened
        Api.Response foreign = township.post("/api/v1/assessment/campaigns", "{\"orgId\":" + facts.foreignBranchId()
                + ",\"systemId\":" + systemId + ",\"name\":\"越界\"}");
        assertThat(foreign.status()).isEqualTo(404);

        Api.Response opened = township.post("/api/v1/assessment/campaigns", "{\"orgId\":" + facts.townshipId()
                + ",\"systemId\":" + systemId + ",\"name\":\"测试星级评定\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.at("/id").asLong();
        int branches = opened.at("/branches").asInt();
        assertThat(branches).isGreaterThan(0);
        assertThat(opened.at("/systemVersion").asInt()).isEqualTo(2);
        assertThat(opened.at("/status").asText()).isEqualTo("OPEN");

        // the secretary sees the own derived scores with their sources
        String mine = "/api/v1/assessment/campaigns/" + id + "/results/" + facts.ownBranchId();
        JsonNode r = secretary.get(mine).json();
        assertThat(r.at("/canSelfCheck").asBoolean()).isTrue();
        assertThat(r.at("/canSpotCheck").asBoolean()).isFalse();
        JsonNode b2 = item(r, "B2a");
        assertThat(b2.get("mode").asText()).isEqualTo("DERIVED");
        assertThat(b2.get("sourceLink").asText()).contains("orgId=" + facts.ownBranchId());
        assertThat(r.at("/tierText").asText()).isNotBlank();
        // the secretary sees only the own branch in the ranking
        for (JsonNode row : secretary.get("/api/v1/assessment/campaigns/" + id + "/results").json()) {
            assertThat(row.get("orgId").asLong()).isEqualTo(facts.ownBranchId());
        }

        // self-check: a score above the item's points is refused and changes nothing
        Api.Response bad = secretary.post(mine + "/self-check", "{\"items\":[{\"code\":\"X1a\",\"score\":11}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(secretary.post(mine + "/self-check", "{\"items\":[{\"code\":\"B2a\",\"score\":5}]}").status()).isEqualTo(400);
        double before = secretary.get(mine).at("/score").asDouble();
        Api.Response self = secretary.post(mine + "/self-check", "{\"items\":[{\"code\":\"B6a\",\"score\":9,\"note\":\"阵地达标\"},"
                + "{\"code\":\"X1a\",\"score\":8},{\"code\":\"X2a\",\"score\":7},{\"code\":\"B2a\",\"note\":\"见会议记录\"}],"
                + "\"comment\":\"自查完成\",\"submit\":true}");
        assertThat(self.status()).as(self.body()).isEqualTo(200);
        assertThat(self.at("/score").asDouble()).isEqualTo(before + 24, org.assertj.core.data.Offset.offset(0.001));
        assertThat(self.at("/selfSubmittedAt").isMissingNode()).isFalse();
        assertThat(item(self.json(), "B2a").get("selfNote").asText()).isEqualTo("见会议记录");
        Api.Response ev = secretary.multipart(mine + "/evidence?itemCode=B6a", "阵地.jpg", io.zhibu.support.TestFiles.jpeg());
        assertThat(ev.status()).as(ev.body()).isEqualTo(201);
        // issue 19: evidence is an allow-list checked by content — no SVG with script, no .html, no .exe
        for (String[] trick : new String[][] {{"x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"},
                {"x.html", "<html><script>alert(1)</script></html>"}, {"x.exe", "MZ\u0090\u0000"}}) {
            Api.Response refused = secretary.multipart(mine + "/evidence", trick[0], trick[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(refused.status()).as(trick[0]).isEqualTo(400);
            assertThat(refused.at("/errors/0/field").asText()).isEqualTo("file");
        }
        Api.Response scripted = secretary.multipart(mine + "/evidence", "x.pdf", io.zhibu.support.TestFiles.pdfWithJavaScript());
        assertThat(scripted.status()).as("a PDF with an auto-run script").isEqualTo(400);
        assertThat(secretary.get("/api/v1/assessment/evidence/" + ev.at("/id").asLong()).status()).isEqualTo(200);

        // the secretary cannot spot-check the own branch
        assertThat(secretary.post(mine + "/spot-check", "{\"items\":[]}").status()).isEqualTo(403);

        // spot check: all branches sampled; an adjustment without a reason is refused
        String camp = "/api/v1/assessment/campaigns/" + id;
        assertThat(township.post(camp + "/sample", "{\"mode\":\"RANDOM\",\"size\":0}").status()).isEqualTo(400);
        Api.Response sampled = township.post(camp + "/sample", "{\"mode\":\"ALL\"}");
        assertThat(sampled.at("/stats/sampled").asInt()).isEqualTo(branches);
        assertThat(sampled.at("/status").asText()).isEqualTo("CHECKING");
        assertThat(secretary.post(mine + "/self-check", "{\"comment\":\"晚了\"}").status()).isEqualTo(409);
        Api.Response noReason = township.post(mine + "/spot-check", "{\"items\":[{\"code\":\"X1a\",\"score\":5}]}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        Api.Response checked = township.post(mine + "/spot-check", "{\"items\":[{\"code\":\"X1a\",\"score\":5,\"note\":\"佐证不足\"}],"
                + "\"vetoes\":[\"V4\"],\"rectification\":\"完善阵地建设\"}");
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.at("/score").asDouble()).isEqualTo(before + 21, org.assertj.core.data.Offset.offset(0.001));
        assertThat(checked.at("/stars").asInt()).isZero();
        assertThat(checked.at("/rule").asText()).isEqualTo("VETO");
        assertThat(item(checked.json(), "X1a").get("checkReason").asText()).isEqualTo("佐证不足");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.spotCheck")
                .and(AUDIT_EVENT.DETAIL.contains("佐证不足")).and(AUDIT_EVENT.ACTOR.eq("township")))).isEqualTo(1);

        // publish: ranking, distribution, export; then nothing changes any more
        Api.Response published = township.post(camp + "/publish", null);
        assertThat(published.at("/status").asText()).isEqualTo("PUBLISHED");
        JsonNode stats = published.at("/stats");
        assertThat(stats.get("branches").asInt()).isEqualTo(branches);
        JsonNode ranking = township.get(camp + "/results").json();
        assertThat(ranking.size()).isEqualTo(branches);
        assertThat(ranking.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(township.get(camp + "/results.xlsx").status()).isEqualTo(200);
        assertThat(township.post(mine + "/spot-check", "{\"rectification\":\"x\"}").status()).isEqualTo(409);
        assertThat(secretary.get(mine).at("/rectification").asText()).isEqualTo("完善阵地建设");

        // the public query API for dashboards
        DataScope townScope = new DataScope(0, "t", Role.ORG_STAFF, facts.townshipId(),
                facts.ownBranchPath().substring(0, 16), null, null);
        var stars = results.starsByBranch(LocalDate.now().getYear() + 10, townScope);
        assertThat(stars.get(facts.ownBranchId()).vetoed()).isTrue();
        assertThat(stars.get(facts.ownBranchId()).campaignId()).isEqualTo(id);
    }

    private static JsonNode item(JsonNode result, String code) {
        for (JsonNode i : result.get("items")) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no item " + code);
    }
}
