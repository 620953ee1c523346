package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.meeting.MeetingRecords.VoteKind;
import io.zhibu.shared.VoteArithmetic.MajorityBase;
import org.junit.jupiter.api.Test;

/** R6.4 with the numbers of R1.11–R1.14 and R2.9. */
class VoteOutcomeTest {
    @Test
    void motionNeedsMoreThanHalfPresentAndMoreThanHalfOfTheDueVoting() {
        assertThat(VoteOutcome.of(VoteKind.MOTION, 10, 5, 5, 0, MajorityBase.DUE)).isEqualTo(new VoteOutcome(false, false));
        assertThat(VoteOutcome.of(VoteKind.MOTION, 10, 6, 5, 0, MajorityBase.DUE)).isEqualTo(new VoteOutcome(true, false));
        assertThat(VoteOutcome.of(VoteKind.MOTION, 10, 6, 6, 0, MajorityBase.DUE)).isEqualTo(new VoteOutcome(true, true));
    }

    @Test
    void admissionCountsWrittenOpinionsOfAbsentVoters() {
        assertThat(VoteOutcome.of(VoteKind.ADMISSION, 10, 6, 5, 0, MajorityBase.DUE)).isEqualTo(new VoteOutcome(true, false));
        assertThat(VoteOutcome.of(VoteKind.ADMISSION, 10, 6, 5, 1, MajorityBase.DUE)).isEqualTo(new VoteOutcome(true, true));
        assertThat(VoteOutcome.of(VoteKind.ADMISSION, 10, 5, 5, 3, MajorityBase.DUE).valid()).isFalse();
    }

    @Test
    void electionNeedsMoreThanFourFifthsPresent() {
        assertThat(VoteOutcome.of(VoteKind.ELECTION, 10, 8, 8, 0, MajorityBase.DUE).valid()).isFalse();
        assertThat(VoteOutcome.of(VoteKind.ELECTION, 10, 9, 5, 0, MajorityBase.DUE)).isEqualTo(new VoteOutcome(true, false));
        assertThat(VoteOutcome.of(VoteKind.ELECTION, 10, 9, 5, 0, MajorityBase.PRESENT)).isEqualTo(new VoteOutcome(true, true));
        assertThat(VoteOutcome.of(VoteKind.ELECTION, 10, 9, 6, 0, MajorityBase.DUE)).isEqualTo(new VoteOutcome(true, true));
    }
}
