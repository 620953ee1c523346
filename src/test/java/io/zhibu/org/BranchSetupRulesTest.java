package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.org.BranchSetupRules.Action;
import io.zhibu.org.BranchSetupRules.Status;
import io.zhibu.shared.ConflictException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R1.1 成立党支部: reply within one month; R1.2 threshold; the request state machine. */
class BranchSetupRulesTest {
    @Test
    void r1_1_replyWithinOneCalendarMonth() {
        assertThat(BranchSetupRules.replyDue(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(BranchSetupRules.replyDue(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 4, 10));
        LocalDate due = LocalDate.of(2026, 4, 10);
        assertThat(BranchSetupRules.replyOverdue(Status.SUBMITTED, due, due)).isFalse();
        assertThat(BranchSetupRules.replyOverdue(Status.SUBMITTED, due, due.plusDays(1))).isTrue();
        assertThat(BranchSetupRules.replyOverdue(Status.APPROVED, due, due.plusDays(1))).isFalse();
    }

    @Test
    void r1_2_branchNeedsThreeFullMembers_jointBranchDoesNot() {
        assertThat(BranchSetupRules.meetsThreshold(OrgType.BRANCH, 2)).isFalse();
        assertThat(BranchSetupRules.meetsThreshold(OrgType.BRANCH, 3)).isTrue();
        assertThat(BranchSetupRules.meetsThreshold(OrgType.JOINT_BRANCH, 1)).isTrue();
        assertThat(BranchSetupRules.applies(OrgType.BRANCH)).isTrue();
        assertThat(BranchSetupRules.applies(OrgType.TEMPORARY_BRANCH)).isTrue();
        assertThat(BranchSetupRules.applies(OrgType.COMMITTEE)).isFalse();
        assertThat(BranchSetupRules.applies(null)).isFalse();
    }

    @Test
    void stateMachine_submittedIsDecidedOnce() {
        assertThat(BranchSetupRules.next(Status.SUBMITTED, Action.APPROVE)).isEqualTo(Status.APPROVED);
        assertThat(BranchSetupRules.next(Status.SUBMITTED, Action.REJECT)).isEqualTo(Status.REJECTED);
        assertThat(BranchSetupRules.next(Status.SUBMITTED, Action.WITHDRAW)).isEqualTo(Status.WITHDRAWN);
        for (Status decided : new Status[] {Status.APPROVED, Status.REJECTED, Status.WITHDRAWN}) {
            for (Action a : Action.values()) {
                assertThatThrownBy(() -> BranchSetupRules.next(decided, a)).isInstanceOf(ConflictException.class);
            }
        }
    }
}
