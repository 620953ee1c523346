package io.zhibu.org;

import static io.zhibu.org.OrgType.BRANCH;
import static io.zhibu.org.OrgType.COMMITTEE;
import static io.zhibu.org.OrgType.GENERAL_BRANCH;
import static io.zhibu.org.OrgType.JOINT_BRANCH;
import static io.zhibu.org.OrgType.PARTY_GROUP;
import static io.zhibu.org.OrgType.TEMPORARY_BRANCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** §1.1 organization types and the allowed tree shape (R9.3 type enum). */
class OrgTypeTest {

    private static Set<OrgType> childrenOf(OrgType parent) {
        EnumSet<OrgType> s = EnumSet.noneOf(OrgType.class);
        for (OrgType t : OrgType.values()) {
            if (parent.canHaveChild(t)) {
                s.add(t);
            }
        }
        return s;
    }

    @Test
    @DisplayName("§1.1 committee holds committees, general branches and all branch kinds, not party groups")
    void committee() {
        assertThat(childrenOf(COMMITTEE))
                .containsExactlyInAnyOrder(COMMITTEE, GENERAL_BRANCH, BRANCH, JOINT_BRANCH, TEMPORARY_BRANCH);
    }

    @Test
    @DisplayName("§1.1 general branch holds branch kinds only")
    void generalBranch() {
        assertThat(childrenOf(GENERAL_BRANCH)).containsExactlyInAnyOrder(BRANCH, JOINT_BRANCH, TEMPORARY_BRANCH);
    }

    @ParameterizedTest(name = "§1.1 {0} holds party groups only")
    @EnumSource(value = OrgType.class, names = {"BRANCH", "JOINT_BRANCH", "TEMPORARY_BRANCH"})
    void branches(OrgType branch) {
        assertThat(childrenOf(branch)).containsExactly(PARTY_GROUP);
        assertThat(branch.holdsMembers()).isTrue();
    }

    @Test
    @DisplayName("§1.1 party group is a leaf and holds no membership relation")
    void partyGroup() {
        assertThat(childrenOf(PARTY_GROUP)).isEmpty();
        assertThat(PARTY_GROUP.holdsMembers()).isFalse();
        assertThat(COMMITTEE.holdsMembers()).isFalse();
        assertThat(GENERAL_BRANCH.holdsMembers()).isFalse();
    }
}
