package io.zhibu.transfer;

import static io.zhibu.transfer.TransferStatus.ACCEPTED;
import static io.zhibu.transfer.TransferStatus.CANCELLED;
import static io.zhibu.transfer.TransferStatus.COMPLETED;
import static io.zhibu.transfer.TransferStatus.DRAFT;
import static io.zhibu.transfer.TransferStatus.EXPIRED;
import static io.zhibu.transfer.TransferStatus.ISSUED;
import static io.zhibu.transfer.TransferStatus.OUT_APPROVED;
import static io.zhibu.transfer.TransferStatus.RECEIPT_RETURNED;
import static io.zhibu.transfer.TransferStatus.REPORTED;
import static io.zhibu.transfer.TransferStatus.RETURNED;
import static io.zhibu.transfer.TransferStatus.SUBMITTED;

import io.zhibu.shared.ConflictException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The transfer state machine of rules.md §4 (pure):
 * DRAFT → SUBMITTED → OUT_APPROVED (dues checked, R4.4) → ISSUED (online | paper, valid_until, R4.5)
 * → ACCEPTED | RETURNED → REPORTED → [RECEIPT_RETURNED, paper only, R4.8] → COMPLETED; EXPIRED and CANCELLED.
 * Out of the platform the sending side records every step; into it the receiving side does.
 */
public final class TransferStateMachine {
    private static final Set<TransferStatus> CANCELLABLE = EnumSet.of(DRAFT, SUBMITTED, OUT_APPROVED, ISSUED, RETURNED, EXPIRED);

    private TransferStateMachine() {
    }

    /** The state after {@code action}, or a conflict naming why not. */
    public static TransferStatus next(TransferKind kind, TransferChannel channel, TransferStatus from,
                                      TransferAction action) {
        TransferStatus to = switch (action) {
            case SUBMIT -> from == DRAFT ? SUBMITTED : null;
            case APPROVE_OUT -> from == SUBMITTED ? OUT_APPROVED : null;
            case ISSUE -> from == OUT_APPROVED ? ISSUED : null;
            case ACCEPT -> from == ISSUED && kind != TransferKind.OUTGOING ? ACCEPTED : null;
            case RETURN -> from == ISSUED ? RETURNED : null;
            case REPORT -> from == ACCEPTED ? REPORTED : null;
            case RETURN_RECEIPT -> channel == TransferChannel.PAPER
                    && (from == REPORTED || (kind == TransferKind.OUTGOING && from == ISSUED)) ? RECEIPT_RETURNED : null;
            case COMPLETE -> (channel == TransferChannel.ONLINE && from == REPORTED)
                    || (channel == TransferChannel.PAPER && from == RECEIPT_RETURNED) ? COMPLETED : null;
            case EXPIRE -> from == ISSUED || from == ACCEPTED ? EXPIRED : null;
            case REISSUE -> from == EXPIRED && kind != TransferKind.INCOMING ? ISSUED : null;
            case RESUBMIT -> from == RETURNED && kind != TransferKind.INCOMING ? SUBMITTED : null;
            case CANCEL -> CANCELLABLE.contains(from) ? CANCELLED : null;
        };
        if (to == null) {
            throw new ConflictException("transfer.conflict.notAllowed");
        }
        return to;
    }

    /** Which side acts: into the platform the receiver does everything, out of it the sender does. */
    public static TransferSide side(TransferKind kind, TransferAction action) {
        if (kind == TransferKind.INCOMING) {
            return TransferSide.RECEIVING;
        }
        if (kind == TransferKind.OUTGOING) {
            return TransferSide.SENDING;
        }
        return switch (action) {
            case ACCEPT, RETURN, REPORT, RETURN_RECEIPT, COMPLETE -> TransferSide.RECEIVING;
            case EXPIRE -> TransferSide.SENDING;
            default -> TransferSide.SENDING;
        };
    }

    /** R4.5: the member must report within the letter's validity; afterwards only expiry, reissue or cancel. */
    public static void requireValid(TransferStatus from, TransferAction action, LocalDate validUntil, LocalDate today) {
        boolean overdue = validUntil != null && today.isAfter(validUntil);
        if (overdue && (action == TransferAction.ACCEPT || action == TransferAction.REPORT)) {
            throw new ConflictException("transfer.conflict.expired");
        }
        if (action == TransferAction.EXPIRE && !overdue) {
            throw new ConflictException("transfer.conflict.notYetExpired");
        }
    }

    /** R4.5: letter validity in months, default 1, at most 3. */
    public static int validityMonths(Integer requested, int defaultMonths) {
        int m = requested == null ? defaultMonths : requested;
        if (m < 1 || m > 3) {
            throw io.zhibu.shared.InvalidInputException.of("validMonths", "transfer.validMonths.range");
        }
        return m;
    }
}
