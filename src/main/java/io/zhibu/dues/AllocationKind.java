package io.zhibu.dues;

/** An entry of the superior's 党费下拨 ledger: an allocation, or the reversal that corrects one (append-only). */
public enum AllocationKind {
    /** 下拨/返还: dues allocated back to an organization below. */
    ALLOCATE,
    /** 冲正: the negated amount of an allocation, which it links. */
    REVERSAL
}
