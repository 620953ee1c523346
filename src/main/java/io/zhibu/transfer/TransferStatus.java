package io.zhibu.transfer;

/** States of an organization-relationship transfer (rules.md §4 state machine). */
public enum TransferStatus {
    DRAFT, SUBMITTED, OUT_APPROVED, ISSUED, ACCEPTED, RETURNED, REPORTED, RECEIPT_RETURNED, COMPLETED, EXPIRED, CANCELLED;

    public boolean open() {
        return this != COMPLETED && this != CANCELLED;
    }
}
