package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R1.3 (committee only from 7 full members) and §1.1 (a joint branch covers ≤5 units) against their numbers. */
class CommitteeRulesTest {

    @Test
    @DisplayName("R1.3 a branch with fewer than 7 full members has a secretary and no committee: complete with a secretary alone")
    void smallBranchNeedsOnlyASecretary() {
        for (long full = 0; full < 7; full++) {
            assertThat(OrgFormationRules.committeeComplete(full, true, false, false)).as("%d full members", full).isTrue();
            assertThat(OrgFormationRules.committeeComplete(full, false, true, true)).as("no secretary").isFalse();
            assertThat(OrgFormationRules.needsCommittee(full)).isFalse();
        }
    }

    @Test
    @DisplayName("R1.3 from 7 full members a 支部委员会 is required: secretary, organization and propaganda members")
    void largeBranchNeedsTheCommittee() {
        assertThat(OrgFormationRules.needsCommittee(7)).isTrue();
        assertThat(OrgFormationRules.committeeComplete(7, true, false, false)).isFalse();
        assertThat(OrgFormationRules.committeeComplete(7, true, true, false)).isFalse();
        assertThat(OrgFormationRules.committeeComplete(7, true, true, true)).isTrue();
        assertThat(OrgFormationRules.committeeComplete(30, false, true, true)).isFalse();
    }

    @Test
    @DisplayName("§1.1 a 联合党支部 covers at most 5 units; other branch types are not limited")
    void jointBranchUnits() {
        assertThat(OrgFormationRules.JOINT_BRANCH_MAX_UNITS).isEqualTo(5);
        assertThat(OrgFormationRules.hostUnitCount("甲公司、乙公司，丙公司,丁公司；戊公司")).isEqualTo(5);
        assertThat(OrgFormationRules.jointBranchUnitsOk(OrgType.JOINT_BRANCH, "甲公司、乙公司，丙公司,丁公司；戊公司")).isTrue();
        assertThat(OrgFormationRules.jointBranchUnitsOk(OrgType.JOINT_BRANCH, "甲、乙、丙、丁、戊、己")).isFalse();
        assertThat(OrgFormationRules.jointBranchUnitsOk(OrgType.BRANCH, "甲、乙、丙、丁、戊、己")).isTrue();
        assertThat(OrgFormationRules.jointBranchUnitsOk(OrgType.JOINT_BRANCH, null)).isTrue();
        assertThat(OrgFormationRules.hostUnitCount(" 、 ")).isZero();
    }
}
