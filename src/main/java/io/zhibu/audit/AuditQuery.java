package io.zhibu.audit;

import io.zhibu.audit.internal.AuditChain;
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
    private final AuditChain chain;

    public AuditQuery(AuditReader reader, AuditChain chain) {
        this.reader = reader;
        this.chain = chain;
    }

    /** The one access check of the audit trail (list, chain verifier, their pages and API). */
    public static void requireReader(DataScope scope) {
        if (!scope.canReadAudit()) {
            throw new ForbiddenException("audit role required");
        }
    }

    /** Checks the whole hash chain (archive and online) and reports the first break. */
    public ChainReport verifyChain(DataScope scope) {
        requireReader(scope);
        return chain.verify();
    }

    public record Filter(String actor, String action, AuditOutcome outcome, LocalDate from, LocalDate to) {
    }

    public Page<AuditEntry> search(DataScope scope, Filter filter, Integer page, Integer size) {
        requireReader(scope);
        return reader.search(scope, filter, Page.clampPage(page), Page.clampSize(size));
    }
}
