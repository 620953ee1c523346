package io.zhibu.warning;

import java.time.LocalDate;

/**
 * R1.4 (支部工作条例): a branch secretary should normally have ≥1 year of 党龄, counted from the day the member became
 * a full member (R2.10, never the approval date). A probationary member (no full-member date) is short by definition.
 * Only a warning: the superior organization may have approved an exception.
 */
public final class SecretaryTenureRule {
    private SecretaryTenureRule() {
    }

    /** "SHORT" when the secretary's 党龄 is under {@code years} on {@code today}, else null. */
    public static String level(LocalDate fullMemberOn, LocalDate today, RuleSettings s) {
        if (fullMemberOn == null) {
            return "SHORT";
        }
        return fullMemberOn.plusYears(s.threshold("years")).isAfter(today) ? "SHORT" : null;
    }

    /** The day the secretary reaches the required 党龄 (null for a probationary member). */
    public static LocalDate dueOn(LocalDate fullMemberOn, RuleSettings s) {
        return fullMemberOn == null ? null : fullMemberOn.plusYears(s.threshold("years"));
    }
}
