package io.zhibu.warning;

import io.zhibu.shared.PartyCalendar;
import java.time.LocalDate;

/**
 * R1.8 换届提醒: from T-6 months a notice to the branch and the upper body, T-3 a warning, T-1 urgent, and after the
 * term's end (no approved deferral) the red "overdue" flag. Calendar months (R2.4): T-1 of 31 Mar is 28/29 Feb.
 */
public final class TermExpiryRule {
    private TermExpiryRule() {
    }

    /** T6 / T3 / T1 / OVERDUE, or null when the end is further away than the notice period. */
    public static String level(LocalDate endsOn, LocalDate today, RuleSettings s) {
        if (endsOn == null) {
            return null;
        }
        if (today.isAfter(endsOn)) {
            return "OVERDUE";
        }
        if (!today.isBefore(PartyCalendar.plusMonths(endsOn, -s.threshold("urgent")))) {
            return "T1";
        }
        if (!today.isBefore(PartyCalendar.plusMonths(endsOn, -s.threshold("warning")))) {
            return "T3";
        }
        if (!today.isBefore(PartyCalendar.plusMonths(endsOn, -s.threshold("notice")))) {
            return "T6";
        }
        return null;
    }

    /** Terms ending on or before this date can be in the notice period (a prefilter for set-based queries). */
    public static LocalDate endsBy(LocalDate today, RuleSettings s) {
        return PartyCalendar.plusMonths(today, s.threshold("notice")).plusDays(3);
    }
}
