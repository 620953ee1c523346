package io.zhibu.command;

/** The sender's review of submitted feedback: 验收 or 退回 (with a comment). */
public enum ReviewDecision {
    ACCEPT, RETURN
}
