package io.zhibu.serving;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static io.zhibu.db.Tables.SERVING_REPORT;
import static io.zhibu.db.Tables.SERVING_SIGNUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.account.AccountService;
import io.zhibu.supervision.Rollups;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue 21 point 1, 双报到 end to end through the API a phone and a secretary use. */
class ServingApiTest extends IntegrationTest {
    @Autowired
    java.time.Clock clock;
    @Autowired
    DSLContext db;
    @Autowired
    AccountService accounts;
    @Autowired
    Rollups rollups;

    @Test
    @DisplayName("an in-service member reports to a community, signs up for its need; the hours and feedback reach both branches, the points and the dashboard")
    void reportSignUpServe() {
        ServingFixture f = ServingFixture.create(as("admin"), accounts, 0);
        Api member = as(f.memberUser());
        Api community = as(f.communityUser());
        Api unit = as(f.unitUser());
        int year = LocalDate.now(clock).getYear();

        // the picker lists the county's communities
        assertThat(member.get("/api/v1/serving/communities").body()).contains("\"id\":" + f.communityId());

        // bad input: a branch that is not a community → 400 naming the field, nothing stored
        int before = db.fetchCount(SERVING_REPORT);
        Api.Response bad = member.post("/api/v1/serving/reports", "{\"communityOrgId\":" + f.unitId() + "}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("communityOrgId");
        assertThat(member.post("/api/v1/serving/reports", "{}").body()).contains("communityOrgId");
        // a village member is not in service
        Api.Response village = as("member").post("/api/v1/serving/reports", "{\"communityOrgId\":" + f.communityId() + "}");
        assertThat(village.status()).isEqualTo(400);
        assertThat(village.body()).contains("memberId");
        assertThat(db.fetchCount(SERVING_REPORT)).isEqualTo(before);

        Api.Response filed = member.post("/api/v1/serving/reports", "{\"communityOrgId\":" + f.communityId() + ",\"note\":\"幸福小区 3 栋\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long report = filed.at("/id").asLong();
        assertThat(filed.at("/status").asText()).isEqualTo("FILED");
        assertThat(member.post("/api/v1/serving/reports", "{\"communityOrgId\":" + f.communityId() + "}").status()).isEqualTo(409);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("serving.report.file")
                .and(AUDIT_EVENT.TARGET_ID.eq(String.valueOf(report))))).isEqualTo(1);

        // both branches see it; only the community decides; the community's to-do
        assertThat(unit.get("/api/v1/serving").body()).contains("\"id\":" + report);
        assertThat(unit.post("/api/v1/serving/reports/" + report + "/confirm", "{}").status()).isEqualTo(403);
        assertThat(community.get("/api/v1/todos").body()).contains("/serving");
        assertThat(member.get("/api/v1/serving").at("/needs").size()).as("needs wait for the confirmation").isZero();
        Api.Response confirmed = community.post("/api/v1/serving/reports/" + report + "/confirm", "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.at("/status").asText()).isEqualTo("CONFIRMED");
        assertThat(community.post("/api/v1/serving/reports/" + report + "/decline", "{\"reason\":\"x\"}").status()).isEqualTo(409);

        // a need: bad input names the fields; then published
        Api.Response badNeed = community.post("/api/v1/serving/needs", "{\"communityOrgId\":" + f.communityId()
                + ",\"title\":\" \",\"needOn\":\"" + LocalDate.now(clock) + "\",\"places\":0}");
        assertThat(badNeed.status()).isEqualTo(400);
        assertThat(badNeed.body()).contains("title").contains("places");
        assertThat(unit.post("/api/v1/serving/needs", "{\"communityOrgId\":" + f.communityId()
                + ",\"title\":\"x\",\"needOn\":\"" + LocalDate.now(clock) + "\",\"places\":1}").status()).isEqualTo(404);
        Api.Response need = community.post("/api/v1/serving/needs", "{\"communityOrgId\":" + f.communityId()
                + ",\"kind\":\"WISH\",\"title\":\"为独居老人打扫卫生\",\"place\":\"幸福小区\",\"needOn\":\"" + LocalDate.now(clock)
                + "\",\"places\":2}");
        assertThat(need.status()).as(need.body()).isEqualTo(201);
        long needId = need.at("/id").asLong();

        JsonNode mine = null;
        for (JsonNode n : member.get("/api/v1/serving").json().get("needs")) {
            if (n.get("id").asLong() == needId) {
                mine = n;
            }
        }
        assertThat(mine).as("the member sees the community's need").isNotNull();
        assertThat(mine.get("canSignUp").asBoolean()).isTrue();
        assertThat(unit.post("/api/v1/serving/needs/" + needId + "/signups", "{}").status()).as("members sign up themselves")
                .isIn(403, 404);
        Api.Response signup = member.post("/api/v1/serving/needs/" + needId + "/signups", "{}");
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        long signupId = signup.at("/id").asLong();
        assertThat(member.post("/api/v1/serving/needs/" + needId + "/signups", "{}").status()).isEqualTo(409);

        // the community records: bad minutes → 400, nothing changed; then 150 minutes with feedback
        Api.Response badRecord = community.post("/api/v1/serving/signups/" + signupId + "/record", "{\"minutes\":5}");
        assertThat(badRecord.status()).isEqualTo(400);
        assertThat(badRecord.body()).contains("minutes");
        assertThat(db.fetchOne(SERVING_SIGNUP, SERVING_SIGNUP.ID.eq(signupId)).getStatus()).isEqualTo(SignupStatus.SIGNED_UP);
        assertThat(unit.post("/api/v1/serving/signups/" + signupId + "/record", "{\"minutes\":150}").status()).isEqualTo(403);
        Api.Response recorded = community.post("/api/v1/serving/signups/" + signupId + "/record",
                "{\"minutes\":150,\"feedback\":\"老人很满意\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.at("/points").asInt()).isEqualTo(1);
        assertThat(community.post("/api/v1/serving/signups/" + signupId + "/record", "{\"minutes\":150}").status()).isEqualTo(409);

        // the unit branch sees what was done; the member's points have the fact
        String unitBoard = unit.get("/api/v1/serving").body();
        assertThat(unitBoard).contains("老人很满意").contains("\"minutes\":150");
        JsonNode points = member.get("/api/v1/points/me").json();
        assertThat(points.toString()).contains("VOLUNTEERING").contains("serving-signup");
        JsonNode rates = unit.get("/api/v1/serving/rates").json();
        assertThat(rates.at("/0/orgId").asLong()).isEqualTo(f.unitId());
        assertThat(rates.at("/0/reported").asLong()).as("other tests may use the same unit").isGreaterThanOrEqualTo(1);
        assertThat(rates.at("/0/minutes").asLong()).isGreaterThanOrEqualTo(150);
        assertThat(rates.at("/0/perMille").asInt()).isPositive();

        // the dashboard reads the rollups
        rollups.applyPending();
        JsonNode dash = as("admin").get("/api/v1/supervision/dashboard?orgId=" + f.unitId() + "&period=" + year).json();
        assertThat(dash.at("/figures/serving.reported").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(dash.at("/figures/serving.minutes").asLong()).isGreaterThanOrEqualTo(150);
        assertThat(rollups.checkNow(1000)).as("incremental equals rebuild").noneMatch(d -> d.contains("serving"));
        JsonNode communityDash = as("admin").get("/api/v1/supervision/dashboard?orgId=" + f.communityId() + "&period=" + year).json();
        assertThat(communityDash.at("/figures/serving.received").asLong()).as("the community's reports received").isGreaterThanOrEqualTo(1);
        long parent = as("admin").get("/api/v1/orgs/" + f.unitId()).at("/parentId").asLong();
        String board = new WebSession(port, "admin", PASSWORD).get("/supervision?orgId=" + parent + "&period=" + year + "&lang=zh_CN").body();
        assertThat(board).contains("双报到率").contains("社区接收报到").contains("serving-rate").doesNotContain("supervision.serving");

        // pages in Chinese, no internal keys
        String phone = new WebSession(port, f.memberUser(), PASSWORD).get("/serving?lang=zh_CN").body();
        assertThat(phone).contains(f.communityName()).contains("已报到").contains("已服务").contains("老人很满意")
                .doesNotContain("serving.");
        String branch = new WebSession(port, f.unitUser(), PASSWORD).get("/serving?lang=zh_CN").body();
        assertThat(branch).contains("报到党员").contains("为独居老人打扫卫生").doesNotContain("serving.");
        String en = new WebSession(port, f.communityUser(), PASSWORD).get("/serving/rates?lang=en").body();
        assertThat(en).contains("Community reporting figures").doesNotContain("serving.");
    }

    @Test
    @DisplayName("the unit files for its member; the community declines with a reason; the member may then report elsewhere")
    void unitFilesCommunityDeclines() {
        ServingFixture f = ServingFixture.create(as("admin"), accounts, 1);
        Api unit = as(f.unitUser());
        Api community = as(f.communityUser());
        Api.Response filed = unit.post("/api/v1/serving/reports", "{\"memberId\":" + f.memberId() + ",\"communityOrgId\":" + f.communityId() + "}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.at("/id").asLong();
        assertThat(community.post("/api/v1/serving/reports/" + id + "/decline", "{}").body()).contains("reason");
        Api.Response declined = community.post("/api/v1/serving/reports/" + id + "/decline", "{\"reason\":\"不在本社区居住\"}");
        assertThat(declined.at("/status").asText()).isEqualTo("DECLINED");
        Api.Response again = as(f.memberUser()).post("/api/v1/serving/reports", "{\"communityOrgId\":" + f.communityId() + "}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(as(f.memberUser()).post("/api/v1/serving/reports/" + again.at("/id").asLong() + "/withdraw", "{}")
                .at("/status").asText()).isEqualTo("WITHDRAWN");
    }
}
