package io.zhibu.command;

/** What happens to one organization's project (rule P1, {@link ProjectStateMachine}). */
public enum ProjectAction {
    /** 认领 / 制定推进计划: leader, measures, milestones, deadline (again while nothing is reported: revised). */
    PLAN,
    /** 季度进展: a quarterly progress report, not yet done. */
    REPORT,
    /** 季度进展 declaring the project done. */
    REPORT_DONE,
    /** 年终评价: the owner's score. */
    EVALUATE,
    /** 撤回认领: an innovation claim given up before any report. */
    WITHDRAW
}
