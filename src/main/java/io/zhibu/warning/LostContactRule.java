package io.zhibu.warning;

import io.zhibu.shared.PartyCalendar;
import java.time.LocalDate;

/**
 * R3.4 失联 clock: alert 3 months after the lost-contact date [L]; at 6 months prompt the 停止党籍 procedure [N];
 * 2 years after the suspension, still without contact, prompt 除名 [N]. Calendar months (R2.4).
 */
public final class LostContactRule {
    private LostContactRule() {
    }

    /**
     * ALERT / SUSPEND_DUE for a member in normal standing who lost contact on {@code lostOn}; EXPEL_DUE for a
     * suspended member ({@code suspendedOn} not null); null when no clock has run out yet.
     */
    public static String level(LocalDate lostOn, LocalDate suspendedOn, LocalDate today, RuleSettings s) {
        if (suspendedOn != null) {
            return today.isBefore(PartyCalendar.plusMonths(suspendedOn, s.threshold("expel"))) ? null : "EXPEL_DUE";
        }
        if (lostOn == null) {
            return null;
        }
        if (!today.isBefore(PartyCalendar.plusMonths(lostOn, s.threshold("suspend")))) {
            return "SUSPEND_DUE";
        }
        return today.isBefore(PartyCalendar.plusMonths(lostOn, s.threshold("alert"))) ? null : "ALERT";
    }

    /** The date the next step is due (the deadline shown with the warning). */
    public static LocalDate dueOn(LocalDate lostOn, LocalDate suspendedOn, RuleSettings s) {
        return suspendedOn != null ? PartyCalendar.plusMonths(suspendedOn, s.threshold("expel"))
                : PartyCalendar.plusMonths(lostOn, s.threshold("suspend"));
    }

    /** Prefilter for set-based queries: lost-contact dates on or before this may have reached the alert. */
    public static LocalDate lostBy(LocalDate today, RuleSettings s) {
        return PartyCalendar.plusMonths(today, -s.threshold("alert")).plusDays(3);
    }

    public static LocalDate suspendedBy(LocalDate today, RuleSettings s) {
        return PartyCalendar.plusMonths(today, -s.threshold("expel")).plusDays(3);
    }
}
