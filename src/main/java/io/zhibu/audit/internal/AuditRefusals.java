package io.zhibu.audit.internal;

import io.zhibu.audit.AuditOutcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes one refusal row in its own transaction (the refused request's own work has rolled back). */
@Component
class AuditRefusals {
    private final AuditWriter writer;

    AuditRefusals(AuditWriter writer) {
        this.writer = writer;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void write(AccessDeniedListener.Who who, String action, String target, String detail) {
        writer.append(who.actor(), who.role(), action, "request", target == null ? null
                : target.length() > 64 ? target.substring(0, 64) : target, who.scopePath(),
                target != null && target.length() > 64 ? target + " — " + detail : detail, who.ip(), AuditOutcome.DENIED);
    }
}
