package io.zhibu.warning;

import java.time.LocalDate;

/**
 * R2.12 发展党员时限 as warnings: due soon from {@code lead} days before the due date, overdue the day after it, and
 * past the latest date (e.g. step 17 approval: 3 months, special cases at most 6) the red flag.
 */
public final class DevDeadlineRule {
    private DevDeadlineRule() {
    }

    /** DUE_SOON / OVERDUE / PAST_LATEST, or null while the due date is more than {@code lead} days away. */
    public static String level(LocalDate dueOn, LocalDate latestOn, LocalDate today, RuleSettings s) {
        if (dueOn == null) {
            return null;
        }
        if (latestOn != null && today.isAfter(latestOn)) {
            return "PAST_LATEST";
        }
        if (today.isAfter(dueOn)) {
            return "OVERDUE";
        }
        return today.isBefore(dueOn.minusDays(s.threshold("lead"))) ? null : "DUE_SOON";
    }
}
