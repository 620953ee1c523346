package io.zhibu.audit.internal;

import static io.zhibu.db.Tables.AUDIT_EVENT;

import io.zhibu.audit.AuditEntry;
import io.zhibu.audit.AuditOutcome;
import io.zhibu.audit.AuditQuery;
import io.zhibu.db.tables.records.AuditEventRecord;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Page;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

@Component
public class AuditReader {
    private final DSLContext db;
    private final AuditChain chain;

    public AuditReader(DSLContext db, AuditChain chain) {
        this.db = db;
        this.chain = chain;
    }

    public Page<AuditEntry> search(DataScope scope, AuditQuery.Filter f, int page, int size) {
        List<Condition> where = new ArrayList<>();
        if (!scope.orgPath().isEmpty()) {
            where.add(AUDIT_EVENT.SCOPE_PATH.ge(scope.orgPath())
                    .and(AUDIT_EVENT.SCOPE_PATH.lt(OrgPath.upperBound(scope.orgPath()))));
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            where.add(AUDIT_EVENT.ACTOR.eq(f.actor().strip()));
        }
        if (f.action() != null && !f.action().isBlank()) {
            where.add(AUDIT_EVENT.ACTION.startsWith(f.action().strip()));
        }
        if (f.outcome() != null) {
            where.add(AUDIT_EVENT.OUTCOME.eq(f.outcome()));
        }
        if (f.from() != null) {
            where.add(AUDIT_EVENT.OCCURRED_AT.ge(f.from().atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (f.to() != null) {
            where.add(AUDIT_EVENT.OCCURRED_AT.lt(f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        Condition c = DSL.and(where);
        long total = db.fetchCount(AUDIT_EVENT, c);
        List<AuditEntry> items = db.selectFrom(AUDIT_EVENT).where(c).orderBy(AUDIT_EVENT.ID.desc())
                .limit(size).offset((long) page * size).fetch(this::toEntry);
        return new Page<>(items, page, size, total);
    }

    private AuditEntry toEntry(AuditEventRecord r) {
        boolean intact = chain.intact(r.getId(), r.getOccurredAt(), r.getActor(), r.getActorRole(), r.getAction(),
                r.getTargetType(), r.getTargetId(), r.getScopePath(), r.getDetail(), r.getSourceIp(), r.getOutcome().name(),
                r.getMac(), r.getPrevMac());
        return new AuditEntry(r.getId(), r.getOccurredAt(), r.getActor(), r.getActorRole(), r.getAction(),
                r.getTargetType(), r.getTargetId(), r.getDetail(), r.getSourceIp(), r.getOutcome(),
                intact);
    }
}
