package io.zhibu.command;

/** Who grades a 述职 report (评议人类别); each kind has its weight ({@link DebriefProperties#weights()}). */
public enum EvaluatorKind {
    /** 上级领导. */
    LEADER,
    /** 党员代表. */
    REPRESENTATIVE
}
