package io.zhibu.assessment;

import static io.zhibu.db.Tables.ASSESSMENT_RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.org.OrgCommands;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.warning.Severity;
import io.zhibu.warning.WarningQuery;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningViews;
import io.zhibu.warning.internal.SweepEngine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The R8.1 "no-star-risk" warning over a real campaign of one fresh branch: exactly 60 (the Qingshen lowest tier) does
 * not warn, 59.99 does, a veto marked in the spot check does (urgent), and the warning closes by itself once the score
 * rises, the veto clears or the campaign is published for a year that is not the current one. H2 and PostgreSQL.
 */
class NoStarRiskWarningTest extends IntegrationTest {
    static final DataScope ADMIN = new DataScope(0, "no-star-test", Role.ADMIN, null, OrgPath.ROOT, null, null);

    @Autowired SweepEngine engine;
    @Autowired WarningQuery query;
    @Autowired OrgService orgs;
    @Autowired DSLContext db;

    private List<WarningViews.Warning> warnings(long orgId, WarningViews.Status status) {
        return query.list(ADMIN, new WarningViews.Filter(orgId, WarningRule.NO_STAR_RISK.id(), null, status), 0, 50).items();
    }

    private void sweep() {
        engine.sweep(LocalDate.now(), EnumSet.of(WarningRule.NO_STAR_RISK), "test");
    }

    private void setResult(long campaign, long org, String score, String vetoes) {
        db.update(ASSESSMENT_RESULT).set(ASSESSMENT_RESULT.TOTAL_SCORE, new BigDecimal(score))
                .set(ASSESSMENT_RESULT.VETOES, vetoes)
                .where(ASSESSMENT_RESULT.CAMPAIGN_ID.eq(campaign), ASSESSMENT_RESULT.ORG_ID.eq(org)).execute();
    }

    @Test
    void warnsBelowTheLowestTierOrOnAVetoAndClosesWhenFixed() {
        Api township = as("township");
        long townshipId = township.get("/api/v1/me").at("/orgId").asLong();
        String name = "无星预警支部" + UUID.randomUUID().toString().substring(0, 8);
        long branch = orgs.create(ADMIN, new OrgCommands.CreateOrg(townshipId, name, OrgType.BRANCH, OrgDomain.AGENCY, null,
                null, null, null, LocalDate.of(2015, 1, 1), null, LocalDate.now().minusYears(1), List.of(), true)).id();

        JsonNode preset = township.get("/api/v1/assessment/presets/qingshen-6x").json();
        String body = preset.toString().replace("\"QS-6X\"", Api.quote("NS-" + UUID.randomUUID().toString().substring(0, 8)));
        Api.Response sys = township.post("/api/v1/assessment/systems", "{\"year\":" + (LocalDate.now().getYear() + 20)
                + ",\"system\":" + body + "}");
        assertThat(sys.status()).as(sys.body()).isEqualTo(201);
        Api.Response opened = township.post("/api/v1/assessment/campaigns", "{\"orgId\":" + branch + ",\"systemId\":"
                + sys.at("/summary/id").asLong() + ",\"name\":\"无星预警测试\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long campaign = opened.at("/id").asLong();

        setResult(campaign, branch, "60.00", null); // exactly the lowest tier: three stars, no warning
        sweep();
        assertThat(warnings(branch, null)).isEmpty();

        setResult(campaign, branch, "59.99", null);
        sweep();
        assertThat(warnings(branch, null)).singleElement().satisfies(w -> {
            assertThat(w.level()).isEqualTo("BELOW");
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.ruleRef()).isEqualTo("R8.1");
            assertThat(w.subjectName()).isEqualTo(name);
            assertThat(w.detail()).contains("59.99").contains("60");
            assertThat(w.forBranch()).isTrue();
        });
        sweep(); // idempotent
        assertThat(warnings(branch, null)).hasSize(1);

        setResult(campaign, branch, "60", null); // fixed: the warning closes by itself
        sweep();
        assertThat(warnings(branch, null)).isEmpty();
        assertThat(warnings(branch, WarningViews.Status.CLOSED)).hasSize(1);

        // a veto marked in the spot check: no star whatever the score → urgent
        String result = "/api/v1/assessment/campaigns/" + campaign + "/results/" + branch;
        Api.Response marked = township.post(result + "/spot-check", "{\"vetoes\":[\"V4\"]}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.at("/rule").asText()).isEqualTo("VETO");
        setResult(campaign, branch, "88", "V4");
        sweep();
        assertThat(warnings(branch, null)).singleElement().satisfies(w -> {
            assertThat(w.level()).isEqualTo("VETO");
            assertThat(w.severity()).isEqualTo(Severity.URGENT);
            assertThat(w.detail()).contains("V4");
        });
        Api.Response cleared = township.post(result + "/spot-check", "{\"vetoes\":[]}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        // the fresh branch still hits the fact-based vetoes (no meetings yet): the warning stays until they clear too
        assertThat(db.select(ASSESSMENT_RESULT.VETOES).from(ASSESSMENT_RESULT).where(ASSESSMENT_RESULT.CAMPAIGN_ID
                .eq(campaign), ASSESSMENT_RESULT.ORG_ID.eq(branch)).fetchOne(0, String.class)).doesNotContain("V4");
        sweep();
        assertThat(warnings(branch, null)).singleElement().satisfies(w -> assertThat(w.level()).isEqualTo("VETO"));
        setResult(campaign, branch, "88", null); // facts fixed (as a rescore would store them)
        sweep();
        assertThat(warnings(branch, null)).isEmpty();

        // published for a year that is not the current one: no longer open, its warnings close
        setResult(campaign, branch, "40", null);
        sweep();
        assertThat(warnings(branch, null)).singleElement().satisfies(w -> assertThat(w.level()).isEqualTo("BELOW"));
        assertThat(township.post("/api/v1/assessment/campaigns/" + campaign + "/publish", null).status()).isEqualTo(200);
        sweep();
        assertThat(warnings(branch, null)).isEmpty();
        assertThat(warnings(branch, WarningViews.Status.CLOSED)).hasSize(3);
    }
}
