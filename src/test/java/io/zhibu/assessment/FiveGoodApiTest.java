package io.zhibu.assessment;

import static io.zhibu.db.Tables.ASSESSMENT_FIVE_GOOD;
import static io.zhibu.db.Tables.ASSESSMENT_FIVE_GOOD_CHECK;
import static io.zhibu.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Minhang 五好 through HTTP (issue 18 point 1): a branch applies, a high-voltage line hit by its facts bars the
 * application (named in words), the superior's mark of a judged line bars the pass, the superior passes and awards,
 * the title enters the register of the year, mid-term checks are kept; a rejected application frees the year.
 */
class FiveGoodApiTest extends IntegrationTest {
    private static final String API = "/api/v1/assessment/five-good";

    @Autowired
    DSLContext db;

    @Test
    void applyReviewAwardRegisterAndMidTermChecks() {
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        long own = facts.ownBranchId();
        int before = db.fetchCount(ASSESSMENT_FIVE_GOOD);

        // bad input: 400 naming the field, nothing stored; a foreign branch: 404; the township staff is no branch
        Api.Response noStatement = secretary.post(API, "{\"orgId\":" + own + ",\"year\":2016}");
        assertThat(noStatement.status()).isEqualTo(400);
        assertThat(noStatement.body()).contains("statement");
        Api.Response badYear = secretary.post(API, "{\"orgId\":" + own + ",\"year\":1900,\"statement\":\"x\"}");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.body()).contains("year");
        assertThat(township.post(API, apply(facts.foreignBranchId(), 2016)).status()).isEqualTo(404);
        assertThat(db.fetchCount(ASSESSMENT_FIVE_GOOD)).isEqualTo(before);

