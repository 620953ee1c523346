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

    public record RoundSummary(long id, long orgId, int year, RoundStatus status, int members) {
    }

    /**
     * One member's entry. Anonymous counts are shown to the secretary only; a member sees the grade and feedback of
     * their own entry once decided. {@code peerComments} is filled for the secretary.
     */
    public record Entry(long memberId, String name, boolean probationary, String selfText, int peerCount,
                        Map<Grade, Integer> anonymous, Grade grade, String feedback, List<String> peerComments) {
    }

    public record RoundView(long id, long orgId, int year, RoundStatus status, int ballots, int excellentCap,
                            boolean votedByMe, List<Entry> entries) {
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
