package io.zhibu.meeting;

import io.zhibu.meeting.EvaluationRules.Grade;
import java.util.List;
import java.util.Map;

/** 民主评议党员 records (R8.1): self-evaluation, peer comments, anonymous assessment, decision, feedback. */
public final class EvaluationRecords {
    private EvaluationRecords() {
    }

    public enum RoundStatus {
        OPEN, DECIDED
    }

    public record OpenRound(Long orgId, Integer year) {
    }

    /** One round in a list; {@code orgName} so that a county's list says whose round it is. */
    public record RoundSummary(long id, long orgId, String orgName, int year, RoundStatus status, int members) {
    }

    /**
     * One member's entry. Anonymous counts are shown to the secretary only; a member sees the grade and feedback of
     * their own entry once decided. {@code peerComments} is filled for the secretary. {@code pointsReference}: the
     * member's year points and stars (积分定星) as reference input for the committee (and the member's own), never a
     * grade; null when the points module is absent or does not know the member.
     */
    public record Entry(long memberId, String name, boolean probationary, String selfText, int peerCount,
                        Map<Grade, Integer> anonymous, Grade grade, String feedback, List<String> peerComments,
                        EvaluationInputs.PointsReference pointsReference) {
    }

    /**
     * One round. {@code pointsAreReferenceOnly} is always true: points and stars in the entries are an input to the
     * committee's judgement (§8.4), the grades are only those the committee decided.
     */
    public record RoundView(long id, long orgId, int year, RoundStatus status, int ballots, int excellentCap,
                            boolean votedByMe, List<Entry> entries, boolean pointsAreReferenceOnly) {
    }

    public record SelfEvaluation(String text) {
    }

    public record PeerComment(Long toMemberId, String text) {
    }

    /** An anonymous ballot: a grade per member; who voted is kept apart from the grades. */
    public record Ballot(Map<Long, Grade> grades) {
    }

    /** The committee's decision: a grade for every full member, optional feedback per member. */
    public record Decision(Map<Long, Grade> grades, Map<Long, String> feedback) {
    }
}
