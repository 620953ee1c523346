package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 适用标准 through HTTP (issue 18 point 1): a campaign opened with the Minhang family scores each branch with the
 * five-good standard of its domain and type, an edited copy saved for the year taking the preset's place, and the
 * campaign page shows which standard scores how many branches.
 */
class CampaignByDomainTest extends IntegrationTest {

    @Test
    void eachBranchIsScoredWithTheStandardOfItsDomain() {
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        int year = LocalDate.now().getYear() + 31;
        Api.Response sys = township.post("/api/v1/assessment/systems", "{\"year\":" + year + ",\"preset\":\"minhang-five-good-rural\"}");
        assertThat(sys.status()).as(sys.body()).isEqualTo(201);
        long systemId = sys.at("/summary/id").asLong();

        Api.Response bad = township.post("/api/v1/assessment/campaigns", "{\"orgId\":" + facts.townshipId()
                + ",\"systemId\":" + systemId + ",\"name\":\"按领域\",\"family\":\"nope\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("family");

        Api.Response opened = township.post("/api/v1/assessment/campaigns", "{\"orgId\":" + facts.townshipId()
                + ",\"systemId\":" + systemId + ",\"name\":\"按领域\",\"family\":\"minhang-five-good\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.at("/id").asLong();
        assertThat(opened.at("/family").asText()).isEqualTo("minhang-five-good");
        int total = 0;
        for (JsonNode a : opened.json().get("applied")) {
            total += a.get("branches").asInt();
            assertThat(a.get("name").asText()).startsWith("闵行式“五好”创建标准");
        }
        assertThat(total).isEqualTo(opened.at("/branches").asInt()).isGreaterThan(0);

        // the own branch is scored with the standard of its domain (the rural one is the edited copy saved above)
        String domain = township.get("/api/v1/orgs/" + facts.ownBranchId()).at("/domain").asText();
        String preset = new ApplicablePresets(null).presetFor(ApplicablePresets.MINHANG, io.zhibu.org.OrgType.BRANCH,
                io.zhibu.org.OrgDomain.valueOf(domain));
        Set<String> expected = new HashSet<>(township.get("/api/v1/assessment/presets/" + preset).json()
                .findValuesAsString("code"));
        JsonNode result = secretary.get("/api/v1/assessment/campaigns/" + id + "/results/" + facts.ownBranchId()).json();
        Set<String> codes = new HashSet<>(result.get("items").findValuesAsString("code"));
        assertThat(codes).isNotEmpty();
        assertThat(expected).containsAll(codes);
        assertThat(result.get("vetoes").findValuesAsString("name")).contains("发生重大治安和刑事案件");
        // rescoring keeps the standards
        assertThat(township.post("/api/v1/assessment/campaigns/" + id + "/rescore", null).status()).isEqualTo(200);
        assertThat(new HashSet<>(secretary.get("/api/v1/assessment/campaigns/" + id + "/results/" + facts.ownBranchId())
                .json().get("items").findValuesAsString("code"))).isEqualTo(codes);

        WebSession web = new WebSession(port, "township", PASSWORD);
        WebSession.Page page = web.get("/assessment/campaigns/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"applied-standards\"", "Standards applied by domain and type", "闵行式“五好”创建标准")
                .doesNotContain("assessment.family");
        assertThat(web.get("/assessment").body()).contains("id=\"campaign-family\"");
    }

    @Test
    void xintianFamilyScoresEachBranchWithTheRulesOfItsDomain() {
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        int year = LocalDate.now().getYear() + 32;
        Api.Response sys = township.post("/api/v1/assessment/systems", "{\"year\":" + year + ",\"preset\":\"xintian-wuhua-rural\"}");
        assertThat(sys.status()).as(sys.body()).isEqualTo(201);
        Api.Response opened = township.post("/api/v1/assessment/campaigns", "{\"orgId\":" + facts.townshipId()
                + ",\"systemId\":" + sys.at("/summary/id").asLong() + ",\"name\":\"五化\",\"family\":\"xintian-wuhua\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        int total = 0;
        for (JsonNode a : opened.json().get("applied")) {
            total += a.get("branches").asInt();
            assertThat(a.get("name").asText()).startsWith("新田“五化”建设细则");
        }
        assertThat(total).isEqualTo(opened.at("/branches").asInt()).isGreaterThan(0);
        String domain = township.get("/api/v1/orgs/" + facts.ownBranchId()).at("/domain").asText();
        String preset = new ApplicablePresets(null).presetFor(ApplicablePresets.XINTIAN, io.zhibu.org.OrgType.BRANCH,
                io.zhibu.org.OrgDomain.valueOf(domain));
        JsonNode p = township.get("/api/v1/assessment/presets/" + preset).json();
        assertThat(p.toString()).contains("阵地建设规范化");
        JsonNode result = secretary.get("/api/v1/assessment/campaigns/" + opened.at("/id").asLong() + "/results/"
                + facts.ownBranchId()).json();
        assertThat(new HashSet<>(p.findValuesAsString("code"))).containsAll(result.get("items").findValuesAsString("code"));
        assertThat(new WebSession(port, "township", PASSWORD).get("/assessment").body())
                .contains("value=\"xintian-wuhua\"").doesNotContain("assessment.family.xintian");
    }
}
