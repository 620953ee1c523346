package io.zhibu.member;

import java.time.LocalDate;

/**
 * One lifecycle change to record. {@code exitType} for EXITED, {@code disciplineType} (+ {@code untilOn}) for
 * DISCIPLINED, {@code destination} for FLOW_STARTED; {@code version} (optional) is the member version the user read.
 */
public record LifecycleChange(MemberEventType type, LocalDate effectiveOn, String reason, String decidedBy,
                              ExitType exitType, DisciplineType disciplineType, LocalDate untilOn,
                              String destination, Integer version) {
}
