package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 成立党支部 (R1.1/R1.2) end to end: the township applies, the county decides, the branch exists only after approval. */
class BranchSetupApiTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static long member(Api secretary, long branch, String name, boolean full) {
        Api.Response r = secretary.post("/api/v1/members", "{\"orgId\":" + branch + ",\"name\":" + Api.quote(name)
                + ",\"idNumber\":\"" + TestIds.fresh(true) + "\",\"ethnicity\":\"01\",\"category\":\""
                + (full ? "FULL\",\"joinedOn\":\"2012-07-01\"" : "PROBATIONARY\",\"joinedOn\":\"" + TODAY.minusMonths(3) + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private static String body(long parent, String name, String type, List<Long> ids) {
        return "{\"parentId\":" + parent + ",\"name\":" + Api.quote(name) + ",\"type\":\"" + type + "\",\"domain\":\"NON_PUBLIC\","
                + "\"hostUnit\":\"某科技有限公司\",\"reason\":\"公司有正式党员3名，申请成立党支部\",\"memberIds\":" + ids + "}";
    }

    private static Api.Response decide(Api who, long id, String action, String note) {
        int version = who.get("/api/v1/org-setup-requests/" + id).at("/version").asInt();
        return who.post("/api/v1/org-setup-requests/" + id + "/decision", "{\"action\":\"" + action + "\",\"version\":" + version
                + (note == null ? "" : ",\"note\":" + Api.quote(note)) + "}");
    }

    @Test
    void applyApproveAndTheBranchIsCreatedWithItsMembers() {
        Api secretary = as("secretary");
        Api township = as("township");
        Api county = as("county");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        List<Long> ids = new ArrayList<>();
        ids.add(member(secretary, facts.ownBranchId(), "设立甲", true));
        ids.add(member(secretary, facts.ownBranchId(), "设立乙", true));
        ids.add(member(secretary, facts.ownBranchId(), "设立丙", false));
        String name = "某科技有限公司党支部" + System.nanoTime();

        // R1.2: two full members do not form an ordinary branch; nothing is written
        Api.Response below = township.post("/api/v1/org-setup-requests", body(facts.townshipId(), name, "BRANCH", ids));
        assertThat(below.status()).as(below.body()).isEqualTo(400);
        assertThat(below.body()).contains("memberIds");
        ids.add(member(secretary, facts.ownBranchId(), "设立丁", true));
        // outside the scope: the foreign township answers 404
        assertThat(township.post("/api/v1/org-setup-requests", body(facts.foreignTownshipId(), name, "BRANCH", ids)).status())
                .isEqualTo(404);

        Api.Response sent = township.post("/api/v1/org-setup-requests", body(facts.townshipId(), name, "BRANCH", ids));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        long id = sent.at("/id").asLong();
        assertThat(sent.at("/status").asText()).isEqualTo("SUBMITTED");
        assertThat(sent.at("/fullMembers").asInt()).isEqualTo(3);
        assertThat(sent.at("/replyDue").asText()).isEqualTo(TODAY.plusMonths(1).toString()); // R1.1
        // the org does not exist before approval
        assertThat(county.get("/api/v1/orgs?q=" + Api.enc(name)).body()).doesNotContain(name);
        // the applicant does not approve its own request; a rejection needs a note
        assertThat(decide(township, id, "APPROVE", null).status()).isEqualTo(403);
        assertThat(decide(county, id, "REJECT", null).status()).isEqualTo(400);

        Api.Response ok = decide(county, id, "APPROVE", "同意成立");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.at("/status").asText()).isEqualTo("APPROVED");
        long org = ok.at("/createdOrgId").asLong();
        assertThat(county.get("/api/v1/orgs/" + org).at("/name").asText()).isEqualTo(name);
        assertThat(county.get("/api/v1/members/" + ids.get(0)).at("/orgId").asLong()).isEqualTo(org);
        assertThat(ok.at("/steps").size()).isEqualTo(2);
        assertThat(ok.at("/steps/1/actor").asText()).isEqualTo("county");
        assertThat(decide(county, id, "REJECT", "晚了").status()).isEqualTo(409);

        // pages: the request with its history and the created branch; a bad form shows the field errors
        assertThat(new WebSession(port, "county", PASSWORD).get("/orgs/setup-requests/" + id).body())
                .contains("setup-created", "setup-history", "同意成立");
        WebSession web = new WebSession(port, "township", PASSWORD);
        assertThat(web.get("/orgs/setup-requests").body()).contains("setup-" + id);
        assertThat(web.post("/orgs/setup-requests", Map.of("parentId", String.valueOf(facts.townshipId()), "name", "")).body())
                .contains("setup-errors");
    }
}
