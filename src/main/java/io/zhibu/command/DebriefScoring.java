package io.zhibu.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rule D1 (述职评议考核, issue 17 point 7; weights and points [L], see {@link DebriefProperties}): each evaluator
 * kind's score is the mean of its evaluators' grade points; the secretary's score is the sum of kind score × kind
 * weight over the kinds that graded, divided by the weights of those kinds (a kind with no grades does not pull the
 * score to zero); the overall grade is the best grade whose threshold the score reaches. Weights must be ≥ 0 and sum
 * to 1; no grades at all → no result.
 */
public final class DebriefScoring {
    private final DebriefProperties p;

    public DebriefScoring(DebriefProperties p) {
        BigDecimal sum = BigDecimal.ZERO;
        for (EvaluatorKind k : EvaluatorKind.values()) {
            BigDecimal w = p.weights().get(k);
            if (w == null || w.signum() < 0) {
                throw new IllegalArgumentException("debrief weight of " + k + " missing or negative");
            }
            sum = sum.add(w);
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("debrief weights must sum to 1, not " + sum);
        }
        for (DebriefGrade g : DebriefGrade.values()) {
            if (p.points().get(g) == null || p.thresholds().get(g) == null) {
                throw new IllegalArgumentException("debrief points and thresholds need every grade: " + g);
            }
        }
        this.p = p;
    }

    /** One evaluator's grade. */
    public record Vote(EvaluatorKind kind, DebriefGrade grade) {
    }

    /** The weighted score (two decimals) and the overall grade. */
    public record Result(BigDecimal score, DebriefGrade grade, int votes) {
    }

    /** The result of these votes, or null when nobody has graded yet. */
    public Result score(Collection<Vote> votes) {
        if (votes == null || votes.isEmpty()) {
            return null;
        }
        Map<EvaluatorKind, BigDecimal> sums = new EnumMap<>(EvaluatorKind.class);
        Map<EvaluatorKind, Integer> counts = new EnumMap<>(EvaluatorKind.class);
        for (Vote v : votes) {
            sums.merge(v.kind(), p.points().get(v.grade()), BigDecimal::add);
            counts.merge(v.kind(), 1, Integer::sum);
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (var e : sums.entrySet()) {
            BigDecimal w = p.weights().get(e.getKey());
            BigDecimal mean = e.getValue().divide(BigDecimal.valueOf(counts.get(e.getKey())), 10, RoundingMode.HALF_UP);
            weighted = weighted.add(mean.multiply(w));
            weights = weights.add(w);
        }
        if (weights.signum() == 0) {
            return null; // only kinds weighted 0 graded
        }
        BigDecimal score = weighted.divide(weights, 2, RoundingMode.HALF_UP);
        return new Result(score, grade(score), votes.size());
    }

    /** The best grade whose threshold {@code score} reaches (差 at worst). */
    public DebriefGrade grade(BigDecimal score) {
        for (DebriefGrade g : List.of(DebriefGrade.GOOD, DebriefGrade.FAIRLY_GOOD, DebriefGrade.AVERAGE)) {
            if (score.compareTo(p.thresholds().get(g)) >= 0) {
                return g;
            }
        }
        return DebriefGrade.POOR;
    }
}