        // a member disciplined in 2015: the line 有违纪违法党员 bars the 2015 application, named in words, audited
        Api.Response m = secretary.post("/api/v1/members", Api.json(Map.of("orgId", own, "name", "处分党员",
                "idNumber", TestIds.fresh(true), "ethnicity", "01", "category", "FULL", "joinedOn", "2011-07-01")));
        assertThat(m.status()).as(m.body()).isEqualTo(201);
        Api.Response d = secretary.post("/api/v1/members/" + m.at("/id").asLong() + "/events",
                "{\"type\":\"DISCIPLINED\",\"effectiveOn\":\"2015-03-02\",\"disciplineType\":\"WARNING\","
                        + "\"reason\":\"违纪\",\"decidedBy\":\"党委\"}");
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        JsonNode elig = secretary.get(API + "/eligibility?orgId=" + own + "&year=2015").json();
        assertThat(elig.get("mayApply").asBoolean()).isFalse();
        assertThat(elig.get("presetName").asText()).contains("闵行式“五好”创建标准");
        Api.Response barred = secretary.post(API, apply(own, 2015));
        assertThat(barred.status()).as(barred.body()).isEqualTo(409);
        assertThat(barred.body()).contains("有违纪违法党员");
        assertThat(db.fetchCount(ASSESSMENT_FIVE_GOOD)).isEqualTo(before);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.fiveGood.apply")
                .and(AUDIT_EVENT.OUTCOME.eq(io.zhibu.audit.AuditOutcome.DENIED)).and(AUDIT_EVENT.DETAIL.contains("有违纪违法党员")))).isEqualTo(1);

        // 2016: no line hit by the facts; the branch applies once
        Api.Response applied = secretary.post(API, apply(own, 2016));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.at("/status").asText()).isEqualTo("APPLIED");
        long id = applied.at("/id").asLong();
        JsonNode lines = applied.json().get("lines");
        assertThat(lines).hasSize(4);
        assertThat(lines.findValuesAsString("name")).contains("有不合格党员", "有违纪违法党员", "有超计划生育", "发生重大治安和刑事案件");
        assertThat(applied.json().get("canReview").asBoolean()).isFalse();
        assertThat(secretary.post(API, apply(own, 2016)).status()).isEqualTo(409);

        // review: the branch may not; a fact line cannot be marked; the judged line marked bars the pass (in words)
        String review = API + "/" + id + "/review";
        assertThat(secretary.post(review, "{\"decision\":\"PASS\"}").status()).isEqualTo(403);
        Api.Response factLine = township.post(review, "{\"decision\":\"PASS\",\"lines\":[\"V1\"]}");
        assertThat(factLine.status()).isEqualTo(400);
        assertThat(factLine.body()).contains("lines");
        Api.Response badDecision = township.post(review, "{\"decision\":\"MAYBE\"}");
        assertThat(badDecision.status()).isEqualTo(400);
        assertThat(badDecision.body()).contains("decision");
        Api.Response judged = township.post(review, "{\"decision\":\"PASS\",\"lines\":[\"V4\"]}");
        assertThat(judged.status()).as(judged.body()).isEqualTo(409);
        assertThat(judged.body()).contains("发生重大治安和刑事案件");
        assertThat(township.get(API + "/" + id).at("/status").asText()).isEqualTo("APPLIED");
        assertThat(township.post(API + "/" + id + "/award", null).status()).isEqualTo(409);
        Api.Response passed = township.post(review, "{\"decision\":\"PASS\",\"note\":\"同意\"}");
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
        assertThat(passed.at("/status").asText()).isEqualTo("PASSED");

        // award: the superior's; the title enters the register of 2016 (not of 2017)
        assertThat(secretary.post(API + "/" + id + "/award", null).status()).isEqualTo(403);
        Api.Response awarded = township.post(API + "/" + id + "/award", null);
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        assertThat(awarded.at("/status").asText()).isEqualTo("AWARDED");
        JsonNode titles = secretary.get(API + "/titles?year=2016").json();
        assertThat(longs(titles, "orgId")).contains(own);
        assertThat(longs(secretary.get(API + "/titles?year=2017").json(), "orgId")).doesNotContain(own);

        // 中期检查: the superior's records with date, checker and findings; bad input names the field
        String checks = API + "/" + id + "/checks";
        int checksBefore = db.fetchCount(ASSESSMENT_FIVE_GOOD_CHECK);
        Api.Response future = township.post(checks, "{\"checkedOn\":\"" + LocalDate.now().plusDays(3)
                + "\",\"checker\":\"组织委员\",\"findings\":\"x\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("checkedOn");
        Api.Response noChecker = township.post(checks, "{\"checkedOn\":\"2016-06-30\",\"findings\":\"x\"}");
        assertThat(noChecker.status()).isEqualTo(400);
        assertThat(noChecker.body()).contains("checker");
        assertThat(secretary.post(checks, "{\"checkedOn\":\"2016-06-30\",\"checker\":\"a\",\"findings\":\"b\"}").status()).isEqualTo(403);
        assertThat(db.fetchCount(ASSESSMENT_FIVE_GOOD_CHECK)).isEqualTo(checksBefore);
        Api.Response check = township.post(checks, "{\"checkedOn\":\"2016-06-30\",\"checker\":\"镇党委组织委员\","
                + "\"findings\":\"台账齐全，党员活动室开放时间需公示\"}");
        assertThat(check.status()).as(check.body()).isEqualTo(201);
        JsonNode detail = secretary.get(API + "/" + id).json();
        assertThat(detail.get("checks").findValuesAsString("checker")).containsExactly("镇党委组织委员");

        // 2017: rejected (note required), which frees the year for a new application
        long second = secretary.post(API, apply(own, 2017)).at("/id").asLong();
        Api.Response noNote = township.post(API + "/" + second + "/review", "{\"decision\":\"REJECT\"}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        Api.Response rejected = township.post(API + "/" + second + "/review",
                "{\"decision\":\"REJECT\",\"note\":\"创建材料不全\",\"lines\":[\"V4\"]}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.at("/status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/barredLines").asText()).isEqualTo("发生重大治安和刑事案件");
        assertThat(secretary.post(API, apply(own, 2017)).status()).isEqualTo(201);
        assertThat(longs(township.get(API + "?year=2017&status=REJECTED").json(), "id")).contains(second);

        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.fiveGood.apply")
                .and(AUDIT_EVENT.ACTOR.eq("secretary")).and(AUDIT_EVENT.OUTCOME.eq(io.zhibu.audit.AuditOutcome.SUCCESS)))).isGreaterThanOrEqualTo(3);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.fiveGood.pass")
                .and(AUDIT_EVENT.OUTCOME.eq(io.zhibu.audit.AuditOutcome.DENIED)).and(AUDIT_EVENT.DETAIL.contains("发生重大治安和刑事案件")))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.fiveGood.award")
                .and(AUDIT_EVENT.ACTOR.eq("township")))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.fiveGood.check")
                .and(AUDIT_EVENT.DETAIL.contains("镇党委组织委员")))).isEqualTo(1);
    }

    @Test
    void pagesApplyShowLinesInWordsAndNameTheFieldOfAnError() {
        WebSession secretary = new WebSession(port, "secretary", PASSWORD);
        WebSession.Page list = secretary.get("/assessment/five-good?year=2019");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Apply for five-good").doesNotContain("assessment.fiveGood");
        String orgId = list.body().replaceAll("(?s).*id=\"fg-org\"[^>]*>\\s*<option value=\"(\\d+)\".*", "$1");
        WebSession.Page empty = secretary.post("/assessment/five-good", Map.of("orgId", orgId, "year", "2019", "statement", " "));
        assertThat(empty.status()).isEqualTo(302);
        assertThat(follow(secretary, empty).body()).as(empty.location()).contains("What was done: Required");
        WebSession.Page ok = secretary.post("/assessment/five-good", Map.of("orgId", orgId, "year", "2019",
                "statement", "三会一课规范，服务群众有实效"));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).matches(".*/assessment/five-good/\\d+");
        WebSession.Page detail = secretary.get(ok.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("The four high-voltage lines", "发生重大治安和刑事案件", "Judged by the superior",
                "Not in use", "Applied").doesNotContain("assessment.fiveGood").doesNotContain("name=\"decision\"");

        WebSession township = new WebSession(port, "township", PASSWORD);
        String path = ok.location().replaceFirst("^https?://[^/]+", "");
        assertThat(township.get(path).body()).contains("name=\"decision\"", "Found hit: 发生重大治安和刑事案件");
        township.post(path + "/review", Map.of("decision", "PASS", "lines", "V4"));
        assertThat(township.get(path).body()).contains("发生重大治安和刑事案件").contains("Applied");
        township.post(path + "/review", Map.of("decision", "PASS", "note", ""));
        township.post(path + "/award", Map.of());
        assertThat(township.get("/assessment/five-good?year=2019").body()).contains("Awarded");
    }

    private static String apply(long orgId, int year) {
        return "{\"orgId\":" + orgId + ",\"year\":" + year + ",\"statement\":\"支部班子好、党员队伍好、工作机制好、工作业绩好、群众反映好\"}";
    }

    static WebSession.Page follow(WebSession web, WebSession.Page redirect) {
        java.net.URI u = java.net.URI.create(redirect.location());
        return web.get(u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }

    static java.util.List<Long> longs(tools.jackson.databind.JsonNode node, String field) {
        return node.findValues(field).stream().map(tools.jackson.databind.JsonNode::asLong).toList();
    }
}
