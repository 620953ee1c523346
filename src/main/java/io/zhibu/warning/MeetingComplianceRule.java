package io.zhibu.warning;

import java.time.LocalDate;

/**
 * R6.1 组织生活 compliance as warnings: a required meeting not yet held is at risk from {@code lead} (7) days before
 * its period ends, and missing once the period has ended. The period arithmetic is the meeting module's.
 */
public final class MeetingComplianceRule {
    private MeetingComplianceRule() {
    }

    public static String level(LocalDate periodEnd, boolean held, LocalDate today, RuleSettings s) {
        if (held) {
            return null;
        }
        if (today.isAfter(periodEnd)) {
            return "MISSING";
        }
        return today.isBefore(periodEnd.minusDays(s.threshold("lead"))) ? null : "AT_RISK";
    }
}
