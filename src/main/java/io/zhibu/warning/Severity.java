package io.zhibu.warning;

/** 预警级别: how urgent a warning is, from a notice (提示) to red (严重/逾期). The rank orders them. */
public enum Severity {
    /** 提示. */
    INFO,
    /** 预警. */
    WARNING,
    /** 紧急. */
    URGENT,
    /** 严重 (red flag, e.g. overdue). */
    CRITICAL;

    public int rank() {
        return ordinal() + 1;
    }

    public static Severity ofRank(int rank) {
        return values()[rank - 1];
    }
}
