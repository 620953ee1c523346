package io.zhibu.audit.internal;

import io.zhibu.audit.AuditLog;
import io.zhibu.audit.AuditOutcome;
import io.zhibu.shared.AccessDenied;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Refused operations go into the audit trail with outcome DENIED (R9.6: success or failure of every event). */
@Component
class AccessDeniedListener {
    private final AuditLog audit;

    AccessDeniedListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AccessDenied e) {
        String target = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getMethod() + " " + a.getRequest().getRequestURI() : null;
        audit.failure("?", "access.denied", "request", target, e.what(), AuditOutcome.DENIED);
    }
}
