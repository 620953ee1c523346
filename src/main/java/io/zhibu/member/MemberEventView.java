package io.zhibu.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of a member's timeline. */
public record MemberEventView(long id, MemberEventType type, LocalDate effectiveOn, String detail, LocalDate untilOn,
                              String reason, String decidedBy, String actor, OffsetDateTime recordedAt) {
}
