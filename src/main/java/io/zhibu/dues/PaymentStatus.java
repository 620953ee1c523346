package io.zhibu.dues;

/**
 * The status of a dues payment (党费缴纳记录的状态), stored by name in {@code dues_payment.status}; its transitions are
 * {@link PaymentStateMachine}'s.
 */
public enum PaymentStatus {
    /** 待支付: an online payment started, waiting for the gateway's callback. */
    PENDING,
    /** 已缴: the money arrived and the months are booked (offline payments start here). */
    SUCCEEDED,
    /** 支付失败: the gateway reported a failure. */
    FAILED,
    /** 已超时: no callback before the pending timeout; the member may pay again. */
    EXPIRED,
    /** 未入账: money received after a failure or expiry that could no longer be booked; listed for reconciliation. */
    UNAPPLIED,
    /** 已冲正: a succeeded payment reversed by negative ledger entries. */
    REVERSED
}
