package io.zhibu.venue;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static io.zhibu.db.Tables.VENUE_VENUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue 18 "Done when": the presets as the reports wrote them, and the venue register acting on the Qingshen star. */
class VenueApiTest extends IntegrationTest {
    @Autowired
    DSLContext db;
    @Autowired
    io.zhibu.warning.internal.SweepEngine sweeps;
    @Autowired
    io.zhibu.warning.WarningQuery warnings;
    static final io.zhibu.shared.DataScope ADMIN = new io.zhibu.shared.DataScope(0, "venue-test", io.zhibu.shared.Role.ADMIN,
            null, io.zhibu.shared.OrgPath.ROOT, null, null);

    private int openVenueWarnings(long org) {
        sweeps.sweep(LocalDate.now(), java.util.EnumSet.of(io.zhibu.warning.WarningRule.VENUE_BELOW_STANDARD), "test");
        return warnings.list(ADMIN, new io.zhibu.warning.WarningViews.Filter(org,
                io.zhibu.warning.WarningRule.VENUE_BELOW_STANDARD.id(), null, null), 0, 10).items().size();
    }

    @Test
    @DisplayName("GET /api/v1/assessment/presets: Jiaozuo 7 aspects / 42 standards, Minhang ≥6 domains with 4 lines, Qingshen 7 aspects / 5 vetoes")
    void presetsAsTheReportsWroteThem() {
        JsonNode presets = as("township").get("/api/v1/assessment/presets").json();
        int minhang = 0;
        boolean jiaozuo = false;
        boolean qingshen = false;
        for (JsonNode p : presets) {
            String id = p.get("id").asText();
            if (id.equals("jiaozuo-7")) {
                jiaozuo = true;
                assertThat(p.get("aspects").asInt()).isEqualTo(7);
                assertThat(p.get("standards").asInt()).isEqualTo(42);
                assertThat(p.get("aspectNames").toString()).isEqualTo("[\"组织体系设置\",\"支部班子建设\",\"党员教育管理\","
                        + "\"支部组织生活\",\"支部阵地建设\",\"支部议事决策\",\"档案资料管理\"]");
            } else if (id.startsWith("minhang-five-good-")) {
                minhang++;
                assertThat(p.get("vetoNames").toString()).isEqualTo("[\"有不合格党员\",\"有违纪违法党员\",\"有超计划生育\",\"发生重大治安和刑事案件\"]");
                assertThat(p.get("activeVetoes").asInt()).isEqualTo(3);
            } else if (id.equals("qingshen-6x")) {
                qingshen = true;
                assertThat(p.get("aspectNames").toString()).isEqualTo("[\"组织建设\",\"队伍建设\",\"制度建设\",\"阵地建设\","
                        + "\"活动开展\",\"工作实绩\",\"群众满意度测评\"]");
                assertThat(p.get("vetoes").asInt()).isEqualTo(5);
                assertThat(p.get("activeVetoes").asInt()).isEqualTo(5);
            }
        }
        assertThat(jiaozuo).isTrue();
        assertThat(qingshen).isTrue();
        assertThat(minhang).isGreaterThanOrEqualTo(6);
        // the preset page shows them
        String page = new WebSession(port, "township", PASSWORD).get("/assessment?lang=zh_CN").body();
        assertThat(page).contains("组织体系设置、支部班子建设").contains("有超计划生育").contains("42 项标准");
    }

