package io.zhibu.meeting;

/** 四议两公开: the six steps of a village's major decision (rules.md §1.5). */
public enum DeliberationStep {
    /** 党组织提议. */
    PROPOSE,
    /** 村"两委"会议商议. */
    CONSULT,
    /** 党员大会审议. */
    REVIEW,
    /** 村民代表会议或村民会议决议. */
    RESOLVE,
    /** 决议公开. */
    PUBLISH_RESOLUTION,
    /** 实施结果公开. */
    PUBLISH_RESULT
}
