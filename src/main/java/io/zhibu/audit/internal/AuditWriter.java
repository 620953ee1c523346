package io.zhibu.audit.internal;

import static io.zhibu.db.Tables.AUDIT_EVENT;

import io.zhibu.audit.AuditOutcome;
import io.zhibu.shared.crypto.Hmacs;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Appends audit rows (insert only: there is no update or delete path in the code). */
@Component
public class AuditWriter {
    private final DSLContext db;
    private final Hmacs hmacs;

    public AuditWriter(DSLContext db, Hmacs hmacs) {
        this.db = db;
        this.hmacs = hmacs;
    }

    public void append(String actor, String role, String action, String targetType, String targetId, String scopePath,
                       String detail, String ip, AuditOutcome outcome) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String d = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, now)
                .set(AUDIT_EVENT.ACTOR, actor)
                .set(AUDIT_EVENT.ACTOR_ROLE, role)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.TARGET_TYPE, targetType)
                .set(AUDIT_EVENT.TARGET_ID, targetId)
                .set(AUDIT_EVENT.SCOPE_PATH, scopePath)
                .set(AUDIT_EVENT.DETAIL, d)
                .set(AUDIT_EVENT.SOURCE_IP, ip)
                .set(AUDIT_EVENT.OUTCOME, outcome.name())
                .set(AUDIT_EVENT.MAC, hmacs.auditMac(canonical(now, actor, action, targetType, targetId, d, ip, outcome.name())))
                .execute();
    }

    static String canonical(OffsetDateTime at, String actor, String action, String targetType, String targetId,
                            String detail, String ip, String outcome) {
        return String.join("\u001f", String.valueOf(at.toInstant().toEpochMilli()), actor, action,
                String.valueOf(targetType), String.valueOf(targetId), String.valueOf(detail), String.valueOf(ip), outcome);
    }
}
