package io.zhibu.audit;

import java.time.OffsetDateTime;

/** One audit record as shown to the audit role; {@code intact} is false when its MAC does not match. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String actorRole, String action,
                         String targetType, String targetId, String detail, String sourceIp, AuditOutcome outcome,
                         boolean intact) {
}
