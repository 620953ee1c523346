package io.zhibu.audit.internal;

import static io.zhibu.db.Tables.AUDIT_CHAIN_HEAD;
import static io.zhibu.db.Tables.AUDIT_EVENT;

import io.zhibu.audit.AuditOutcome;
import io.zhibu.shared.crypto.Hmacs;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends audit rows (insert only: there is no update or delete path in the code) as a hash chain: each row's MAC
 * (HMAC-SM3, R9.7) covers its content and the MAC of the row before it ({@code prev_mac}). The rows of a transaction
 * are appended just before it commits, under the lock of the chain's head row, so the chain follows commit order and
 * the lock is held only for the commit itself — never for a long transaction's whole run.
 */
@Component
public class AuditWriter {
    private final DSLContext db;
    private final Hmacs hmacs;

    public AuditWriter(DSLContext db, Hmacs hmacs) {
        this.db = db;
        this.hmacs = hmacs;
    }

    private record Pending(OffsetDateTime at, String actor, String role, String action, String targetType,
                           String targetId, String scopePath, String detail, String ip, String outcome) {
    }

    public void append(String actor, String role, String action, String targetType, String targetId, String scopePath,
                       String detail, String ip, AuditOutcome outcome) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String d = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        Pending p = new Pending(now, actor, role, action, targetType, targetId, scopePath, d, ip, outcome.name());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(p));
            return;
        }
        // the batch lives in this transaction's own synchronization: a REQUIRES_NEW inside sees only its own
        Batch batch = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Batch.class::isInstance).map(Batch.class::cast).filter(b -> b.owner == this).findFirst()
                .orElse(null);
        if (batch == null) {
            batch = new Batch(this);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        batch.rows.add(p);
    }

    /** The rows of one transaction, written just before it commits. */
    private static final class Batch implements TransactionSynchronization {
        private final AuditWriter owner;
        private final List<Pending> rows = new ArrayList<>();

        Batch(AuditWriter owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.write(rows);
        }

        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE; // after other before-commit work that may still audit
        }
    }

    private void write(List<Pending> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Record2<Long, String> head = db.select(AUDIT_CHAIN_HEAD.LAST_ID, AUDIT_CHAIN_HEAD.LAST_MAC).from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq(1)).forUpdate().fetchOne();
        String prev = head == null ? null : head.value2();
        if (prev == null) {
            // the first chained row links to the last row written before the chain existed (if any)
            prev = db.select(AUDIT_EVENT.MAC).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID.desc()).limit(1)
                    .fetchOne(AUDIT_EVENT.MAC);
            prev = prev == null ? GENESIS : prev;
        }
        long lastId = 0;
        for (Pending p : rows) {
            String mac = hmacs.auditMac(chained(canonical(p.at(), p.actor(), p.action(), p.targetType(), p.targetId(),
                    p.detail(), p.ip(), p.outcome()), p.role(), p.scopePath(), prev));
            lastId = db.insertInto(AUDIT_EVENT)
                    .set(AUDIT_EVENT.OCCURRED_AT, p.at())
                    .set(AUDIT_EVENT.ACTOR, p.actor())
                    .set(AUDIT_EVENT.ACTOR_ROLE, p.role())
                    .set(AUDIT_EVENT.ACTION, p.action())
                    .set(AUDIT_EVENT.TARGET_TYPE, p.targetType())
                    .set(AUDIT_EVENT.TARGET_ID, p.targetId())
                    .set(AUDIT_EVENT.SCOPE_PATH, p.scopePath())
                    .set(AUDIT_EVENT.DETAIL, p.detail())
                    .set(AUDIT_EVENT.SOURCE_IP, p.ip())
                    .set(AUDIT_EVENT.OUTCOME, AuditOutcome.valueOf(p.outcome()))
                    .set(AUDIT_EVENT.PREV_MAC, prev)
                    .set(AUDIT_EVENT.MAC, mac)
                    .returningResult(AUDIT_EVENT.ID).fetchOne(AUDIT_EVENT.ID);
            prev = mac;
        }
        db.update(AUDIT_CHAIN_HEAD).set(AUDIT_CHAIN_HEAD.LAST_ID, lastId).set(AUDIT_CHAIN_HEAD.LAST_MAC, prev)
                .where(AUDIT_CHAIN_HEAD.ID.eq(1)).execute();
    }

    /** The link value of the very first row of an empty trail. */
    static final String GENESIS = "0".repeat(64);

    /** What a row written before the chain existed was MAC'ed over. */
    static String canonical(OffsetDateTime at, String actor, String action, String targetType, String targetId,
                            String detail, String ip, String outcome) {
        return String.join("\u001f", String.valueOf(at.toInstant().toEpochMilli()), actor, action,
                String.valueOf(targetType), String.valueOf(targetId), String.valueOf(detail), String.valueOf(ip), outcome);
    }

    /** A chained row's MAC input: its content (now with role and scope) and the previous row's MAC. */
    static String chained(String canonical, String role, String scopePath, String prevMac) {
        return String.join("\u001f", canonical, String.valueOf(role), String.valueOf(scopePath), prevMac);
    }
}
