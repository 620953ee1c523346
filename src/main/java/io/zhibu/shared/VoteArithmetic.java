package io.zhibu.shared;

/**
 * The one place of the voting arithmetic of rules.md §1.4 and R2.9. The platform computes validity and pass/fail
 * from the counts entered; the result a person records is stored beside it (R6.4) — never replaced by it.
 */
public final class VoteArithmetic {
    private VoteArithmetic() {
    }

    /** Denominator for an election majority (R1.13: sources disagree; default voters due, 应到会). */
    public enum MajorityBase {
        DUE, PRESENT
    }

    /** R1.11: an election meeting is valid only if voters present exceed 4/5 of voters due. */
    public static boolean electionQuorum(int votersDue, int votersPresent) {
        return votersPresent * 5 > votersDue * 4;
    }

    /** R1.12: committee-member candidates exceed seats by at least 20%: candidates ≥ ceil(seats × 1.2). */
    public static boolean enoughCandidates(int seats, int candidates) {
        return candidates * 5 >= seats * 6;
    }

    /** R1.12: the minimum number of candidates for a differential election. */
    public static int minimumCandidates(int seats) {
        return (seats * 6 + 4) / 5;
    }

    /** R1.13: elected with votes in favour of more than half of the chosen denominator. */
    public static boolean elected(int votesFor, int votersDue, int votersPresent, MajorityBase base) {
        return votesFor * 2 > (base == MajorityBase.DUE ? votersDue : votersPresent);
    }

    /** R1.13: a ballot round is valid only if ballots returned ≤ ballots issued. */
    public static boolean ballotRoundValid(int issued, int returned) {
        return returned <= issued;
    }

    /** R1.14: ordinary branch-meeting quorum: present with voting rights > ½ of those with voting rights. */
    public static boolean meetingQuorum(int votingMembers, int votingPresent) {
        return votingPresent * 2 > votingMembers;
    }

    /** R1.14: an ordinary motion passes with more than ½ of the voting members due (应到会). */
    public static boolean motionPasses(int votingMembers, int yes) {
        return yes * 2 > votingMembers;
    }

    /**
     * R2.9: admission or conversion vote (one candidate per vote). Valid if voting members present exceed half of
     * those due; passes if yes votes — counting written opinions of absent voting members — exceed half of the
     * full members with voting rights due.
     */
    public static boolean admissionQuorum(int votingDue, int votingPresent) {
        return votingPresent * 2 > votingDue;
    }

    public static boolean admissionPasses(int votingDue, int yesPresent, int yesWritten) {
        return (yesPresent + yesWritten) * 2 > votingDue;
    }

    /** Counts must be consistent: no more votes than voters, no negative numbers. */
    public static boolean countsConsistent(int due, int present, int yes, int no, int abstain) {
        return due >= 0 && present >= 0 && yes >= 0 && no >= 0 && abstain >= 0 && present <= due
                && yes + no + abstain <= present;
    }
}
