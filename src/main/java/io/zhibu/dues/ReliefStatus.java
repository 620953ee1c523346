package io.zhibu.dues;

/** The review status of a dues relief (减免缴纳党费申请), stored by name in {@code dues_relief.status}. */
public enum ReliefStatus {
    PENDING, APPROVED, REJECTED
}
