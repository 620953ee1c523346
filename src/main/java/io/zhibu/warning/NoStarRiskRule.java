package io.zhibu.warning;

import java.math.BigDecimal;

/**
 * R8.1 (rules.md §8.1) 无星风险 as warnings: any veto hit means no star whatever the score (VETO); a score below the
 * lowest star tier's minimum means no star (BELOW, e.g. 59.99 with the default 60; exactly 60 is a star); with the
 * {@code margin} threshold above 0, a score less than {@code margin} points above that minimum is heading there (NEAR).
 * The tiers themselves are the campaign's standard system's (the assessment module's arithmetic).
 */
public final class NoStarRiskRule {
    private NoStarRiskRule() {
    }

    /**
     * @param score         the branch's current total score
     * @param lowestTierMin the minimum score of the lowest star tier of the campaign's system (null: no tiers)
     * @param vetoHit       whether any veto item is hit
     */
    public static String level(BigDecimal score, BigDecimal lowestTierMin, boolean vetoHit, RuleSettings s) {
        if (vetoHit) {
            return "VETO";
        }
        if (score == null || lowestTierMin == null) {
            return null;
        }
        if (score.compareTo(lowestTierMin) < 0) {
            return "BELOW";
        }
        int margin = s.threshold("margin");
        return margin > 0 && score.compareTo(lowestTierMin.add(BigDecimal.valueOf(margin))) < 0 ? "NEAR" : null;
    }

    /** The score from which a branch is a candidate at all (lowest tier minimum + margin): a filter for the query. */
    public static BigDecimal candidateBelow(BigDecimal lowestTierMin, RuleSettings s) {
        return lowestTierMin.add(BigDecimal.valueOf(s.threshold("margin")));
    }
}
