package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R1.9 / issue 18 point 4: the election procedure tracked step by step, the superior's approvals recorded. */
class ElectionProcessApiTest extends IntegrationTest {
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai"); // the configured zone: "today" of the approval
    private static String step(String action, String extra) {
        return "{\"action\":\"" + action + "\"" + (extra == null ? "" : "," + extra) + "}";
    }

    @Test
    @DisplayName("request → approval → election → report (secretary from the roll) → the superior approves the secretary")
    void trackedSequence() {
        Api secretary = as("secretary");
        Api township = as("township");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();

        assertThat(secretary.post("/api/v1/orgs/" + branch + "/election-processes", "{\"note\":\" \"}").body()).contains("\"note\"");
        Api.Response req = secretary.post("/api/v1/orgs/" + branch + "/election-processes",
                "{\"note\":\"支委会决定换届，委员名额 3 名\"}");
        assertThat(req.status()).as(req.body()).isEqualTo(201);
        long id = req.at("/id").asLong();
        assertThat(req.at("/stage").asText()).isEqualTo("REQUESTED");
        assertThat(secretary.post("/api/v1/orgs/" + branch + "/election-processes", "{\"note\":\"再次\"}").status())
                .as("one open procedure per organization").isEqualTo(409);

        String p = "/api/v1/election-processes/" + id + "/steps";
        assertThat(secretary.post(p, step("APPROVE", null)).status()).as("the superior approves").isEqualTo(403);
        assertThat(secretary.post(p, step("ELECT", "\"electionId\":1")).status()).as("no election before approval").isEqualTo(409);
        Api.Response approved = township.post(p, step("APPROVE", "\"note\":\"同意\""));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.at("/stage").asText()).isEqualTo("APPROVED");
        assertThat(approved.at("/approvedBy").asText()).isEqualTo("township");

        Api.Response election = secretary.post("/api/v1/orgs/" + branch + "/elections", "{\"heldOn\":\"" + LocalDate.now(ZONE)
                + "\",\"votersPresent\":0,\"seats\":1,\"candidates\":2,\"ballotsIssued\":0,\"ballotsReturned\":0,\"result\":\"流程测试\"}");
        assertThat(election.status()).as(election.body()).isEqualTo(201);
        assertThat(secretary.post(p, step("ELECT", "\"electionId\":-5")).body()).contains("\"electionId\"");
        Api.Response elected = secretary.post(p, step("ELECT", "\"electionId\":" + election.at("/id").asLong()));
        assertThat(elected.status()).as(elected.body()).isEqualTo(200);
        assertThat(elected.at("/stage").asText()).isEqualTo("ELECTED");

        Api.Response typed = secretary.post(p, step("REPORT", "\"secretary\":\"不在名册的人\""));
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.body()).contains("\"secretary\"");
        long onRollId = as("member").get("/api/v1/me").at("/memberId").asLong();
        String onRoll = as("admin").get("/api/v1/members/" + onRollId).at("/name").asText();
        // R1.4 (issue 18 point 3): picked from the roll by member id, stored by id with the name as written
        Api.Response reported = secretary.post(p, step("REPORT", "\"secretaryId\":" + onRollId));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        assertThat(reported.at("/stage").asText()).isEqualTo("REPORTED");

        assertThat(secretary.post(p, step("CONFIRM", null)).status()).isEqualTo(403);
        Api.Response confirmed = township.post(p, step("CONFIRM", "\"note\":\"批准\""));
        assertThat(confirmed.at("/stage").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.at("/confirmedBy").asText()).isEqualTo("township");
        assertThat(confirmed.at("/secretary").asText()).isEqualTo(onRoll);
        assertThat(confirmed.at("/secretaryId").asLong()).isEqualTo(onRollId);

        Api.Response audit = as("auditor").get("/api/v1/audit?action=org.election.process.confirm&actor=township&size=5");
        assertThat(audit.at("/items/0/targetId").asText()).isEqualTo(String.valueOf(branch));
        assertThat(township.get("/api/v1/election-processes?stage=CONFIRMED").body()).contains("\"id\":" + id);

        WebSession web = new WebSession(port, "township", PASSWORD);
        assertThat(web.get("/orgs/election-processes").body()).contains("process-" + id);
        assertThat(new WebSession(port, "secretary", PASSWORD).get("/orgs/" + branch + "/terms").body()).contains("process-form");
    }

    @Test
    @DisplayName("R1.4: a committee is picked from the roll — a typed name not on it is refused, nothing opened; the form is a picker")
    void committeeFromTheRoll() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        int before = secretary.get("/api/v1/orgs/" + branch + "/terms").json().size();
        Api.Response typed = secretary.post("/api/v1/orgs/" + branch + "/terms", "{\"startedOn\":\"" + LocalDate.now(ZONE)
                + "\",\"secretary\":\"名册外的人\",\"propagandaMember\":\"也不在名册\"}");
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.body()).contains("\"secretary\"").contains("\"propagandaMember\"");
        assertThat(secretary.get("/api/v1/orgs/" + branch + "/terms").json().size()).isEqualTo(before);
        String page = new WebSession(port, "secretary", PASSWORD).get("/orgs/" + branch + "/terms").body();
        assertThat(page).contains("<select class=\"form-select\" id=\"secretary\" name=\"secretaryId\">");
        // the picker's values are member ids, its labels names (no id shown as text)
        long memberId = as("member").get("/api/v1/me").at("/memberId").asLong();
        assertThat(page).containsPattern("<option value=\"" + memberId + "\">[^<0-9]+</option>");
    }

    @Test
    @DisplayName("R1.4: committee posts are stored by member id; an id not on the roll is refused naming the post")
    void committeeStoredByMemberId() {
        // a branch the other tests leave alone (opening a term moves the secretary's role, issue 15)
        Api county = as("county");
        io.zhibu.support.DemoFacts facts = io.zhibu.support.DemoFacts.discover(as("admin"), as("secretary"), as("township"));
        long branch = -1;
        for (tools.jackson.databind.JsonNode o : county.get("/api/v1/orgs?type=BRANCH&limit=200").json()) {
            long id = o.get("id").asLong();
            if (id != facts.ownBranchId() && id != facts.foreignBranchId()
                    && county.get("/api/v1/members?size=1&orgId=" + id).at("/total").asLong() > 0) {
                branch = id;
                break;
            }
        }
        assertThat(branch).isPositive();
        long memberId = county.get("/api/v1/members?size=1&orgId=" + branch).at("/items/0/id").asLong();
        String name = county.get("/api/v1/members/" + memberId).at("/name").asText();
        int before = county.get("/api/v1/orgs/" + branch + "/terms").json().size();
        long foreign = facts.ownMemberId(); // on another branch's roll
        Api.Response off = county.post("/api/v1/orgs/" + branch + "/terms", "{\"startedOn\":\"" + LocalDate.now(ZONE)
                + "\",\"secretaryId\":" + memberId + ",\"disciplineMemberId\":" + foreign + "}");
        assertThat(off.status()).isEqualTo(400);
        assertThat(off.body()).contains("\"disciplineMember\"").doesNotContain("\"secretary\"");
        assertThat(county.get("/api/v1/orgs/" + branch + "/terms").json().size()).isEqualTo(before);
        Api.Response opened = county.post("/api/v1/orgs/" + branch + "/terms", "{\"startedOn\":\"" + LocalDate.now(ZONE)
                + "\",\"secretaryId\":" + memberId + ",\"secretary\":\"随便写的名字\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.at("/secretaryId").asLong()).isEqualTo(memberId);
        assertThat(opened.at("/secretary").asText()).isEqualTo(name);
    }
}
