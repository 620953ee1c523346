package io.zhibu.command;

import java.math.BigDecimal;

/**
 * Published when a 述职评议 round is published with an overall 差 for an organization's secretary: a weak-and-lax
 * candidate fact (软弱涣散候选, rules.md §8.2 "书记不胜任"). The command module may not depend on assessment (see
 * package-info), so it announces the fact; {@link DebriefService#poorGrades(int, String)} answers the same facts
 * on demand for a future {@code BranchFactSource} adapter in the assessment module.
 */
public record SecretaryGradedPoor(int year, long roundId, long orgId, String orgPath, String orgName,
                                  BigDecimal score) {
}
