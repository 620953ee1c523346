package io.zhibu.command;

/** What a receiver is late with (the warning levels of rule {@code task-overdue}). */
public enum Overdue {
    /** 签收超时: not signed for by the receipt deadline. */
    RECEIPT,
    /** 反馈超时: no accepted-or-pending feedback by the task's deadline. */
    FEEDBACK
}
