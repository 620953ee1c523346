package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 通知公告 end to end (issue 17 point 2): to organizations with read receipts and the not-yet-read list; to members
 * of a subtree, read on the member's phone home (to-do) and counted per organization.
 */
class NoticeApiTest extends IntegrationTest {
    private Api county;
    private Api township;
    private Api secretary;
    private Api member;
    private DemoFacts facts;

    @BeforeEach
    void setUp() {
        county = as("county");
        township = as("township");
        secretary = as("secretary");
        member = as("member");
        facts = DemoFacts.discover(as("admin"), secretary, township);
    }

    private long send(Api who, String json) {
        Api.Response r = who.post("/api/v1/notices", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private static boolean has(JsonNode list, long id) {
        for (JsonNode n : list) {
            if (n.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    @Test
    void toOrganizationsWithReadReceiptsAndTheUnreadList() {
        String title = "关于做好年终总结的通知 " + System.nanoTime() % 100000;
        long id = send(county, "{\"title\":" + Api.quote(title) + ",\"body\":\"请各支部于月底前报送。\",\"audience\":\"ORGS\","
                + "\"targets\":{\"rootOrgId\":" + facts.townshipId() + "}}");
        JsonNode r = county.get("/api/v1/notices/" + id + "/receipts").json();
        long total = r.get("total").asLong();
        assertThat(total).isPositive();
        assertThat(r.get("read").asLong()).isZero();
        assertThat(county.get("/api/v1/notices/" + id + "/receipts?orgId=" + facts.townshipId()).body())
                .contains("\"orgId\":" + facts.ownBranchId() + ",");

        assertThat(has(secretary.get("/api/v1/notices").json(), id)).isTrue();
        assertThat(secretary.get("/api/v1/todos").body()).contains("/notices/" + id);
        Api.Response open = secretary.get("/api/v1/notices/" + id);
        assertThat(open.status()).as(open.body()).isEqualTo(200);
        assertThat(open.at("/title").asText()).isEqualTo(title);
        secretary.get("/api/v1/notices/" + id); // a second opening counts once
        r = county.get("/api/v1/notices/" + id + "/receipts?orgId=" + facts.townshipId()).json();
        assertThat(r.get("read").asLong()).isEqualTo(1);
        assertThat(r.get("unreadOrgs").toString()).doesNotContain("\"orgId\":" + facts.ownBranchId() + ",");
        assertThat(county.get("/api/v1/notices/" + id + "/receipts").at("/read").asLong()).isEqualTo(1);
        assertThat(secretary.get("/api/v1/todos").body()).doesNotContain("/notices/" + id + "\"");
        // not addressed to the member (organizations only), not the township's to read receipts of
        assertThat(member.get("/api/v1/notices/" + id).status()).isEqualTo(404);
        assertThat(township.get("/api/v1/notices/" + id + "/receipts").status()).isEqualTo(404);
        assertThat(has(county.get("/api/v1/notices/sent?size=50").at("/items"), id)).isTrue();
    }

    @Test
    void toMembersOnThePhoneHomeCountedPerOrganization() {
        String title = "主题党日活动安排 " + System.nanoTime() % 100000;
        long id = send(township, "{\"title\":" + Api.quote(title) + ",\"body\":\"本月 15 日上午九点在党员活动室。\",\"audience\":\"MEMBERS\"}");
        JsonNode r = township.get("/api/v1/notices/" + id + "/receipts").json();
        long total = r.get("total").asLong();
        assertThat(total).isPositive();
        assertThat(r.get("read").asLong()).isZero();
        assertThat(has(member.get("/api/v1/notices").json(), id)).isTrue();
        assertThat(member.get("/api/v1/todos").body()).contains("/notices/" + id);
        assertThat(member.get("/api/v1/notices/" + id).status()).isEqualTo(200);
        member.get("/api/v1/notices/" + id);
        r = township.get("/api/v1/notices/" + id + "/receipts").json();
        assertThat(r.get("read").asLong()).isEqualTo(1);
        assertThat(r.get("unread").asLong()).isEqualTo(total - 1);
        long branchRead = 0;
        for (JsonNode c : r.get("children")) {
            branchRead += c.get("read").asLong();
        }
        assertThat(branchRead).isEqualTo(1);
        boolean readLine = false;
        for (JsonNode n : member.get("/api/v1/notices").json()) {
            if (n.get("id").asLong() == id) {
                readLine = n.get("read").asBoolean();
            }
        }
        assertThat(readLine).isTrue();
        // the member's home page shows the unread ones only
        assertThat(member.get("/api/v1/todos").body()).doesNotContain("/notices/" + id + "\"");
    }

    @Test
    void badInput() {
        Api.Response noTitle = township.post("/api/v1/notices", "{\"body\":\"x\",\"audience\":\"MEMBERS\"}");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body()).contains("title");
        Api.Response foreign = township.post("/api/v1/notices", "{\"title\":\"t\",\"body\":\"x\",\"audience\":\"MEMBERS\",\"rootOrgId\":"
                + facts.foreignBranchId() + "}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("rootOrgId").doesNotContain(facts.foreignBranchName());
        assertThat(member.post("/api/v1/notices", "{\"title\":\"t\",\"body\":\"x\",\"audience\":\"MEMBERS\"}").status())
                .isEqualTo(403);
    }
}
