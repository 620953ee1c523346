package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** 延期换届 (R1.7/R1.8) end to end: township asks, the county approves, reminders and assessment facts follow. */
class TermDeferralApiTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    @Autowired
    OrgTerms terms;
    @Autowired
    OrgTermFacts termFacts;
    private Api county;
    private Api township;
    private DemoFacts facts;

    @BeforeEach
    void setUp() {
        county = as("county");
        township = as("township");
        facts = DemoFacts.discover(as("admin"), as("secretary"), township);
    }

    /** A joint branch of the township (3-year AGENCY term) whose term started on {@code started}. */
    private long branch(String name, LocalDate started) {
        Api.Response r = county.post("/api/v1/orgs", "{\"parentId\":" + facts.townshipId() + ",\"name\":" + Api.quote(name
                + System.nanoTime()) + ",\"type\":\"JOINT_BRANCH\",\"domain\":\"AGENCY\",\"termStartedOn\":\"" + started + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private Api.Response decide(Api who, long id, String action, String note) {
        int version = who.get("/api/v1/term-deferrals/" + id).at("/version").asInt();
        return who.post("/api/v1/term-deferrals/" + id + "/decision", "{\"action\":\"" + action + "\",\"version\":" + version
                + (note == null ? "" : ",\"note\":" + Api.quote(note)) + "}");
    }

    @Test
    void dueTermDeferredByTheSuperior() {
        long org = branch("延期支部", TODAY.minusYears(3).plusMonths(2)); // ends in two months: T-3
        LocalDate ends = TODAY.minusYears(3).plusMonths(2).plusYears(3);
        assertThat(township.get("/api/v1/orgs/" + org + "/terms").at("/0/reminder").asText()).isEqualTo("T3");

        // bad input changes nothing: R1.7 at most 12 months, reason required
        Api.Response bad = township.post("/api/v1/orgs/" + org + "/term-deferrals", "{\"months\":13,\"reason\":\" \"}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("months", "reason");
        assertThat(township.get("/api/v1/orgs/" + org + "/term-deferrals").json().size()).isZero();

        Api.Response req = township.post("/api/v1/orgs/" + org + "/term-deferrals", "{\"months\":6,\"reason\":\"单位改制，党员调整中\"}");
        assertThat(req.status()).as(req.body()).isEqualTo(201);
        long id = req.at("/id").asLong();
        assertThat(req.at("/status").asText()).isEqualTo("REQUESTED");
        assertThat(req.at("/deferredUntil").asText()).isEqualTo(ends.plusMonths(6).toString());
        assertThat(req.at("/canDecide").asBoolean()).as("the requester does not decide").isFalse();
        assertThat(township.post("/api/v1/orgs/" + org + "/term-deferrals", "{\"months\":3,\"reason\":\"再次\"}").status()).isEqualTo(409);
        // not approved yet: no deferral visible to other modules
        assertThat(terms.deferredUntil(org)).isNull();
        // the requester cannot approve its own request; the secretary of another branch does not see it
        assertThat(decide(township, id, "APPROVE", null).status()).isEqualTo(403);
        assertThat(as("secretary").get("/api/v1/term-deferrals/" + id).status()).isEqualTo(404);
        // the superior's inbox lists it; rejecting needs a note
        boolean inbox = false;
        for (JsonNode d : county.get("/api/v1/term-deferrals?status=REQUESTED").json()) {
            inbox |= d.get("id").asLong() == id && d.get("canDecide").asBoolean();
        }
        assertThat(inbox).isTrue();
        assertThat(decide(county, id, "REJECT", null).status()).isEqualTo(400);
        Api.Response approved = decide(county, id, "APPROVE", "同意延期六个月");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.at("/status").asText()).isEqualTo("APPROVED");
        assertThat(decide(county, id, "REJECT", "晚了").status()).isEqualTo(409);

        // the approved deferral is visible to other modules and moves the reminder deadline
        assertThat(terms.deferredUntil(org)).isEqualTo(ends.plusMonths(6));
        JsonNode term = township.get("/api/v1/orgs/" + org + "/terms").at("/0");
        assertThat(term.get("deferredUntil").asText()).isEqualTo(ends.plusMonths(6).toString());
        assertThat(term.get("reminder").asText()).isEqualTo("NONE"); // eight months left
        assertThat(new WebSession(port, "township", PASSWORD).get("/orgs/" + org + "/terms").body())
                .contains("text-bg-info\">", ends.plusMonths(6).toString(), "deferral-form");

        // a new term ends the deferral
        assertThat(county.post("/api/v1/orgs/" + org + "/terms", "{\"startedOn\":\"" + TODAY + "\",\"secretary\":\"新书记\"}").status())
                .isEqualTo(201);
        assertThat(terms.deferredUntil(org)).isNull();
    }

    @Test
    void overdueWithoutApprovalIsFlaggedAndAnApprovedDeferralClearsIt() {
        LocalDate started = TODAY.minusYears(3).minusMonths(1);
        long org = branch("逾期支部", started); // ended a month ago
        String townshipPath = county.get("/api/v1/orgs/" + facts.townshipId()).at("/path").asText();
        OrgTermFacts.TermFact before = termFacts.branchesUnder(townshipPath, TODAY.getYear(), TODAY).get(org);
        assertThat(before.overdue()).isTrue();
        assertThat(before.deferredUntil()).isNull();
        long id = township.post("/api/v1/orgs/" + org + "/term-deferrals", "{\"months\":3,\"reason\":\"疫情防控\"}").at("/id").asLong();
        // requested but not approved: still overdue
        assertThat(termFacts.branchesUnder(townshipPath, TODAY.getYear(), TODAY).get(org).overdue()).isTrue();
        assertThat(decide(county, id, "APPROVE", null).status()).isEqualTo(200);
        OrgTermFacts.TermFact after = termFacts.branchesUnder(townshipPath, TODAY.getYear(), TODAY).get(org);
        assertThat(after.overdue()).isFalse();
        assertThat(after.deferredUntil()).isEqualTo(started.plusYears(3).plusMonths(3));
        for (JsonNode t : township.get("/api/v1/term-reminders").json()) {
            if (t.get("orgId").asLong() == org) {
                assertThat(t.get("reminder").asText()).isNotEqualTo("OVERDUE");
            }
        }
        // the page inbox shows the decided request
        assertThat(new WebSession(port, "county", PASSWORD).get("/orgs/term-deferrals?status=APPROVED").body())
                .contains("deferral-" + id);
    }
}
