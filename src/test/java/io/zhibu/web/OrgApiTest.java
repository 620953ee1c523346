package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrgApiTest extends IntegrationTest {
    private Api county;
    private long countyId;
    private long townshipId;

    @BeforeEach
    void setUp() {
        county = as("county");
        countyId = county.get("/api/v1/me").at("/orgId").asLong();
        townshipId = as("township").get("/api/v1/me").at("/orgId").asLong();
    }

    private Api.Response create(long parentId, String name, String type, String founders) {
        return county.post("/api/v1/orgs", "{\"parentId\":" + parentId + ",\"name\":" + Api.quote(name) + ",\"type\":\"" + type
                + "\",\"domain\":\"RURAL\"" + (founders == null ? "" : ",\"foundingMemberIds\":[" + founders + "]") + "}");
    }

    /** Full members of some branch of the township (not the secretary's, which other tests use). */
    private List<Long> fullMembers(int n) {
        List<Long> ids = new ArrayList<>();
        List<JsonNode> branches = new ArrayList<>();
        county.get("/api/v1/orgs?type=BRANCH&limit=200").json().forEach(branches::add);
        java.util.Collections.reverse(branches); // DemoFacts takes the first foreign branch; leave it alone
        for (JsonNode b : branches) {
            if (b.get("path").asText().startsWith(county.get("/api/v1/orgs/" + townshipId).at("/path").asText())) {
                continue;
            }
            for (JsonNode m : county.get("/api/v1/members?category=FULL&size=" + n + "&orgId=" + b.get("id").asLong()).at("/items")) {
                ids.add(m.get("id").asLong());
            }
            if (ids.size() >= n) {
                return ids.subList(0, n);
            }
            ids.clear();
        }
        throw new IllegalStateException("no branch with " + n + " full members");
    }

    @Test
    void treeBrowsesFromTheScopeRoot() {
        Api.Response roots = county.get("/api/v1/orgs");
        assertThat(roots.json().size()).isEqualTo(1);
        assertThat(roots.at("/0/id").asLong()).isEqualTo(countyId);
        Api.Response children = county.get("/api/v1/orgs/" + countyId + "/children");
        assertThat(children.json().size()).isGreaterThan(3);
        Api.Response detail = county.get("/api/v1/orgs/" + countyId + "/detail");
        assertThat(detail.at("/subtree/total").asLong()).isGreaterThan(1000);
        assertThat(detail.at("/org/type").asText()).isEqualTo("COMMITTEE");
    }

    @Test
    void anOrdinaryBranchNeedsThreeFullFoundingMembers() {
        String name = "规则测试支部" + System.nanoTime();
        List<Long> two = fullMembers(2);
        Api.Response refused = create(townshipId, name, "BRANCH", two.get(0) + "," + two.get(1));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("foundingMemberIds").contains("R1.2");
        assertThat(county.get("/api/v1/orgs?q=" + Api.enc(name)).json()).isEmpty();

        List<Long> three = fullMembers(3);
        Api.Response ok = create(townshipId, name, "BRANCH", three.get(0) + "," + three.get(1) + "," + three.get(2));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        long branch = ok.at("/id").asLong();
        assertThat(county.get("/api/v1/members/" + three.get(0)).at("/orgId").asLong()).isEqualTo(branch);
        assertThat(county.get("/api/v1/orgs/" + branch + "/detail").at("/own/full").asLong()).isEqualTo(3);

        Api.Response joint = create(townshipId, "联合" + name, "JOINT_BRANCH", null);
        assertThat(joint.status()).isEqualTo(201);
    }

    @Test
    void renameMoveMergeAndDissolveKeepHistoryAndMoveMembers() {
        long a = create(townshipId, "合并源支部" + System.nanoTime(), "JOINT_BRANCH", String.valueOf(fullMembers(1).get(0))).at("/id").asLong();
        long b = create(townshipId, "合并目标支部" + System.nanoTime(), "JOINT_BRANCH", null).at("/id").asLong();
        long member = county.get("/api/v1/members?orgId=" + a).at("/items/0/id").asLong();

        int version = county.get("/api/v1/orgs/" + b).at("/version").asInt();
        assertThat(county.patch("/api/v1/orgs/" + b, "{\"name\":\"改名后支部\",\"version\":" + version + "}").status()).isEqualTo(200);
        assertThat(county.patch("/api/v1/orgs/" + b, "{\"name\":\"再改名\",\"version\":" + version + "}").status()).isEqualTo(409);

        // move b under another committee of the county: its path (and its members' subtree) follow
        long otherParent = county.get("/api/v1/orgs/" + countyId + "/children").json().valueStream()
                .filter(o -> o.get("type").asText().equals("COMMITTEE") && o.get("id").asLong() != townshipId)
                .findFirst().orElseThrow().get("id").asLong();
        Api.Response moved = county.post("/api/v1/orgs/" + b + "/move", "{\"newParentId\":" + otherParent + ",\"reason\":\"区划调整\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.at("/parentId").asLong()).isEqualTo(otherParent);
        assertThat(moved.at("/path").asText()).startsWith(county.get("/api/v1/orgs/" + otherParent).at("/path").asText());

        Api.Response merged = county.post("/api/v1/orgs/" + a + "/merge", "{\"targetId\":" + b + ",\"reason\":\"村庄合并\"}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(county.get("/api/v1/orgs/" + a).at("/status").asText()).isEqualTo("MERGED");
        assertThat(county.get("/api/v1/members/" + member).at("/orgId").asLong()).isEqualTo(b);
        assertThat(ids(county.get("/api/v1/members?size=200&orgId=" + b))).contains(member);

        Api.Response refused = county.post("/api/v1/orgs/" + b + "/dissolve", "{\"reason\":\"撤销\"}");
        assertThat(refused.status()).isEqualTo(409);

        long empty = create(townshipId, "待撤销支部" + System.nanoTime(), "JOINT_BRANCH", null).at("/id").asLong();
        Api.Response dissolved = county.post("/api/v1/orgs/" + empty + "/dissolve",
                "{\"reason\":\"单位注销\",\"effectiveOn\":\"" + LocalDate.now().minusDays(1) + "\"}");
        assertThat(dissolved.status()).isEqualTo(200);
        assertThat(dissolved.at("/status").asText()).isEqualTo("DISSOLVED");
        assertThat(county.get("/api/v1/orgs/" + empty + "/history").json().valueStream()
                .map(h -> h.get("changeType").asText()).toList()).containsExactly("DISSOLVED", "CREATED");
        assertThat(county.get("/api/v1/orgs/" + b + "/history").json().valueStream()
                .map(h -> h.get("changeType").asText()).toList()).contains("MERGED_FROM", "MOVED", "RENAMED", "CREATED");
    }

    @Test
    void badInputIsRefusedWithFieldErrors() {
        assertThat(create(townshipId, "<script>x</script>", "JOINT_BRANCH", null).body()).contains("\"name\"");
        assertThat(create(townshipId, "长".repeat(101), "JOINT_BRANCH", null).status()).isEqualTo(400);
        assertThat(create(999999, "未知上级", "JOINT_BRANCH", null).body()).contains("parentId");
        assertThat(create(countyId, "党小组", "PARTY_GROUP", null).body()).contains("\"type\"");
        Api.Response future = county.post("/api/v1/orgs", "{\"parentId\":" + townshipId
                + ",\"name\":\"未来支部\",\"type\":\"JOINT_BRANCH\",\"domain\":\"RURAL\",\"establishedOn\":\"2999-01-01\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("establishedOn");
        assertThat(county.post("/api/v1/orgs", "{\"type\":\"NOPE\"}").status()).isEqualTo(400);
        assertThat(county.post("/api/v1/orgs/" + townshipId + "/move", "{\"newParentId\":" + townshipId + "}").status()).isEqualTo(400);
        assertThat(county.post("/api/v1/orgs/" + countyId + "/move", "{\"newParentId\":" + townshipId + "}").status()).isEqualTo(400);
    }

    @Test
    void secretariesCannotRestructureTheTree() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        assertThat(secretary.post("/api/v1/orgs", "{\"parentId\":" + branch + ",\"name\":\"第一党小组\",\"type\":\"PARTY_GROUP\",\"domain\":\"RURAL\"}")
                .status()).isEqualTo(403);
    }

    private static List<Long> ids(Api.Response r) {
        return r.at("/items").valueStream().map(n -> n.get("id").asLong()).toList();
    }
}
