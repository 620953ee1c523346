package io.zhibu.command;

/** Where one receiving organization stands with a task (接收单位状态). */
public enum ReceiverStatus {
    /** 已下发, not yet signed for. */
    ISSUED,
    /** 已签收. */
    RECEIVED,
    /** 已反馈, waiting for the sender's review. */
    SUBMITTED,
    /** 已验收 (final). */
    ACCEPTED,
    /** 已退回 with a comment; the receiver resubmits. */
    RETURNED;

    /** Still owes the sender something (a receipt or feedback): the states that can become overdue. */
    public boolean open() {
        return this == ISSUED || this == RECEIVED || this == RETURNED;
    }
}
