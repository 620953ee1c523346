package io.zhibu.org;

import io.zhibu.shared.ConflictException;
import java.time.LocalDate;

/**
 * 成立党支部 workflow (R1.1, R1.2): the unit applies → the superior committee decides and replies within one month →
 * the org is created (the 党员大会 then elects its committee through the terms page). Pure: the state machine
 * {@code SUBMITTED → APPROVED | REJECTED | WITHDRAWN}, the reply deadline and the formation threshold.
 */
public final class BranchSetupRules {
    /** R1.1: the superior decides and replies within one month. */
    public static final int REPLY_MONTHS = 1;

    public enum Status { SUBMITTED, APPROVED, REJECTED, WITHDRAWN }

    public enum Action { APPROVE, REJECT, WITHDRAW }

    private BranchSetupRules() {
    }

    /** R1.1: reply due one calendar month after the application (month-end rule of R2.4). */
    public static LocalDate replyDue(LocalDate submittedOn) {
        return submittedOn.plusMonths(REPLY_MONTHS);
    }

    public static boolean replyOverdue(Status status, LocalDate replyDue, LocalDate today) {
        return status == Status.SUBMITTED && today.isAfter(replyDue);
    }

    /** Only organizations that hold members are set up this way (branch, joint branch, temporary branch). */
    public static boolean applies(OrgType type) {
        return type != null && type.holdsMembers();
    }

    /** R1.2: an ordinary branch needs ≥3 full members among the proposed members; a joint branch does not. */
    public static boolean meetsThreshold(OrgType type, long fullMembers) {
        return OrgFormationRules.canFormBranch(type, fullMembers);
    }

    public static Status next(Status from, Action action) {
        if (from != Status.SUBMITTED) {
            throw new ConflictException("setup.conflict.decided");
        }
        return switch (action) {
            case APPROVE -> Status.APPROVED;
            case REJECT -> Status.REJECTED;
            case WITHDRAW -> Status.WITHDRAWN;
        };
    }
}
