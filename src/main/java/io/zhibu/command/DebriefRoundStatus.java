package io.zhibu.command;

/** Where a 述职评议 round stands. */
public enum DebriefRoundStatus {
    /** 进行中: reports are filed and graded. */
    OPEN,
    /** 已公布: results visible to the targets; nothing changes any more. */
    PUBLISHED
}
