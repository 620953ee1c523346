package io.zhibu.command;

import static io.zhibu.command.ReceiverStatus.ACCEPTED;
import static io.zhibu.command.ReceiverStatus.ISSUED;
import static io.zhibu.command.ReceiverStatus.RECEIVED;
import static io.zhibu.command.ReceiverStatus.RETURNED;
import static io.zhibu.command.ReceiverStatus.SUBMITTED;

import io.zhibu.shared.ConflictException;

/**
 * The state machine of one receiver of a task (issue 17 point 1, rule C1 in docs/modules/command.md), pure:
 * ISSUED → RECEIVED (签收) → SUBMITTED (反馈) → ACCEPTED (验收) | RETURNED (退回) → SUBMITTED → …
 * A receiver signs before it replies; only submitted feedback is reviewed; an accepted row is final.
 */
public final class ReceiverStateMachine {
    private ReceiverStateMachine() {
    }

    /** The state after {@code action}, or a conflict ({@code command.conflict.notAllowed}). */
    public static ReceiverStatus next(ReceiverStatus from, ReceiverAction action) {
        ReceiverStatus to = switch (action) {
            case RECEIVE -> from == ISSUED ? RECEIVED : null;
            case SUBMIT -> from == RECEIVED || from == RETURNED ? SUBMITTED : null;
            case ACCEPT -> from == SUBMITTED ? ACCEPTED : null;
            case RETURN -> from == SUBMITTED ? RETURNED : null;
        };
        if (to == null) {
            throw new ConflictException("command.conflict.notAllowed");
        }
        return to;
    }

    public static boolean allowed(ReceiverStatus from, ReceiverAction action) {
        try {
            next(from, action);
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    /** A receiver may relay a task to its own subtree once it has signed for it and while it is not accepted. */
    public static boolean canRelay(ReceiverStatus status) {
        return status != ISSUED && status != ACCEPTED;
    }
}
