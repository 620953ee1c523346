package io.zhibu.dues;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.LEARNING_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.member.MemberLifecycle;
import io.zhibu.member.MemberStanding;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The modules' copies of the roster (dues accounts, study members; {@code shared.db.RosterCopy}) follow the member
 * module: a member moved to another branch and a branch merged into another land in the new branch with its path.
 */
class RosterCopiesFollowMovesTest extends IntegrationTest {
    @Autowired
    DSLContext db;
    @Autowired
    MemberLifecycle lifecycle;

    private long branch(Api county, long parentId, String name) {
        Api.Response r = county.post("/api/v1/orgs", "{\"parentId\":" + parentId + ",\"name\":" + Api.quote(name + System.nanoTime())
                + ",\"type\":\"JOINT_BRANCH\",\"domain\":\"RURAL\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private long member(Api county, long branchId, String name) {
        Api.Response r = county.post("/api/v1/members", "{\"orgId\":" + branchId + ",\"name\":" + Api.quote(name)
                + ",\"idNumber\":\"" + TestIds.fresh(true) + "\",\"ethnicity\":\"01\",\"category\":\"FULL\""
                + ",\"joinedOn\":\"2015-07-01\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private String path(Api county, long orgId) {
        return county.get("/api/v1/orgs/" + orgId).at("/path").asText();
    }

    private void assertCopiesIn(List<Long> members, long orgId, String orgPath) {
        for (long m : members) {
            var a = db.selectFrom(DUES_ACCOUNT).where(DUES_ACCOUNT.MEMBER_ID.eq(m)).fetchOne();
            var l = db.selectFrom(LEARNING_MEMBER).where(LEARNING_MEMBER.MEMBER_ID.eq(m)).fetchOne();
            assertThat(a.getOrgId()).as("dues account of %d", m).isEqualTo(orgId);
            assertThat(a.getOrgPath()).isEqualTo(orgPath);
            assertThat(a.getStanding()).isEqualTo(MemberStanding.NORMAL);
            assertThat(l.getOrgId()).as("study member %d", m).isEqualTo(orgId);
            assertThat(l.getOrgPath()).isEqualTo(orgPath);
        }
    }

    @Test
    void aMovedMemberAndAMergedBranchCarryTheirCopiesAlong() {
        Api county = as("county");
        long township = as("township").get("/api/v1/me").at("/orgId").asLong();
        long source = branch(county, township, "合并前支部");
        long target = branch(county, township, "合并后支部");
        long other = branch(county, township, "转入支部");
        long m1 = member(county, source, "赵随迁");
        long m2 = member(county, source, "吴随迁");
        String sourcePath = path(county, source);
        assertThat(sourcePath).isNotBlank();
        assertCopiesIn(List.of(m1, m2), source, sourcePath);

        lifecycle.completeTransfer(new DataScope(1L, "admin", Role.ADMIN, null, "", null, null), m2, other, "工作调动");
        assertCopiesIn(List.of(m1), source, sourcePath);
        assertCopiesIn(List.of(m2), other, path(county, other));

        Api.Response merged = county.post("/api/v1/orgs/" + source + "/merge", "{\"targetId\":" + target
                + ",\"reason\":\"村庄合并\",\"effectiveOn\":\"" + java.time.LocalDate.now().minusDays(1) + "\"}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertCopiesIn(List.of(m1), target, path(county, target));
    }
}
