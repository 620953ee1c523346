package io.zhibu.transfer;

import static io.zhibu.transfer.TransferAction.*;
import static io.zhibu.transfer.TransferStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.ConflictException;
import io.zhibu.shared.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** rules.md §4 state machine, R4.5 validity. */
class TransferStateMachineTest {
    static TransferStatus run(TransferKind k, TransferChannel c, TransferStatus s, TransferAction... actions) {
        for (TransferAction a : actions) {
            s = TransferStateMachine.next(k, c, s, a);
        }
        return s;
    }

    @Test
    void onlineWithinThePlatform() {
        assertThat(run(TransferKind.INTERNAL, TransferChannel.ONLINE, DRAFT, SUBMIT, APPROVE_OUT, ISSUE, ACCEPT, REPORT, COMPLETE))
                .isEqualTo(COMPLETED);
        assertThatThrownBy(() -> run(TransferKind.INTERNAL, TransferChannel.ONLINE, REPORTED, RETURN_RECEIPT))
                .as("no receipt online").isInstanceOf(ConflictException.class);
    }

    @Test
    void paperNeedsTheReceiptBeforeCompletion() { // R4.8
        assertThatThrownBy(() -> run(TransferKind.INTERNAL, TransferChannel.PAPER, REPORTED, COMPLETE))
                .isInstanceOf(ConflictException.class);
        assertThat(run(TransferKind.INTERNAL, TransferChannel.PAPER, DRAFT, SUBMIT, APPROVE_OUT, ISSUE, ACCEPT, REPORT,
                RETURN_RECEIPT, COMPLETE)).isEqualTo(COMPLETED);
    }

    @Test
    void outOfAndIntoThePlatform() {
        assertThat(run(TransferKind.OUTGOING, TransferChannel.PAPER, DRAFT, SUBMIT, APPROVE_OUT, ISSUE, RETURN_RECEIPT, COMPLETE))
                .isEqualTo(COMPLETED);
        assertThatThrownBy(() -> run(TransferKind.OUTGOING, TransferChannel.PAPER, ISSUED, ACCEPT)).isInstanceOf(ConflictException.class);
        assertThat(run(TransferKind.INCOMING, TransferChannel.PAPER, ISSUED, ACCEPT, REPORT, RETURN_RECEIPT, COMPLETE)).isEqualTo(COMPLETED);
        assertThat(TransferStateMachine.side(TransferKind.INCOMING, CANCEL)).isEqualTo(TransferSide.RECEIVING);
        assertThat(TransferStateMachine.side(TransferKind.OUTGOING, COMPLETE)).isEqualTo(TransferSide.SENDING);
        assertThat(TransferStateMachine.side(TransferKind.INTERNAL, ACCEPT)).isEqualTo(TransferSide.RECEIVING);
        assertThat(TransferStateMachine.side(TransferKind.INTERNAL, APPROVE_OUT)).isEqualTo(TransferSide.SENDING);
    }

    @Test
    void returnExpireReissueCancel() {
        assertThat(run(TransferKind.INTERNAL, TransferChannel.ONLINE, ISSUED, RETURN, RESUBMIT)).isEqualTo(SUBMITTED);
        assertThat(run(TransferKind.INTERNAL, TransferChannel.ONLINE, ACCEPTED, EXPIRE, REISSUE)).isEqualTo(ISSUED);
        for (TransferStatus s : new TransferStatus[] {DRAFT, SUBMITTED, OUT_APPROVED, ISSUED, RETURNED, EXPIRED}) {
            assertThat(TransferStateMachine.next(TransferKind.INTERNAL, TransferChannel.ONLINE, s, CANCEL)).isEqualTo(CANCELLED);
        }
        for (TransferStatus s : new TransferStatus[] {ACCEPTED, REPORTED, RECEIPT_RETURNED, COMPLETED, CANCELLED}) {
            assertThatThrownBy(() -> TransferStateMachine.next(TransferKind.INTERNAL, TransferChannel.PAPER, s, CANCEL))
                    .as(s.name()).isInstanceOf(ConflictException.class);
        }
        for (TransferAction a : TransferAction.values()) {
            assertThatThrownBy(() -> TransferStateMachine.next(TransferKind.INTERNAL, TransferChannel.ONLINE, COMPLETED, a))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void letterValidity() { // R4.5: default 1 month, at most 3; report within the validity
        assertThat(TransferStateMachine.validityMonths(null, 1)).isEqualTo(1);
        assertThat(TransferStateMachine.validityMonths(3, 1)).isEqualTo(3);
        assertThatThrownBy(() -> TransferStateMachine.validityMonths(4, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TransferStateMachine.validityMonths(0, 1)).isInstanceOf(InvalidInputException.class);
        LocalDate until = LocalDate.of(2026, 3, 31);
        TransferStateMachine.requireValid(ACCEPTED, REPORT, until, until); // the last day still counts
        assertThatThrownBy(() -> TransferStateMachine.requireValid(ACCEPTED, REPORT, until, until.plusDays(1)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> TransferStateMachine.requireValid(ISSUED, EXPIRE, until, until)).isInstanceOf(ConflictException.class);
        TransferStateMachine.requireValid(ISSUED, EXPIRE, until, until.plusDays(1));
    }
}
