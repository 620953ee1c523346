package io.zhibu.org;

import io.zhibu.shared.ConflictException;
import java.time.LocalDate;

/**
 * 延期换届 (R1.7, R1.8): a committee whose term is due asks its superior to defer the election; the shift is at most
 * one year, and the new deadline is capped at expiry + 12 months. Pure: the state machine
 * {@code REQUESTED → APPROVED | REJECTED | WITHDRAWN} and the date arithmetic.
 */
public final class TermDeferralRules {
    /** R1.7: early or deferred 换届 shifts the term by at most one year. */
    public static final int MAX_MONTHS = 12;

    public enum Status { REQUESTED, APPROVED, REJECTED, WITHDRAWN }

    public enum Action { APPROVE, REJECT, WITHDRAW }

    private TermDeferralRules() {
    }

    /** A deferral may be asked for once the term is in its reminder window (T-6 months) or overdue (R1.8). */
    public static boolean mayRequest(LocalDate termEndsOn, LocalDate today) {
        return termEndsOn != null && TermReminder.of(termEndsOn, today) != TermReminder.NONE;
    }

    /** R1.7: 1 to 12 months. */
    public static boolean monthsOk(Integer months) {
        return months != null && months >= 1 && months <= MAX_MONTHS;
    }

    /** The new deadline: expiry + months (calendar shift, R2.4 month-end rule), never beyond expiry + 12 months (R1.8). */
    public static LocalDate deferredUntil(LocalDate termEndsOn, int months) {
        LocalDate cap = termEndsOn.plusMonths(MAX_MONTHS);
        LocalDate until = termEndsOn.plusMonths(months);
        return until.isAfter(cap) ? cap : until;
    }

    /** The deadline reminders and the overdue flag use: the approved deferral if there is one, else the term's end. */
    public static LocalDate effectiveEnd(LocalDate termEndsOn, LocalDate deferredUntil) {
        if (termEndsOn == null) {
            return null;
        }
        return deferredUntil != null && deferredUntil.isAfter(termEndsOn) ? deferredUntil : termEndsOn;
    }

    /** Only an open request is decided or withdrawn; a decided one stays as it is (a conflict names why). */
    public static Status next(Status from, Action action) {
        if (from != Status.REQUESTED) {
            throw new ConflictException("deferral.conflict.decided");
        }
        return switch (action) {
            case APPROVE -> Status.APPROVED;
            case REJECT -> Status.REJECTED;
            case WITHDRAW -> Status.WITHDRAWN;
        };
    }
}
