package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberForm;
import io.zhibu.member.MemberService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bulk seeding (benchmark data): a tree level by level, then members, as if created one by one; refusals write nothing. */
class OrgSeedTest extends IntegrationTest {
    private static final DataScope ADMIN = new DataScope(0, "admin", Role.ADMIN, null, "", null, null);

    @Autowired
    OrgService orgs;
    @Autowired
    MemberService members;

    private static OrgCommands.CreateOrg create(Long parent, String name, OrgType type, String code) {
        return new OrgCommands.CreateOrg(parent, name, type, OrgDomain.RURAL, code, "410821", null, null,
                LocalDate.of(2001, 7, 1), "王书记", LocalDate.of(2024, 3, 1), List.of(), true);
    }

    @Test
    void seededTreeAndMembersLookCreatedOneByOne() {
        Api admin = as("admin");
        DemoFacts facts = DemoFacts.discover(admin, as("secretary"), as("township"));
        String township = admin.get("/api/v1/orgs/" + facts.townshipId()).at("/path").asText();
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L);

        List<Long> level1 = orgs.seed(ADMIN, List.of(create(facts.townshipId(), "中共种子总支委员会" + tag,
                OrgType.GENERAL_BRANCH, "S1" + tag)));
        List<Long> level2 = orgs.seed(ADMIN, List.of(
                create(level1.getFirst(), "中共种子第一支部委员会" + tag, OrgType.BRANCH, "S2" + tag),
                create(level1.getFirst(), "中共种子第二支部委员会" + tag, OrgType.BRANCH, "S3" + tag)));
        assertThat(level2).hasSize(2).doesNotContainNull();

        Api.Response general = admin.get("/api/v1/orgs/" + level1.getFirst());
        assertThat(general.at("/path").asText()).startsWith(township).hasSize(township.length() + 8);
        Api.Response branch = admin.get("/api/v1/orgs/" + level2.get(1));
        assertThat(branch.at("/path").asText()).startsWith(general.at("/path").asText());
        assertThat(branch.at("/depth").asInt()).isEqualTo(general.at("/depth").asInt() + 1);
        assertThat(branch.at("/code").asText()).isEqualTo("S3" + tag);
        assertThat(admin.get("/api/v1/orgs/" + level1.getFirst() + "/children").body())
                .contains("中共种子第一支部委员会" + tag, "中共种子第二支部委员会" + tag);
        assertThat(admin.get("/api/v1/orgs/" + level2.get(1) + "/history").body()).contains("CREATED");

        int seeded = members.seed(ADMIN, List.of(form(level2.getFirst(), "种子甲"), form(level2.getFirst(), "种子乙"),
                form(level2.get(1), "种子丙")));
        assertThat(seeded).isEqualTo(3);
        Api.Response roster = admin.get("/api/v1/members?orgId=" + level2.getFirst());
        assertThat(roster.status()).isEqualTo(200);
        assertThat(roster.body()).contains("种子甲", "种子乙").doesNotContain("种子丙");
    }

    @Test
    void anUnknownParentOrANonAdminWritesNothing() {
        Api admin = as("admin");
        DemoFacts facts = DemoFacts.discover(admin, as("secretary"), as("township"));
        int before = admin.get("/api/v1/orgs/" + facts.townshipId() + "/children").body().length();
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
        assertThatThrownBy(() -> orgs.seed(ADMIN, List.of(
                create(facts.townshipId(), "中共种子好支部委员会" + tag, OrgType.BRANCH, "S4" + tag),
                create(987_654_321L, "中共种子坏支部委员会" + tag, OrgType.BRANCH, "S5" + tag))))
                .isInstanceOf(InvalidInputException.class);
        DataScope secretary = new DataScope(0, "secretary", Role.BRANCH_SECRETARY, facts.ownBranchId(),
                facts.ownBranchPath(), null, null);
        assertThatThrownBy(() -> orgs.seed(secretary, List.of(
                create(facts.townshipId(), "中共种子越权支部委员会" + tag, OrgType.BRANCH, "S6" + tag))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(admin.get("/api/v1/orgs/" + facts.townshipId() + "/children").body()).hasSize(before)
                .doesNotContain("中共种子好支部委员会" + tag);
    }

    private static MemberForm form(long orgId, String name) {
        return new MemberForm(orgId, name, TestIds.fresh(true), null, null, "01", null, null, null, null, null,
                MemberCategory.FULL, LocalDate.of(2010, 7, 1), null, 0, false, null, false, null, null);
    }
}
