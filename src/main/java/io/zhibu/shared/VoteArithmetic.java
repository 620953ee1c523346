package io.zhibu.shared;

import java.util.List;

/**
 * The one place of the voting arithmetic of rules.md §1.4 and R2.9. The platform computes validity and pass/fail
 * from the counts entered; the result a person records is stored beside it (R6.4) — never replaced by it.
 * All arithmetic is in {@code long}: 2,147,483,647 voters must neither overflow into "invalid" nor into "passed";
 * {@link #checkCounts} bounds the counts before any of it runs.
 */
public final class VoteArithmetic {
    /** More voters than any organisation has (a province's members): a sanity bound where no roll is known. */
    public static final long MAX_VOTERS = 10_000_000L;

    private VoteArithmetic() {
    }

    /** Denominator for an election majority (R1.13: sources disagree; default voters due, 应到会). */
    public enum MajorityBase {
        DUE, PRESENT
    }

    /** R1.11: an election meeting is valid only if voters present exceed 4/5 of voters due. */
    public static boolean electionQuorum(long votersDue, long votersPresent) {
        return votersPresent * 5 > votersDue * 4;
    }

    /** R1.12: committee-member candidates exceed seats by at least 20%: candidates ≥ ceil(seats × 1.2). */
    public static boolean enoughCandidates(long seats, long candidates) {
        return candidates * 5 >= seats * 6;
    }

    /** R1.12: the minimum number of candidates for a differential election. */
    public static long minimumCandidates(long seats) {
        return (seats * 6 + 4) / 5;
    }

    /** R1.13: elected with votes in favour of more than half of the chosen denominator. */
    public static boolean elected(long votesFor, long votersDue, long votersPresent, MajorityBase base) {
        return votesFor * 2 > (base == MajorityBase.DUE ? votersDue : votersPresent);
    }

    /** R1.13: a ballot round is valid only if ballots returned ≤ ballots issued. */
    public static boolean ballotRoundValid(long issued, long returned) {
        return returned <= issued;
    }

    /** R1.14: ordinary branch-meeting quorum: present with voting rights > ½ of those with voting rights. */
    public static boolean meetingQuorum(long votingMembers, long votingPresent) {
        return votingPresent * 2 > votingMembers;
    }

    /** R1.14: an ordinary motion passes with more than ½ of the voting members due (应到会). */
    public static boolean motionPasses(long votingMembers, long yes) {
        return yes * 2 > votingMembers;
    }

    /**
     * R2.9: admission or conversion vote (one candidate per vote). Valid if voting members present exceed half of
     * those due; passes if yes votes — counting written opinions of absent voting members — exceed half of the
     * full members with voting rights due.
     */
    public static boolean admissionQuorum(long votingDue, long votingPresent) {
        return votingPresent * 2 > votingDue;
    }

    public static boolean admissionPasses(long votingDue, long yesPresent, long yesWritten) {
        return (yesPresent + yesWritten) * 2 > votingDue;
    }

    /** Counts must be consistent: no more votes than voters, no negative numbers. */
    public static boolean countsConsistent(long due, long present, long yes, long no, long abstain) {
        return due >= 0 && present >= 0 && yes >= 0 && no >= 0 && abstain >= 0 && present <= due
                && yes + no + abstain <= present;
    }

    /** The field names of one set of counts, for the violations of {@link #checkCounts}. */
    public record Fields(String due, String present, String yes, String no, String abstain) {
    }

    /**
     * Bounds of entered counts, each refusal naming its field: none negative; due ≤ the voters on the roll
     * ({@code roll}, or {@link #MAX_VOTERS} when no roll is known); present ≤ due; yes + no + abstain ≤ present.
     * {@code null} counts are skipped (the caller reports them as required).
     */
    public static void checkCounts(Long roll, Integer due, Integer present, Integer yes, Integer no, Integer abstain,
                                   Fields f, List<Violation> errors) {
        int before = errors.size();
        negative(due, f.due(), errors);
        negative(present, f.present(), errors);
        negative(yes, f.yes(), errors);
        negative(no, f.no(), errors);
        negative(abstain, f.abstain(), errors);
        if (errors.size() > before) {
            return;
        }
        long max = roll == null ? MAX_VOTERS : roll;
        if (due != null && due > max) {
            errors.add(new Violation(f.due(), roll == null ? "vote.count.tooLarge" : "vote.count.overRoll", String.valueOf(max)));
            return;
        }
        if (due != null && present != null && present > due) {
            errors.add(new Violation(f.present(), "vote.count.presentOverDue", String.valueOf(due)));
            return;
        }
        if (present != null && yes != null && no != null && abstain != null
                && (long) yes + no + abstain > present) {
            errors.add(new Violation(f.yes(), "vote.count.votesOverPresent", String.valueOf((long) yes + no + abstain),
                    String.valueOf(present)));
        }
    }

    private static void negative(Integer v, String field, List<Violation> errors) {
        if (v != null && v < 0) {
            errors.add(new Violation(field, "validation.negative"));
        }
    }
}
