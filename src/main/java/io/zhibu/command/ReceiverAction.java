package io.zhibu.command;

/** A step on one receiver's row: the receiver signs (签收) and submits (反馈); the sender accepts or returns. */
public enum ReceiverAction {
    RECEIVE, SUBMIT, ACCEPT, RETURN;

    /** Whether the sending organization (not the receiver) takes this step. */
    public boolean bySender() {
        return this == ACCEPT || this == RETURN;
    }
}
