package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.VoteArithmetic.MajorityBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VoteArithmeticTest {
    @Test
    @DisplayName("R1.11 election quorum: present*5 > due*4")
    void electionQuorum() {
        assertThat(VoteArithmetic.electionQuorum(50, 41)).isTrue();
        assertThat(VoteArithmetic.electionQuorum(50, 40)).isFalse(); // exactly 4/5 is not enough
        assertThat(VoteArithmetic.electionQuorum(7, 6)).isTrue();
        assertThat(VoteArithmetic.electionQuorum(5, 4)).isFalse();
    }

    @Test
    @DisplayName("R1.12 candidates >= ceil(seats*1.2)")
    void candidates() {
        assertThat(VoteArithmetic.minimumCandidates(5)).isEqualTo(6);
        assertThat(VoteArithmetic.minimumCandidates(3)).isEqualTo(4);
        assertThat(VoteArithmetic.minimumCandidates(7)).isEqualTo(9);
        assertThat(VoteArithmetic.enoughCandidates(5, 6)).isTrue();
        assertThat(VoteArithmetic.enoughCandidates(5, 5)).isFalse();
        assertThat(VoteArithmetic.enoughCandidates(3, 3)).isFalse();
        assertThat(VoteArithmetic.enoughCandidates(7, 8)).isFalse();
        assertThat(VoteArithmetic.enoughCandidates(7, 9)).isTrue();
    }

    @Test
    @DisplayName("R1.13 elected with more than half of the configured denominator")
    void elected() {
        assertThat(VoteArithmetic.elected(26, 50, 45, MajorityBase.DUE)).isTrue();
        assertThat(VoteArithmetic.elected(25, 50, 45, MajorityBase.DUE)).isFalse();
        assertThat(VoteArithmetic.elected(23, 50, 45, MajorityBase.PRESENT)).isTrue();
        assertThat(VoteArithmetic.elected(22, 50, 45, MajorityBase.PRESENT)).isFalse();
        assertThat(VoteArithmetic.ballotRoundValid(45, 45)).isTrue();
        assertThat(VoteArithmetic.ballotRoundValid(45, 46)).isFalse();
    }

    @Test
    @DisplayName("R1.14 ordinary meeting quorum and motion")
    void ordinaryMeeting() {
        assertThat(VoteArithmetic.meetingQuorum(20, 11)).isTrue();
        assertThat(VoteArithmetic.meetingQuorum(20, 10)).isFalse();
        assertThat(VoteArithmetic.motionPasses(20, 11)).isTrue();
        assertThat(VoteArithmetic.motionPasses(20, 10)).isFalse();
    }

    @Test
    @DisplayName("R2.9 admission vote counts written opinions of absent voters")
    void admission() {
        assertThat(VoteArithmetic.admissionQuorum(9, 5)).isTrue();
        assertThat(VoteArithmetic.admissionQuorum(9, 4)).isFalse();
        assertThat(VoteArithmetic.admissionPasses(9, 4, 1)).isTrue();
        assertThat(VoteArithmetic.admissionPasses(9, 4, 0)).isFalse();
        assertThat(VoteArithmetic.countsConsistent(9, 6, 4, 1, 1)).isTrue();
        assertThat(VoteArithmetic.countsConsistent(9, 6, 5, 1, 1)).isFalse();
        assertThat(VoteArithmetic.countsConsistent(9, 10, 5, 0, 0)).isFalse();
    }
}
