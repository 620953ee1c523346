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

    @Test
    @DisplayName("Issue 19: counts near Integer.MAX_VALUE neither overflow into 'invalid' nor into 'not elected'")
    void noOverflow() {
        int max = Integer.MAX_VALUE;
        assertThat(VoteArithmetic.electionQuorum(max, max)).isTrue();
        assertThat(VoteArithmetic.meetingQuorum(max, max)).isTrue();
        assertThat(VoteArithmetic.motionPasses(max, max)).isTrue();
        assertThat(VoteArithmetic.admissionPasses(max, max, 0)).isTrue();
        assertThat(VoteArithmetic.elected(1_999_999_999, 2_000_000_000, 2_000_000_000, MajorityBase.DUE)).isTrue();
        assertThat(VoteArithmetic.countsConsistent(max, max, max, max, max)).isFalse(); // 3 × max > present
        assertThat(VoteArithmetic.enoughCandidates(max, max)).isFalse();
    }

    @Test
    @DisplayName("Bounds with field errors: negative, over the roll, present over due, votes over present")
    void checkCounts() {
        var f = new VoteArithmetic.Fields("due", "present", "yes", "no", "abstain");
        java.util.List<Violation> e = new java.util.ArrayList<>();
        VoteArithmetic.checkCounts(30L, 31, 20, 10, 5, 5, f, e);
        assertThat(e).extracting(Violation::field, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("due", "vote.count.overRoll"));
        e.clear();
        VoteArithmetic.checkCounts(30L, 30, 31, 0, 0, 0, f, e);
        assertThat(e).extracting(Violation::field).containsExactly("present");
        e.clear();
        VoteArithmetic.checkCounts(30L, 30, 20, 10, 6, 5, f, e);
        assertThat(e).extracting(Violation::field, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("yes", "vote.count.votesOverPresent"));
        e.clear();
        VoteArithmetic.checkCounts(null, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0, f, e);
        assertThat(e).extracting(Violation::code).containsExactly("vote.count.tooLarge");
        e.clear();
        VoteArithmetic.checkCounts(30L, 30, 20, -1, 0, 0, f, e);
        assertThat(e).extracting(Violation::field, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("yes", "validation.negative"));
        e.clear();
        VoteArithmetic.checkCounts(30L, 30, 20, 10, 5, 5, f, e);
        assertThat(e).isEmpty();
    }

    @Test
    @DisplayName("Counts at their bounds: zero counts and full attendance are consistent; one over is not")
    void countsAtTheirBounds() {
        assertThat(VoteArithmetic.countsConsistent(0, 0, 0, 0, 0)).isTrue();
        assertThat(VoteArithmetic.countsConsistent(9, 9, 9, 0, 0)).isTrue(); // full attendance, all yes
        assertThat(VoteArithmetic.countsConsistent(9, 9, 3, 3, 3)).isTrue();
        assertThat(VoteArithmetic.countsConsistent(-1, 0, 0, 0, 0)).isFalse();
        assertThat(VoteArithmetic.countsConsistent(9, -1, 0, 0, 0)).isFalse();
        assertThat(VoteArithmetic.countsConsistent(9, 5, -1, 0, 0)).isFalse();
        assertThat(VoteArithmetic.countsConsistent(9, 5, 0, -1, 0)).isFalse();
        assertThat(VoteArithmetic.countsConsistent(9, 5, 0, 0, -1)).isFalse();
        assertThat(VoteArithmetic.countsConsistent(9, 5, 0, 6, 0)).isFalse();
        assertThat(VoteArithmetic.countsConsistent(9, 5, 0, 0, 6)).isFalse();
    }

    @Test
    @DisplayName("Field errors name the negative count, whichever it is; bounds are inclusive")
    void checkCountsPerField() {
        var f = new VoteArithmetic.Fields("due", "present", "yes", "no", "abstain");
        java.util.List<Violation> e = new java.util.ArrayList<>();
        VoteArithmetic.checkCounts(30L, -1, 0, 0, 0, 0, f, e);
        assertThat(e).extracting(Violation::field).containsExactly("due");
        e.clear();
        VoteArithmetic.checkCounts(30L, 30, -1, 0, 0, 0, f, e);
        assertThat(e).extracting(Violation::field).containsExactly("present");
        e.clear();
        VoteArithmetic.checkCounts(30L, 30, 20, 0, -1, 0, f, e);
        assertThat(e).extracting(Violation::field).containsExactly("no");
        e.clear();
        VoteArithmetic.checkCounts(30L, 30, 20, 0, 0, -1, f, e);
        assertThat(e).extracting(Violation::field).containsExactly("abstain");
        e.clear();
        VoteArithmetic.checkCounts(30L, 30, 30, 10, 10, 10, f, e); // present = due, votes = present
        assertThat(e).isEmpty();
        VoteArithmetic.checkCounts(30L, 30, 20, 0, 21, 0, f, e); // "no" alone over present
        assertThat(e).extracting(Violation::code).containsExactly("vote.count.votesOverPresent");
        e.clear();
        VoteArithmetic.checkCounts(30L, 30, 20, 0, 0, 21, f, e); // "abstain" alone over present
        assertThat(e).extracting(Violation::code).containsExactly("vote.count.votesOverPresent");
    }
}
