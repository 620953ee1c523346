package io.zhibu.org;

import java.time.LocalDate;

/** R1.8: how close a committee's term is to its end: notice at T-6 months, warning T-3, urgent T-1, then overdue. */
public enum TermReminder {
    NONE, T6, T3, T1, OVERDUE;

    public static TermReminder of(LocalDate endsOn, LocalDate today) {
        if (endsOn == null) {
            return NONE;
        }
        if (today.isAfter(endsOn)) {
            return OVERDUE;
        }
        if (!today.isBefore(endsOn.minusMonths(1))) {
            return T1;
        }
        if (!today.isBefore(endsOn.minusMonths(3))) {
            return T3;
        }
        if (!today.isBefore(endsOn.minusMonths(6))) {
            return T6;
        }
        return NONE;
    }
}
