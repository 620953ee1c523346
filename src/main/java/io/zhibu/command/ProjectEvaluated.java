package io.zhibu.command;

import java.math.BigDecimal;

/**
 * Published when the year-end evaluation (年终评价) of the project book scores one organization's project: a fact
 * for the assessment module (创新项目 / 项目完成 bonus and deductions, rules.md §8.1). The command module may not
 * depend on assessment, so it announces the fact; {@link ProjectService#results(int, String)} answers the same facts
 * on demand.
 */
public record ProjectEvaluated(int year, long projectId, String code, ProjectKind kind, long orgId, String orgPath,
                               String orgName, boolean completed, BigDecimal score) {
}
