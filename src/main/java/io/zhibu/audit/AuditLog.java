package io.zhibu.audit;

import io.zhibu.audit.internal.AuditWriter;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * 审计: the append-only audit trail (R9.6). Writes are recorded inside the writing transaction, so an audited
 * change and its record commit or roll back together; failures and refusals are recorded in their own transaction.
 */
@Service
public class AuditLog {
    private final AuditWriter writer;

    public AuditLog(AuditWriter writer) {
        this.writer = writer;
    }

    /** A successful write or sensitive read by the current user. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void success(String action, String targetType, Object targetId, String scopePath, String detail) {
        write(actor(), action, targetType, targetId, scopePath, detail, AuditOutcome.SUCCESS);
    }

    /** A sensitive read outside a write transaction (e.g. revealing an ID number). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void read(String action, String targetType, Object targetId, String scopePath, String detail) {
        write(actor(), action, targetType, targetId, scopePath, detail, AuditOutcome.SUCCESS);
    }

    /** A refused or failed attempt; survives the rollback of the attempt itself. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failure(String actor, String action, String targetType, Object targetId, String detail,
                        AuditOutcome outcome) {
        DataScope s = CurrentScope.orNull();
        Actor a = s == null ? new Actor(actor, null) : new Actor(s.username(), s.role().name());
        write(a, action, targetType, targetId, null, detail, outcome);
    }

    /**
     * A refusal by the current user inside its scope (e.g. a check-in locked after wrong codes): survives the
     * rollback of the attempt and is visible to the auditors of {@code scopePath}.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String action, String targetType, Object targetId, String scopePath, String detail) {
        write(actor(), action, targetType, targetId, scopePath, detail, AuditOutcome.DENIED);
    }

    /** For events that happen before a user is in the security context (login). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void forUser(String username, String role, String scopePath, String action, String detail,
                        AuditOutcome outcome) {
        write(new Actor(username, role), action, "account", username, scopePath, detail, outcome);
    }

    private void write(Actor actor, String action, String targetType, Object targetId, String scopePath,
                       String detail, AuditOutcome outcome) {
        writer.append(actor.name(), actor.role(), action, targetType, targetId == null ? null : String.valueOf(targetId),
                scopePath, detail, sourceIp(), outcome);
    }

    private static Actor actor() {
        DataScope s = CurrentScope.orNull();
        return s == null ? new Actor("system", null) : new Actor(s.username(), s.role().name());
    }

    private static String sourceIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            return a.getRequest().getRemoteAddr();
        }
        return null;
    }

    private record Actor(String name, String role) {
    }
}
