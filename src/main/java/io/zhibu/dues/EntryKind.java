package io.zhibu.dues;

/** A line of the dues ledger (党费台账): a month paid, a voluntary extra (自愿多交), or a reversal (冲正). */
public enum EntryKind {
    PAYMENT, VOLUNTARY, REVERSAL
}
