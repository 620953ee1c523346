package io.zhibu.venue;

/** 阵地档次: the three tiers of the venue standard and 不达标 below them; {@code level} is the assessment fact value. */
public enum VenueTier {
    /** 不达标: below the lowest tier (Qingshen: the branch gets no star). */
    BELOW_STANDARD(0),
    /** 简易型. */
    BASIC(1),
    /** 标准型. */
    STANDARD(2),
    /** 示范型. */
    MODEL(3);

    private final int level;

    VenueTier(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }
}
