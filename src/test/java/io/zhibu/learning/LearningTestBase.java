package io.zhibu.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.account.AccountService;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Helpers of the learning tests: a fresh member account per test (daily caps and completions are per member, so
 * tests never share one), the county id, and direct SQL to move the server clock's facts into the past (dwell,
 * question served time) instead of sleeping.
 */
abstract class LearningTestBase extends IntegrationTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static List<Long> county;
    private static List<Long> branch;

    @Autowired
    protected AccountService accounts;
    @Autowired
    protected DSLContext db;

    /** Members of the county (not of the demo branch), each handed out once per JVM. */
    protected synchronized long countyMember() {
        if (county == null) {
            county = new ArrayList<>();
            Api admin = as("admin");
            for (JsonNode m : admin.get("/api/v1/members?size=100&page=3").at("/items")) {
                county.add(m.get("id").asLong());
            }
        }
        return county.remove(0);
    }

    /** Members of the secretary's branch (after the first few the demo uses), each handed out once per JVM. */
    protected synchronized long branchMember() {
        if (branch == null) {
            branch = new ArrayList<>();
            JsonNode items = as("secretary").get("/api/v1/members?size=100").at("/items");
            for (int i = 3; i < items.size(); i++) {
                branch.add(items.get(i).get("id").asLong());
            }
        }
        return branch.remove(0);
    }

    /** A member-role account bound to {@code memberId}, logged in. */
    protected Api memberAccount(long memberId) {
        String username = "learn-" + memberId + "-" + NEXT.incrementAndGet() + "-" + (System.nanoTime() % 100000);
        accounts.createUser(username, "学习测试", PASSWORD, Role.MEMBER, null, memberId);
        return as(username);
    }

    protected long countyId() {
        String path = as("admin").get("/api/v1/orgs/" + as("secretary").get("/api/v1/me").at("/orgId").asLong())
                .at("/path").asText();
        return Long.parseLong(path.substring(0, 8));
    }

    protected static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
