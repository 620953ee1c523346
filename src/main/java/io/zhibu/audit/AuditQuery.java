package io.zhibu.audit;

import io.zhibu.audit.internal.AuditReader;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.Page;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** Reads the audit trail, filtered and limited to the auditor's scope. */
@Service
public class AuditQuery {
    private final AuditReader reader;

    public AuditQuery(AuditReader reader) {
        this.reader = reader;
    }

    public record Filter(String actor, String action, AuditOutcome outcome, LocalDate from, LocalDate to) {
    }

    public Page<AuditEntry> search(DataScope scope, Filter filter, Integer page, Integer size) {
        if (!scope.canReadAudit()) {
            throw new ForbiddenException("audit role required");
        }
        return reader.search(scope, filter, Page.clampPage(page), Page.clampSize(size));
    }
}
