package io.zhibu.warning;

import java.time.LocalDate;

/**
 * A fact a source reports today (a 预警候选): the rule, what it is about ({@code subjectKey}, stable while the fact
 * lasts, e.g. "member:42"), the organization it belongs to, its level (a key of the rule's severities), when it is
 * due, and an optional short detail (a code, never personal data beyond the name shown to the scope).
 */
public record WarningCandidate(WarningRule rule, String subjectKey, long orgId, String orgPath, Long memberId,
                               String subjectName, String level, LocalDate dueOn, String detail) {
}
