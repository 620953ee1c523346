package io.zhibu.command;

/** Where one organization stands with one project of the project book (rule P1, {@link ProjectStateMachine}). */
public enum ProjectState {
    /** 已分配: a key or basic project the organization has not yet planned (responsible leader, measures …). */
    ASSIGNED,
    /** 已认领: planned (innovation: claimed) with a responsible leader, measures, milestones and a deadline. */
    CLAIMED,
    /** 推进中: at least one quarterly progress report. */
    IN_PROGRESS,
    /** 已完成: a progress report declared the project done. */
    COMPLETED,
    /** 已评价: the year-end evaluation scored it; final. */
    EVALUATED,
    /** 已撤回: an innovation claim withdrawn before any progress report; final. */
    WITHDRAWN
}
