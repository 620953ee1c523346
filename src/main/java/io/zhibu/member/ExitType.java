package io.zhibu.member;

/** 出党 kinds (rules.md §3.2) plus death; all terminal: none of them can be restored (R3.1). */
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
    DEATH
}
