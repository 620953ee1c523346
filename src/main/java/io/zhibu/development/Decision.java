package io.zhibu.development;

/** Recorded decisions: 政审/预审 合格, 党委 审批, and the conversion outcomes of R2.11. Never decided by the software (R2.12). */
public enum Decision {
    QUALIFIED, NOT_QUALIFIED, APPROVED, REJECTED, CONVERT, EXTEND, CANCEL
}
