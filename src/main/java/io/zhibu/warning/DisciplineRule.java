package io.zhibu.warning;

import java.time.LocalDate;

/**
 * R3.3 留党察看 (at most 2 years): {@code lead} days before it ends the branch prepares the decision on restoring the
 * member's rights; once the end date has passed with the discipline still recorded, the decision is overdue.
 */
public final class DisciplineRule {
    private DisciplineRule() {
    }

    public static String level(LocalDate until, LocalDate today, RuleSettings s) {
        if (until == null) {
            return null;
        }
        if (today.isAfter(until)) {
            return "ENDED";
        }
        return today.isBefore(until.minusDays(s.threshold("lead"))) ? null : "ENDING";
    }
}
