package io.zhibu.serving;

/** 困难党员帮扶 application: filed by the branch (or the member), decided by the superior, paid in payment records. */
public enum AidStatus {
    APPLIED, APPROVED, REJECTED, PAID;

    public boolean decided() {
        return this != APPLIED;
    }
}
