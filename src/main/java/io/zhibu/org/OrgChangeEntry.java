package io.zhibu.org;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One line of an organization's history (组织沿革). */
public record OrgChangeEntry(long id, String changeType, LocalDate effectiveOn, String oldValue, String newValue,
                             String reason, String actor, OffsetDateTime recordedAt) {
}
