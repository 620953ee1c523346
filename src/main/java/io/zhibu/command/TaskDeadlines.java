package io.zhibu.command;

import io.zhibu.shared.InvalidInputException;
import java.time.LocalDate;

/**
 * Deadlines of a task (issue 17 point 1; rules C2–C4 in docs/modules/command.md), one place, pure.
 * <ul>
 * <li>C2: the feedback deadline ({@code dueOn}) is today or later, and at most one year ahead.</li>
 * <li>C3: the receipt (签收) is due {@code receiptDays} days after sending, never after {@code dueOn}.</li>
 * <li>C4: a relay (转发) to the receiver's subtree is due no later than the task it relays.</li>
 * <li>C5: a receiver is overdue with its receipt while ISSUED after the receipt deadline, and with its feedback
 * while it still owes it (ISSUED, RECEIVED, RETURNED) after {@code dueOn}; feedback overdue outranks receipt.</li>
 * </ul>
 */
public final class TaskDeadlines {
    /** C2: how far ahead a deadline may be set. */
    public static final int MAX_DAYS_AHEAD = 366;

    private TaskDeadlines() {
    }

    /** C2 (and C4 when {@code parentDueOn} is given): 400 naming {@code dueOn} when the deadline is not allowed. */
    public static void checkDueOn(LocalDate dueOn, LocalDate today, LocalDate parentDueOn) {
        if (dueOn == null) {
            throw InvalidInputException.of("dueOn", "validation.required");
        }
        if (dueOn.isBefore(today)) {
            throw InvalidInputException.of("dueOn", "command.dueOn.past");
        }
        if (dueOn.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw InvalidInputException.of("dueOn", "command.dueOn.tooFar");
        }
        if (parentDueOn != null && dueOn.isAfter(parentDueOn)) {
            throw InvalidInputException.of("dueOn", "command.dueOn.afterParent", parentDueOn);
        }
    }

    /** C3: the receipt deadline. */
    public static LocalDate receiptDueOn(LocalDate sentOn, LocalDate dueOn, int receiptDays) {
        LocalDate r = sentOn.plusDays(Math.max(0, receiptDays));
        return r.isAfter(dueOn) ? dueOn : r;
    }

    /** C5: what the receiver is late with today, or null. */
    public static Overdue overdue(ReceiverStatus status, LocalDate receiptDueOn, LocalDate dueOn, LocalDate today) {
        if (status.open() && today.isAfter(dueOn)) {
            return Overdue.FEEDBACK;
        }
        if (status == ReceiverStatus.ISSUED && today.isAfter(receiptDueOn)) {
            return Overdue.RECEIPT;
        }
        return null;
    }

    /**
     * C5 over counts: every receiver of a task has the task's deadlines, so the overdue ones are the open ones
     * after the deadline, or the unsigned ones after the receipt deadline.
     */
    public static long overdueCount(long issued, long open, LocalDate receiptDueOn, LocalDate dueOn, LocalDate today) {
        if (today.isAfter(dueOn)) {
            return open;
        }
        return today.isAfter(receiptDueOn) ? issued : 0;
    }
}
