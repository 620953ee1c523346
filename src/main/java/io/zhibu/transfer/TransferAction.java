package io.zhibu.transfer;

/** What a user does to a transfer; {@link TransferStateMachine} says from which state and by which side. */
public enum TransferAction {
    SUBMIT, APPROVE_OUT, ISSUE, ACCEPT, RETURN, REPORT, RETURN_RECEIPT, COMPLETE, EXPIRE, REISSUE, RESUBMIT, CANCEL
}
