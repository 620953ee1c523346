package io.zhibu.audit;

/** Outcome of an audited event. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
