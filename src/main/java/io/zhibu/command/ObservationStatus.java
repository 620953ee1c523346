package io.zhibu.command;

/** Where an on-site observation (观摩) stands. */
public enum ObservationStatus {
    /** 计划中 / 评分中: the visits are planned and scored. */
    PLANNED,
    /** 已公布: results published (announced for the assessment module); nothing changes any more. */
    PUBLISHED
}
