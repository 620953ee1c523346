package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrgTermsApiTest extends IntegrationTest {
    @Test
    void committeeTermRemindersAndElection() {
        Api county = as("county");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, as("township"));
        long org = facts.foreignBranchId(); // county staff act on a branch other tests leave alone
        // R1.4 (issue 18 point 4): the committee is picked from the branch's roll
        JsonNode roll = as("admin").get("/api/v1/members?orgId=" + org + "&size=2").at("/items");
        String a = roll.get(0).get("name").asText();
        String b = roll.get(roll.size() > 1 ? 1 : 0).get("name").asText();
        LocalDate start = LocalDate.now().minusYears(3).plusMonths(2);
        Api.Response opened = county.post("/api/v1/orgs/" + org + "/terms", "{\"startedOn\":\"" + start
                + "\",\"termYears\":3,\"secretary\":" + Api.quote(a) + ",\"organizationMember\":" + Api.quote(b) + "}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.at("/reminder").asText()).isEqualTo("T3");
        boolean listed = false;
        for (JsonNode t : county.get("/api/v1/term-reminders").json()) {
            listed |= t.get("orgId").asLong() == org;
        }
        assertThat(listed).isTrue();

        // R1.11 quorum fails: 8 of 10 is not more than 4/5
        Api.Response weak = county.post("/api/v1/orgs/" + org + "/elections", "{\"heldOn\":\"" + LocalDate.now()
                + "\",\"votersDue\":10,\"votersPresent\":8,\"seats\":3,\"candidates\":4,\"ballotsIssued\":8,\"ballotsReturned\":8,"
                + "\"result\":\"甲 8 票\",\"electedVotes\":[8],\"committee\":{\"secretary\":" + Api.quote(a) + "}}");
        assertThat(weak.status()).as(weak.body()).isEqualTo(201);
        assertThat(weak.at("/quorumOk").asBoolean()).isFalse();
        assertThat(weak.at("/candidatesOk").asBoolean()).isTrue(); // R1.12: ceil(3*1.2) = 4
        assertThat(weak.at("/newTermId").isMissingNode() || weak.at("/newTermId").isNull()).isTrue();

        Api.Response ok = county.post("/api/v1/orgs/" + org + "/elections", "{\"heldOn\":\"" + LocalDate.now()
                + "\",\"votersDue\":10,\"votersPresent\":9,\"seats\":3,\"candidates\":4,\"ballotsIssued\":9,\"ballotsReturned\":9,"
                + "\"result\":\"甲 9 票；乙 7 票；丙 6 票\",\"electedVotes\":[9,7,6],\"committee\":{\"secretary\":" + Api.quote(a) + ",\"termYears\":3}}");
        assertThat(ok.at("/quorumOk").asBoolean()).isTrue();
        assertThat(ok.at("/electedOk").toString()).isEqualTo("[true,true,true]");
        assertThat(ok.at("/newTermId").asLong()).isPositive();
        JsonNode terms = county.get("/api/v1/orgs/" + org + "/terms").json();
        assertThat(terms.get(0).get("current").asBoolean()).isTrue();
        assertThat(terms.get(0).get("secretary").asText()).isEqualTo(a);
        assertThat(terms.get(0).get("reminder").asText()).isEqualTo("NONE");
        assertThat(terms.get(1).get("current").asBoolean()).isFalse();

        // R1.13 majority of voters due: 5 of 10 is not more than half
        Api.Response half = county.post("/api/v1/orgs/" + org + "/elections", "{\"heldOn\":\"" + LocalDate.now()
                + "\",\"votersDue\":10,\"votersPresent\":9,\"seats\":1,\"candidates\":2,\"ballotsIssued\":9,\"ballotsReturned\":10,"
                + "\"result\":\"丁 5 票\",\"electedVotes\":[5]}");
        assertThat(half.at("/electedOk/0").asBoolean()).isFalse();
        assertThat(half.at("/ballotsOk").asBoolean()).isFalse();
        // computed voters due (R1.10) when not entered
        Api.Response computed = secretary.post("/api/v1/orgs/" + facts.ownBranchId() + "/elections", "{\"heldOn\":\"" + LocalDate.now()
                + "\",\"votersPresent\":0,\"seats\":1,\"candidates\":2,\"ballotsIssued\":0,\"ballotsReturned\":0,\"result\":\"未选出\"}");
        assertThat(computed.status()).as(computed.body()).isEqualTo(201);
        assertThat(computed.at("/computedVotersDue").asInt()).isPositive();

        WebSession web = new WebSession(port, "county", PASSWORD);
        assertThat(web.get("/orgs/" + org + "/terms").body()).contains("甲 9 票");
        assertThat(web.get("/orgs/term-reminders").status()).isEqualTo(200);
    }
}