    @Test
    @DisplayName("a branch whose venue is below standard gets no star under Qingshen (veto V4); a venue at standard lifts the veto")
    void venueBelowStandardVetoesTheStar() {
        Api county = as("county");
        Api township = as("township");
        DemoFacts facts = DemoFacts.discover(as("admin"), as("secretary"), township);
        Api.Response branch = county.post("/api/v1/orgs", "{\"parentId\":" + facts.townshipId()
                + ",\"name\":\"阵地测试联合支部" + UUID.randomUUID().toString().substring(0, 4) + "\",\"type\":\"JOINT_BRANCH\",\"domain\":\"NON_PUBLIC\"}");
        assertThat(branch.status()).as(branch.body()).isEqualTo(201);
        long org = branch.at("/id").asLong();

        // bad input: 400 naming the field, nothing stored
        int before = db.fetchCount(VENUE_VENUE);
        Api.Response bad = township.post("/api/v1/venues", "{\"orgId\":" + org + ",\"name\":\"活动室\",\"kind\":\"ACTIVITY_ROOM\","
                + "\"address\":\"\",\"areaSqm\":0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("address").contains("areaSqm");
        assertThat(db.fetchCount(VENUE_VENUE)).isEqualTo(before);

        Api.Response venue = township.post("/api/v1/venues", "{\"orgId\":" + org + ",\"name\":\"园区党群服务站\",\"kind\":\"SERVICE_CENTER\","
                + "\"address\":\"城关镇工业园区 1 号\",\"areaSqm\":120,\"rooms\":3,\"openingHours\":\"工作日 9:00–17:00\"}");
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        long id = venue.at("/id").asLong();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("venue.create").and(AUDIT_EVENT.TARGET_ID.eq(String.valueOf(id)))))
                .isEqualTo(1);
        // a secretary of another branch cannot see it; scores outside 0–20 are refused
        assertThat(as("secretary").get("/api/v1/venues/" + id).status()).isEqualTo(404);
        assertThat(township.post("/api/v1/venues/" + id + "/inspections", inspection(21, 10)).body()).contains("place");
        Api.Response low = township.post("/api/v1/venues/" + id + "/inspections", inspection(15, 0));
        assertThat(low.status()).as(low.body()).isEqualTo(201);
        assertThat(low.at("/venue/tier").asText()).isEqualTo("BELOW_STANDARD");
        assertThat(township.get("/api/v1/venues?orgId=" + org).at("/0/tier").asText()).isEqualTo("BELOW_STANDARD");
        assertThat(township.get("/api/v1/venues/tiers?orgId=" + org).at("/below").asInt()).isEqualTo(1);

        assertThat(openVenueWarnings(org)).as("a venue below standard is a warning").isEqualTo(1);

        long system = township.post("/api/v1/assessment/systems", "{\"ownerOrgId\":" + facts.townshipId() + ",\"year\":"
                + LocalDate.now().getYear() + ",\"preset\":\"qingshen-6x\"}").at("/summary/id").asLong();
        JsonNode result = campaign(township, org, system);
        assertThat(result.at("/stars").asInt()).isZero();
        assertThat(veto(result, "V4").get("hit").asBoolean()).isTrue();

        Api.Response good = township.post("/api/v1/venues/" + id + "/inspections", inspection(20, 20));
        assertThat(good.at("/venue/tier").asText()).isEqualTo("STANDARD"); // 20+20+15+15+15 = 85
        assertThat(veto(campaign(township, org, system), "V4").get("hit").asBoolean()).isFalse();
        assertThat(openVenueWarnings(org)).as("closed by the inspection at standard").isZero();
        // the page shows the register in Chinese
        String page = new WebSession(port, "township", PASSWORD).get("/venues/" + id + "?lang=zh_CN").body();
        assertThat(page).contains("园区党群服务站").contains("标准型").contains("制度上墙");
    }

    private static String inspection(int place, int signage) {
        return "{\"inspectedOn\":\"" + LocalDate.now() + "\",\"inspector\":\"王检查\",\"place\":" + place + ",\"signage\":" + signage
                + ",\"rules\":15,\"equipment\":15,\"use\":15,\"findings\":\"标识缺失\"}";
    }

    private static JsonNode campaign(Api township, long org, long system) {
        Api.Response c = township.post("/api/v1/assessment/campaigns", "{\"orgId\":" + org + ",\"systemId\":" + system
                + ",\"name\":\"阵地否决测试\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return township.get("/api/v1/assessment/campaigns/" + c.at("/id").asLong() + "/results/" + org).json();
    }

    private static JsonNode veto(JsonNode result, String code) {
        for (JsonNode v : result.get("vetoes")) {
            if (v.get("code").asText().equals(code)) {
                return v;
            }
        }
        throw new AssertionError("no veto " + code + " in " + result);
    }
}
