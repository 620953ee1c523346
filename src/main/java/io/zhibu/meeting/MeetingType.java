package io.zhibu.meeting;

/**
 * Kinds of organization-life meetings (组织生活, rules.md §6) with their required frequency (R6.1). A meeting may be
 * tagged with several kinds and then counts for each (R6.1).
 */
public enum MeetingType {
    /** 支部党员大会: ≥1 per quarter. */
    BRANCH_ASSEMBLY(Frequency.QUARTER, true),
    /** 支委会: ≥1 per month. */
    COMMITTEE(Frequency.MONTH, true),
    /** 党小组会: ≥1 per month (required where the branch has party groups). */
    GROUP(Frequency.MONTH, true),
    /** 党课: ≥1 per quarter. */
    PARTY_LECTURE(Frequency.QUARTER, true),
    /** 主题党日: one relatively fixed day every month ("3+N"). */
    THEME_DAY(Frequency.MONTH, false),
    /** 组织生活会: ≥1 per year. */
    ORG_LIFE(Frequency.YEAR, false),
    /** 民主评议党员: 1 per year. */
    EVALUATION(Frequency.YEAR, false),
    /** 谈心谈话: ≥1 per year. */
    HEART_TALK(Frequency.YEAR, false),
    /** 四议两公开 (villages, §1.5): one step of the procedure per meeting; no fixed frequency. */
    FOUR_DELIBERATIONS(Frequency.NONE, false);

    /** How often a kind is required. */
    public enum Frequency {
        MONTH, QUARTER, YEAR, NONE
    }

    private final Frequency frequency;
    private final boolean threeMeetingsOneLesson;

    MeetingType(Frequency frequency, boolean threeMeetingsOneLesson) {
        this.frequency = frequency;
        this.threeMeetingsOneLesson = threeMeetingsOneLesson;
    }

    public Frequency frequency() {
        return frequency;
    }

    /** Part of 三会一课 (the implementation rate shown to superiors). */
    public boolean threeMeetingsOneLesson() {
        return threeMeetingsOneLesson;
    }
}
