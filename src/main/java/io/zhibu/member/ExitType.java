package io.zhibu.member;

/** Why a member left the roster: 出党 kinds (rules.md §3.2, terminal, R3.1), death, or a transfer out of the platform. */
public enum ExitType {
    /** 退党除名. */
    WITHDRAWN,
    /** 劝退 / 劝而不退除名. */
    PERSUADED,
    /** 自行脱党除名. */
    LAPSED,
    /** 开除党籍. */
    EXPELLED,
    /** 死亡. */
    DEATH,
    /** 取消预备党员资格: probationary membership cancelled at conversion (R2.11); only for probationary members. */
    PROBATION_CANCELLED,
    /** 转出本系统: relation transferred to an organization outside the platform (not an exit from the Party). */
    TRANSFERRED_OUT
}
