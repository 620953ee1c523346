package io.zhibu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every new page renders with data, in Chinese and English. */
class LifecyclePagesTest extends IntegrationTest {
    @Test
    void pagesRender() {
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, as("township"));
        long member = LifecycleFixtures.newMember(secretary, facts.ownBranchId(), "郑页面", "FULL", "2012-07-01");
        secretary.post("/api/v1/members/" + member + "/events", "{\"type\":\"DISCIPLINED\",\"effectiveOn\":\"2024-01-01\","
                + "\"disciplineType\":\"PROBATION_IN_PARTY\",\"untilOn\":\"2025-06-01\",\"reason\":\"r\",\"decidedBy\":\"d\"}");
        long transfer = secretary.post("/api/v1/transfers", "{\"kind\":\"INTERNAL\",\"memberId\":" + member + ",\"toOrgId\":"
                + facts.foreignBranchId() + "}").at("/id").asLong();
        WebSession web = new WebSession(port, "secretary", PASSWORD);
        for (String path : new String[] {"/members/" + member + "/lifecycle", "/members/as-of?date=2020-01-01",
                "/members/exited", "/transfers", "/transfers?box=RECEIVING", "/transfers/" + transfer, "/members/import",
                "/members/" + member, "/members"}) {
            for (String lang : new String[] {"zh", "en"}) {
                WebSession.Page p = web.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                assertThat(p.status()).as(path + " " + lang + "\n" + p.body()).isEqualTo(200);
                assertThat(p.body()).as(path).doesNotContain("??");
            }
        }
        assertThat(web.get("/members/" + member + "/lifecycle").body()).contains("Probation within the Party", "flag-discipline");
        WebSession.Page bad = web.post("/members/" + member + "/lifecycle", Map.of("type", "EXITED", "effectiveOn", "2099-01-01"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("is-invalid");
        WebSession.Page ok = web.post("/transfers/" + transfer + "/actions", Map.of("action", "SUBMIT", "version", "0"));
        assertThat(ok.status()).isEqualTo(302);
        WebSession.Page stale = web.post("/transfers/" + transfer + "/actions", Map.of("action", "CANCEL", "version", "0", "note", "x"));
        assertThat(stale.body()).contains("Someone else has just taken a step");
    }
}
