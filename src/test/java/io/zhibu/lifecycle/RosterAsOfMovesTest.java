package io.zhibu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.member.MemberLifecycle;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The roster as of a date places members who changed branch (transfer completion, org merge) in the branch they
 * belonged to on that date: the old branch before the move, the new one from the move on; counts agree with the lists.
 */
class RosterAsOfMovesTest extends IntegrationTest {
    @Autowired
    MemberLifecycle lifecycle;

    private Api county;
    private long townshipId;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        county = as("county");
        townshipId = as("township").get("/api/v1/me").at("/orgId").asLong();
    }

    private long branch(String name) {
        Api.Response r = county.post("/api/v1/orgs", "{\"parentId\":" + townshipId + ",\"name\":" + Api.quote(name + System.nanoTime())
                + ",\"type\":\"JOINT_BRANCH\",\"domain\":\"RURAL\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    /** The as-of roster of a branch: its total, and the members listed with the org they are shown in. */
    private record AsOf(long total, long full, List<Long> ids, List<Long> orgIds) {
    }

    private AsOf asOf(long orgId, LocalDate date) {
        Api.Response r = county.get("/api/v1/members/as-of?size=200&orgId=" + orgId + "&date=" + date);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        List<Long> orgIds = new ArrayList<>();
        for (JsonNode m : r.at("/members/items")) {
            ids.add(m.get("id").asLong());
            orgIds.add(m.get("orgId").asLong());
        }
        assertThat(r.at("/members/total").asLong()).isEqualTo(r.at("/total").asLong());
        assertThat((long) ids.size()).as("a small branch: the list holds every member counted").isEqualTo(r.at("/total").asLong());
        return new AsOf(r.at("/total").asLong(), r.at("/full").asLong(), ids, orgIds);
    }

    private List<String> timeline(long member) {
        List<String> types = new ArrayList<>();
        county.get("/api/v1/members/" + member + "/events").json().forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    @Test
    void aTransferredMemberStaysInTheOldBranchsRosterBeforeTheMove() {
        long a = branch("转出支部");
        long b = branch("转入支部");
        long stays = LifecycleFixtures.newMember(county, a, "孙留守", "FULL", "2010-07-01");
        long moves = LifecycleFixtures.newMember(county, a, "钱调动", "FULL", "2012-07-01");
        long already = LifecycleFixtures.newMember(county, b, "李原有", "PROBATIONARY", today.minusMonths(2).toString());
        LocalDate before = today.minusDays(1);
        LocalDate after = today.plusDays(1);
        AsOf aBefore0 = asOf(a, before);
        assertThat(aBefore0.ids()).containsExactlyInAnyOrder(stays, moves);

        // transfer completion (the transfer module's last step) on D = today
        lifecycle.completeTransfer(new DataScope(1L, "admin", Role.ADMIN, null, "", null, null), moves, b, "工作调动");
        assertThat(timeline(moves).getFirst()).isEqualTo("TRANSFERRED");

        AsOf aBefore = asOf(a, before);
        AsOf aAfter = asOf(a, after);
        AsOf bBefore = asOf(b, before);
        AsOf bAfter = asOf(b, after);
        assertThat(aBefore.ids()).as("A as of D-1 still holds the member").containsExactlyInAnyOrder(stays, moves);
        assertThat(aBefore.orgIds()).as("shown in the branch of that date").containsOnly(a);
        assertThat(aBefore.total()).isEqualTo(aBefore0.total()).isEqualTo(2);
        assertThat(aBefore.full()).isEqualTo(2);
        assertThat(aAfter.ids()).containsExactly(stays);
        assertThat(bBefore.ids()).as("B as of D-1: not yet").containsExactly(already);
        assertThat(bAfter.ids()).containsExactlyInAnyOrder(already, moves);
        assertThat(bAfter.orgIds()).containsOnly(b);
        assertThat(bAfter.full()).isEqualTo(1);
        // on the day of the move the member counts in the new branch only
        assertThat(asOf(a, today).ids()).containsExactly(stays);
        assertThat(asOf(b, today).ids()).contains(moves);
        // the parent holds the member on both dates, once
        long townBefore = county.get("/api/v1/members/as-of?size=1&orgId=" + townshipId + "&date=" + before).at("/total").asLong();
        assertThat(townBefore).isEqualTo(county.get("/api/v1/members/as-of?size=1&orgId=" + townshipId + "&date=" + before)
                .at("/members/total").asLong());
        // before the member joined the Party they are on no roster
        assertThat(asOf(a, LocalDate.of(2011, 1, 1)).ids()).containsExactly(stays);
    }

    @Test
    void membersOfAMergedBranchCountInTheSourceBeforeTheMergeDate() {
        long source = branch("合并前支部");
        long target = branch("合并后支部");
        long m1 = LifecycleFixtures.newMember(county, source, "赵随迁", "FULL", "2015-07-01");
        long m2 = LifecycleFixtures.newMember(county, source, "吴随迁", "FULL", "2016-07-01");
        long t1 = LifecycleFixtures.newMember(county, target, "郑本支", "FULL", "2014-07-01");
        LocalDate mergedOn = today.minusDays(10);
        Api.Response merged = county.post("/api/v1/orgs/" + source + "/merge", "{\"targetId\":" + target
                + ",\"reason\":\"村庄合并\",\"effectiveOn\":\"" + mergedOn + "\"}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(timeline(m1)).contains("MOVED");

        assertThat(asOf(source, mergedOn.minusDays(1)).ids()).containsExactlyInAnyOrder(m1, m2);
        assertThat(asOf(source, mergedOn).ids()).isEmpty();
        assertThat(asOf(target, mergedOn.minusDays(1)).ids()).containsExactly(t1);
        AsOf targetNow = asOf(target, today);
        assertThat(targetNow.ids()).containsExactlyInAnyOrder(t1, m1, m2);
        assertThat(targetNow.total()).isEqualTo(3);
        // the current roster agrees with the as-of roster of today
        assertThat(county.get("/api/v1/members?size=200&orgId=" + target).at("/total").asLong()).isEqualTo(3);
    }
}
