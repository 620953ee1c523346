package io.zhibu.command;

import java.math.BigDecimal;

/**
 * Published when an on-site observation (观摩) is published: one visited branch's total on the template (out of
 * {@code maxTotal}), a fact for the assessment module (作用发挥 / 基础保障 items, rules.md §8.1). The command module
 * may not depend on assessment, so it announces the fact; {@link ObservationService#results(int, String)} answers
 * the same facts on demand.
 */
public record ObservationScored(int year, long observationId, long orgId, String orgPath, String orgName,
                                BigDecimal total, int maxTotal) {
}
