package io.zhibu.dues;

/** 党费计缴类别: decides the base and whether the bracket table or a fixed amount applies (rules.md §5). */
public enum DuesCategory {
    /** 在职: monthly salary after tax. */
    EMPLOYED(true),
    /** 年薪制: pay actually received that month. */
    ANNUAL_SALARY(true),
    /** 个体/收入不固定: average monthly net income of the previous quarter. */
    SELF_EMPLOYED(true),
    /** 离退休: pension actually received (own brackets). */
    RETIRED(true),
    /** 农民党员: fixed 0.2–1 yuan. */
    FARMER(false),
    /** 学生. */
    STUDENT(false),
    /** 下岗失业. */
    UNEMPLOYED(false),
    /** 依靠抚恤/救济生活、领取低保. */
    LOW_INCOME_AID(false);

    private final boolean incomeBased;

    DuesCategory(boolean incomeBased) {
        this.incomeBased = incomeBased;
    }

    public boolean incomeBased() {
        return incomeBased;
    }
}
