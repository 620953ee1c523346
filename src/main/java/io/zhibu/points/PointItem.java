package io.zhibu.points;

/**
 * 积分项目 the items of the member points model (rules.md §8.4 [L]), each with default points, the range a branch may
 * enter, and caps (all overridable under {@code zhibu.points.items.<ITEM>.*}). Automatic items are posted from
 * platform facts; the others are entered by the branch with a reason.
 */
public enum PointItem {
    // --- posted automatically from platform facts
    /** 参加三会一课/主题党日: +2 per meeting, at most 30 a year (§8.4 "+1–3 per event, capped"). */
    MEETING_ATTENDED(true, 2, 1, 3, null, 30),
    /** 无故缺席: −3 per meeting (§8.4 "absence without leave −2 to −5"). */
    MEETING_ABSENT(true, -3, -5, -2, null, null),
    /** 按时缴纳党费: +1 per month paid by the end of that month, at most 12 a year. */
    DUES_ON_TIME(true, 1, 1, 1, null, 12),
    /** 逾期缴纳党费: −2 per month paid after its month (§8.4 "dues late −2 per month"). */
    DUES_LATE(true, -2, -2, -2, null, null),
    /** 完成学习资料 (from the learning module): +1 per material, at most 5 a day (R7.4 daily caps). */
    MATERIAL_COMPLETED(true, 1, 1, 1, 5, 200),
    /** 知识闯关过关: +2 per level, at most 6 a day. */
    QUIZ_LEVEL_PASSED(true, 2, 1, 3, 6, 100),
    /** 参加测试: +3 per paper. */
    TEST_SUBMITTED(true, 3, 1, 5, 6, 60),
    // --- entered by the branch with a reason
    /** 参加培训: +1–3. */
    TRAINING(false, 2, 1, 3, null, 30),
    /** 撰写文章、宣讲: +3–5. */
    ARTICLE(false, 4, 3, 5, null, 40),
    /** 志愿服务: +1–5, at most 20 a year. */
    VOLUNTEERING(false, 2, 1, 5, null, 20),
    /** 急难险重任务: +1–5. */
    URGENT_TASK(false, 3, 1, 5, null, 30),
    /** 获得表彰: +3 to +10 by level. */
    HONOUR(false, 5, 3, 10, null, null),
    /** 未完成分配任务: −1 to −5. */
    TASK_NOT_DONE(false, -2, -5, -1, null, null),
    /** 群众投诉: −1 to −5. */
    COMPLAINT(false, -3, -5, -1, null, null),
    /** 受到处分: −10 to −50 (a large penalty; the grade itself stays a human decision, R8.1). */
    DISCIPLINE(false, -20, -50, -10, null, null);

    private final boolean automatic;
    private final int points;
    private final int min;
    private final int max;
    private final Integer dailyCap;
    private final Integer yearlyCap;

    PointItem(boolean automatic, int points, int min, int max, Integer dailyCap, Integer yearlyCap) {
        this.automatic = automatic;
        this.points = points;
        this.min = min;
        this.max = max;
        this.dailyCap = dailyCap;
        this.yearlyCap = yearlyCap;
    }

    public boolean automatic() {
        return automatic;
    }

    /** The default rule of this item (before configuration). */
    public PointRules.ItemRule defaultRule() {
        return new PointRules.ItemRule(this, points, min, max, dailyCap, yearlyCap);
    }
}
