package io.zhibu.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 软弱涣散 candidates (rules.md §8.2): the signals that put a branch on the list for a person to consider. A signal
 * never designates a branch by itself; the superior designates with a reason. Local refinements used: no star (or
 * any veto) in the assessment, secretary post vacant for more than 3 months, last place of the campaign, member and
 * public satisfaction below 60%.
 */
public final class WeakLaxRules {
    /** R8.2: 书记长期缺职 — vacant for more than this many months. */
    public static final int SECRETARY_VACANT_MONTHS = 3;
    /** R8.1/R8.2: satisfaction below this percentage. */
    public static final BigDecimal SATISFACTION_MIN = new BigDecimal("60");

    private WeakLaxRules() {
    }

    /** Why a branch is a candidate. */
    public enum Signal {
        /** No star in the assessment (below the lowest tier or vetoed). */
        NO_STAR,
        /** At least one veto item hit. */
        VETO,
        /** Secretary post vacant for more than 3 months. */
        SECRETARY_VACANT,
        /** Last place of the campaign (among more than one branch). */
        LAST_PLACE,
        /** Satisfaction of the latest three-rate survey below 60%. */
        LOW_SATISFACTION
    }

    /**
     * What the module knows of one branch. {@code stars}/{@code rank} null when the branch has no result;
     * {@code lastRank} the campaign's worst rank; {@code satisfaction} null without a survey answer.
     */
    public record BranchSignals(Integer stars, boolean vetoHit, Integer rank, Integer lastRank, int campaignSize,
                                int secretaryVacantMonths, BigDecimal satisfaction) {
    }

    public static List<Signal> signals(BranchSignals b) {
        List<Signal> out = new ArrayList<>();
        if (b.stars() != null && b.stars() == 0) {
            out.add(Signal.NO_STAR);
        }
        if (b.vetoHit()) {
            out.add(Signal.VETO);
        }
        if (b.secretaryVacantMonths() > SECRETARY_VACANT_MONTHS) {
            out.add(Signal.SECRETARY_VACANT);
        }
        if (b.rank() != null && b.lastRank() != null && b.campaignSize() > 1 && b.rank().equals(b.lastRank())) {
            out.add(Signal.LAST_PLACE);
        }
        if (b.satisfaction() != null && b.satisfaction().compareTo(SATISFACTION_MIN) < 0) {
            out.add(Signal.LOW_SATISFACTION);
        }
        return out;
    }

    /**
     * rules.md §8.1 ("no star → candidate 软弱涣散, rectified next year") and Qingshen (seed 004: "不定星级，直接确定为
     * 软弱涣散党组织，次年进行集中整顿"): a designation from an assessment is rectified in the year after the assessed
     * year; one made during a year without an assessment (e.g. the secretary's long vacancy) is rectified that year.
     */
    public static int defaultRectifyYear(int assessYear, boolean fromAssessment) {
        return fromAssessment ? assessYear + 1 : assessYear;
    }

    /** §8.2: the 集中整顿 falls in the assessed year itself or the year after it, never earlier, never later. */
    public static boolean validRectifyYear(int assessYear, int rectifyYear) {
        return rectifyYear == assessYear || rectifyYear == assessYear + 1;
    }
}
