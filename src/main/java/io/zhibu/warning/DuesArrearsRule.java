package io.zhibu.warning;

/**
 * R5.6 党费欠缴 (and the dues clock of R3.4): after 3 unpaid months a reminder and talk [L]; after 6 consecutive
 * unpaid months the 自行脱党 review [N], which a person decides. Months = issued monthly bills after the paid-up-to month.
 */
public final class DuesArrearsRule {
    private DuesArrearsRule() {
    }

    public static String level(int unpaidMonths, RuleSettings s) {
        if (unpaidMonths >= s.threshold("review")) {
            return "REVIEW";
        }
        return unpaidMonths >= s.threshold("reminder") ? "REMINDER" : null;
    }
}
