package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** §1.1 formation thresholds, R1.2 (≥3 full members / ≤50), R1.3 (≥7 full → branch committee). */
class OrgFormationRulesTest {

    private static MemberCounts counts(long total, long full) {
        return new MemberCounts(total, full, total - full);
    }

    @Test
    @DisplayName("R1.2 thresholds as constants")
    void constants() {
        assertThat(OrgFormationRules.BRANCH_MIN_FULL_MEMBERS).isEqualTo(3);
        assertThat(OrgFormationRules.BRANCH_MAX_MEMBERS).isEqualTo(50);
        assertThat(OrgFormationRules.GENERAL_BRANCH_MIN).isEqualTo(50);
        assertThat(OrgFormationRules.COMMITTEE_MIN).isEqualTo(100);
        assertThat(OrgFormationRules.BRANCH_COMMITTEE_THRESHOLD).isEqualTo(7);
    }

    @Test
    @DisplayName("R1.2 an ordinary branch needs ≥3 full members; a joint branch does not")
    void canFormBranch() {
        assertThat(OrgFormationRules.canFormBranch(OrgType.BRANCH, 0)).isFalse();
        assertThat(OrgFormationRules.canFormBranch(OrgType.BRANCH, 2)).isFalse();
        assertThat(OrgFormationRules.canFormBranch(OrgType.BRANCH, 3)).isTrue();
        assertThat(OrgFormationRules.canFormBranch(OrgType.JOINT_BRANCH, 1)).isTrue();
        assertThat(OrgFormationRules.canFormBranch(OrgType.JOINT_BRANCH, 0)).isTrue();
    }

    @ParameterizedTest(name = "R1.2 the 3-full-member block applies to BRANCH only: {0}")
    @EnumSource(value = OrgType.class, names = "BRANCH", mode = EnumSource.Mode.EXCLUDE)
    void canFormOtherTypes(OrgType type) {
        assertThat(OrgFormationRules.canFormBranch(type, 0)).isTrue();
    }

    @Test
    @DisplayName("R1.2 branch with 2 full members (probationary do not count) is flagged below three")
    void branchBelowThree() {
        assertThat(OrgFormationRules.flags(OrgType.BRANCH, counts(2, 2), counts(2, 2)))
                .containsExactly("org.flag.branchBelowThree");
        assertThat(OrgFormationRules.flags(OrgType.BRANCH, counts(10, 2), counts(10, 2)))
                .containsExactly("org.flag.branchBelowThree");
        assertThat(OrgFormationRules.flags(OrgType.BRANCH, counts(3, 3), counts(3, 3))).isEmpty();
    }

    @Test
    @DisplayName("R1.2 branch over 50 members is flagged oversized; exactly 50 is not")
    void branchOversized() {
        assertThat(OrgFormationRules.flags(OrgType.BRANCH, counts(51, 5), counts(51, 5)))
                .containsExactly("org.flag.branchOversized");
        assertThat(OrgFormationRules.flags(OrgType.BRANCH, counts(50, 5), counts(50, 5))).isEmpty();
    }

    @Test
    @DisplayName("R1.3 branch with ≥7 full members needs a branch committee; 6 does not")
    void needsBranchCommittee() {
        assertThat(OrgFormationRules.flags(OrgType.BRANCH, counts(7, 7), counts(7, 7)))
                .containsExactly("org.flag.needsBranchCommittee");
        assertThat(OrgFormationRules.flags(OrgType.BRANCH, counts(12, 6), counts(12, 6))).isEmpty();
        assertThat(OrgFormationRules.flags(OrgType.BRANCH, counts(60, 40), counts(60, 40)))
                .containsExactlyInAnyOrder("org.flag.branchOversized", "org.flag.needsBranchCommittee");
    }

    @ParameterizedTest(name = "R1.2 joint/temporary branch: only the 50-member warning applies ({0})")
    @EnumSource(value = OrgType.class, names = {"JOINT_BRANCH", "TEMPORARY_BRANCH"})
    void jointAndTemporary(OrgType type) {
        assertThat(OrgFormationRules.flags(type, counts(2, 1), counts(2, 1))).isEmpty();
        assertThat(OrgFormationRules.flags(type, counts(50, 1), counts(50, 1))).isEmpty();
        assertThat(OrgFormationRules.flags(type, counts(51, 1), counts(51, 1)))
                .containsExactly("org.flag.branchOversized");
    }

    @Test
    @DisplayName("§1.1 general branch: <50 small, 50–99 normal, ≥100 large (subtree counts)")
    void generalBranch() {
        MemberCounts own = MemberCounts.ZERO;
        assertThat(OrgFormationRules.flags(OrgType.GENERAL_BRANCH, own, counts(49, 40)))
                .containsExactly("org.flag.generalBranchSmall");
        assertThat(OrgFormationRules.flags(OrgType.GENERAL_BRANCH, own, counts(50, 40))).isEmpty();
        assertThat(OrgFormationRules.flags(OrgType.GENERAL_BRANCH, own, counts(99, 90))).isEmpty();
        assertThat(OrgFormationRules.flags(OrgType.GENERAL_BRANCH, own, counts(100, 90)))
                .containsExactly("org.flag.generalBranchLarge");
        // own counts do not decide for a general branch
        assertThat(OrgFormationRules.flags(OrgType.GENERAL_BRANCH, counts(200, 200), counts(60, 60))).isEmpty();
    }

    @Test
    @DisplayName("§1.1 committee: <100 subtree members small, ≥100 fine")
    void committee() {
        assertThat(OrgFormationRules.flags(OrgType.COMMITTEE, MemberCounts.ZERO, counts(99, 99)))
                .containsExactly("org.flag.committeeSmall");
        assertThat(OrgFormationRules.flags(OrgType.COMMITTEE, MemberCounts.ZERO, counts(100, 10))).isEmpty();
    }

    @Test
    @DisplayName("§1.1 party group has no numeric threshold")
    void partyGroup() {
        assertThat(OrgFormationRules.flags(OrgType.PARTY_GROUP, MemberCounts.ZERO, MemberCounts.ZERO)).isEmpty();
        assertThat(OrgFormationRules.flags(OrgType.PARTY_GROUP, counts(80, 80), counts(80, 80))).isEmpty();
    }
}
