package io.zhibu.member;

/** 党纪处分 (R3.3). 开除党籍 is an exit ({@link ExitType#EXPELLED}), not a running discipline. */
public enum DisciplineType {
    /** 警告. */
    WARNING,
    /** 严重警告. */
    SERIOUS_WARNING,
    /** 撤销党内职务. */
    REMOVAL_FROM_POST,
    /** 留党察看: at most 2 years, no vote and no candidacy while it runs. */
    PROBATION_IN_PARTY
}
