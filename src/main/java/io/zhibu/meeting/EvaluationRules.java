package io.zhibu.meeting;

/** 民主评议党员 rules (R8.1–R8.3) in one place. */
public final class EvaluationRules {
    private EvaluationRules() {
    }

    /** R8.2: the four grades. */
    public enum Grade {
        /** 优秀 (≤ 1/3 of the graded members). */
        EXCELLENT,
        /** 合格. */
        QUALIFIED,
        /** 基本合格 → improvement plan. */
        BASIC,
        /** 不合格 → education, then organizational handling. */
        UNQUALIFIED
    }

    /** R8.2: 优秀 at most one third of the graded members. */
    public static boolean excellentWithinCap(int excellent, int graded) {
        return excellent * 3 <= graded;
    }

    /** R8.2: the largest number of 优秀 grades for this many graded members. */
    public static int excellentCap(int graded) {
        return graded / 3;
    }

    /** R8.3: probationary members take part but are not graded. */
    public static boolean graded(boolean probationary) {
        return !probationary;
    }
}
