package io.zhibu.dues;

/**
 * What a gateway's payment callback did (支付回调结果); its name is the body answered to the gateway. Decided by
 * {@link PaymentStateMachine#onCallback}.
 */
public enum CallbackOutcome {
    /** The money was booked: months paid, ledger entries written. */
    APPLIED,
    /** A failure report moved the pending payment to FAILED. */
    FAILED,
    /** Money received after a failure or expiry that could no longer be booked: kept for the reconciliation. */
    UNAPPLIED,
    /** A success for a payment already final (a repeated or late callback): nothing changed. */
    DUPLICATE,
    /** A failure report for a payment no longer pending: nothing changed. */
    IGNORED
}
