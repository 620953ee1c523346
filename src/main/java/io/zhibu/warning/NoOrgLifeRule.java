package io.zhibu.warning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * R3.4 / R4.6 (党章 art.9) 不参加组织生活: a member who was expected at the branch's meetings but has taken part in none
 * (present, or a completed make-up study 补学) for {@code alert} months gets an alert [L]; after {@code review} (6)
 * consecutive months the 自行脱党 review is due [N] — a person decides, the platform only prompts. The dues clock of the
 * same rule is {@link DuesArrearsRule}; "no Party work assigned" has no record in the platform.
 */
public final class NoOrgLifeRule {
    private NoOrgLifeRule() {
    }

    /**
     * @param lastTookPart the day of the last meeting the member attended or made up (null: never)
     * @param expectedSince the first meeting the member was expected at (the clock cannot start before it)
     */
    public static String level(LocalDate lastTookPart, LocalDate expectedSince, LocalDate today, RuleSettings s) {
        LocalDate since = lastTookPart != null ? lastTookPart : expectedSince;
        if (since == null) {
            return null;
        }
        long months = monthsWithout(since, today);
        if (months >= s.threshold("review")) {
            return "REVIEW";
        }
        return months >= s.threshold("alert") ? "ALERT" : null;
    }

    /** Whole calendar months from {@code since} to {@code today} (R2.4 calendar arithmetic). */
    public static long monthsWithout(LocalDate since, LocalDate today) {
        return Math.max(0, ChronoUnit.MONTHS.between(since, today));
    }
}
