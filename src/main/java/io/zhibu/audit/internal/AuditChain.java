package io.zhibu.audit.internal;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static io.zhibu.db.Tables.AUDIT_EVENT_ARCHIVE;

import io.zhibu.audit.AuditOutcome;
import io.zhibu.audit.ChainReport;
import io.zhibu.audit.AuditProperties;
import io.zhibu.shared.crypto.Hmacs;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the audit trail's hash chain from its first row (archived rows first, then the online ones, in id order,
 * in pages — bounded memory on millions of rows) and moves rows older than the online retention to the archive
 * table, unchanged: archived, never deleted, and still one chain.
 */
@Component
public class AuditChain {
    private static final int PAGE = 5_000;
    private final DSLContext db;
    private final Hmacs hmacs;
    private final AuditProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditWriter writer;

    public AuditChain(DSLContext db, Hmacs hmacs, AuditProperties props, TransactionTemplate tx, Clock clock,
                      AuditWriter writer) {
        this.db = db;
        this.hmacs = hmacs;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
        this.writer = writer;
    }

    private record Row(long id, OffsetDateTime at, String actor, String role, String action, String targetType,
                       String targetId, String scopePath, String detail, String ip, String outcome, String mac,
                       String prevMac) {
    }

    public ChainReport verify() {
        long checked = 0;
        long archived = 0;
        long legacy = 0;
        String prevMac = null;
        boolean chainStarted = false;
        for (Table<?> t : List.of(AUDIT_EVENT_ARCHIVE, AUDIT_EVENT)) {
            long after = Long.MIN_VALUE;
            while (true) {
                List<Row> rows = page(t, after);
                if (rows.isEmpty()) {
                    break;
                }
                for (Row r : rows) {
                    checked++;
                    if (t == AUDIT_EVENT_ARCHIVE) {
                        archived++;
                    }
                    String canonical = AuditWriter.canonical(r.at(), r.actor(), r.action(), r.targetType(), r.targetId(),
                            r.detail(), r.ip(), r.outcome());
                    if (r.prevMac() == null) {
                        // written before the chain existed: its own MAC only, and no chained row may precede it
                        legacy++;
                        if (chainStarted) {
                            return ChainReport.of(checked, archived, legacy, new ChainReport.Break(r.id(), r.at(), "LINK"));
                        }
                        if (!hmacs.auditMac(canonical).equals(r.mac())) {
                            return ChainReport.of(checked, archived, legacy, new ChainReport.Break(r.id(), r.at(), "MAC"));
                        }
                    } else {
                        String expectedPrev = prevMac == null ? AuditWriter.GENESIS : prevMac;
                        if (!r.prevMac().equals(expectedPrev)) {
                            return ChainReport.of(checked, archived, legacy, new ChainReport.Break(r.id(), r.at(), "LINK"));
                        }
                        if (!hmacs.auditMac(AuditWriter.chained(canonical, r.role(), r.scopePath(), r.prevMac())).equals(r.mac())) {
                            return ChainReport.of(checked, archived, legacy, new ChainReport.Break(r.id(), r.at(), "MAC"));
                        }
                        chainStarted = true;
                    }
                    prevMac = r.mac();
                    after = r.id();
                }
            }
        }
        return ChainReport.of(checked, archived, legacy, null);
    }

    private List<Row> page(Table<?> t, long after) {
        var id = t.field("id", Long.class);
        return db.select(t.fields()).from(t).where(id.gt(after)).orderBy(id).limit(PAGE).fetch(r -> row(t, r));
    }

    private static Row row(Table<?> t, Record r) {
        return new Row(r.get(t.field("id", Long.class)), r.get(t.field("occurred_at", OffsetDateTime.class)),
                r.get(t.field("actor", String.class)), r.get(t.field("actor_role", String.class)),
                r.get(t.field("action", String.class)), r.get(t.field("target_type", String.class)),
                r.get(t.field("target_id", String.class)), r.get(t.field("scope_path", String.class)),
                r.get(t.field("detail", String.class)), r.get(t.field("source_ip", String.class)),
                String.valueOf(r.get(t.field("outcome"))), r.get(t.field("mac", String.class)), // an AuditOutcome
                r.get(t.field("prev_mac", String.class)));
    }

    /** Does the row's MAC still match its content (the per-row check of the audit page)? */
    boolean intact(Long id, OffsetDateTime at, String actor, String role, String action, String targetType,
                   String targetId, String scopePath, String detail, String ip, String outcome, String mac, String prevMac) {
        String canonical = AuditWriter.canonical(at, actor, action, targetType, targetId, detail, ip, outcome);
        String expected = prevMac == null ? hmacs.auditMac(canonical)
                : hmacs.auditMac(AuditWriter.chained(canonical, role, scopePath, prevMac));
        return expected.equals(mac);
    }

    /** Nightly: rows older than {@code zhibu.audit.online-days} move to the archive (never deleted). */
    @Scheduled(cron = "${zhibu.audit.archive-cron:0 40 3 * * *}", zone = "${zhibu.zone:Asia/Shanghai}")
    @SchedulerLock(name = "audit-archive", lockAtMostFor = "PT2H")
    public void archiveScheduled() {
        archive();
    }

    /** Moves the rows older than the online retention (by id, so the two tables stay one contiguous chain). */
    public long archive() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusDays(props.onlineDays());
        Long upTo = db.select(DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT).where(AUDIT_EVENT.OCCURRED_AT.lt(cutoff))
                .fetchOne(0, Long.class);
        if (upTo == null) {
            return 0;
        }
        long moved = 0;
        while (true) {
            Integer n = tx.execute(st -> {
                Long to = db.select(DSL.max(DSL.field("id", Long.class))).from(db.select(AUDIT_EVENT.ID.as("id"))
                        .from(AUDIT_EVENT).where(AUDIT_EVENT.ID.le(upTo)).orderBy(AUDIT_EVENT.ID).limit(PAGE))
                        .fetchOne(0, Long.class);
                if (to == null) {
                    return 0;
                }
                int copied = db.insertInto(AUDIT_EVENT_ARCHIVE, AUDIT_EVENT_ARCHIVE.ID, AUDIT_EVENT_ARCHIVE.OCCURRED_AT,
                                AUDIT_EVENT_ARCHIVE.ACTOR, AUDIT_EVENT_ARCHIVE.ACTOR_ROLE, AUDIT_EVENT_ARCHIVE.ACTION,
                                AUDIT_EVENT_ARCHIVE.TARGET_TYPE, AUDIT_EVENT_ARCHIVE.TARGET_ID, AUDIT_EVENT_ARCHIVE.SCOPE_PATH,
                                AUDIT_EVENT_ARCHIVE.DETAIL, AUDIT_EVENT_ARCHIVE.SOURCE_IP, AUDIT_EVENT_ARCHIVE.OUTCOME,
                                AUDIT_EVENT_ARCHIVE.MAC, AUDIT_EVENT_ARCHIVE.PREV_MAC, AUDIT_EVENT_ARCHIVE.ARCHIVED_AT)
                        .select(db.select(AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTOR_ROLE,
                                AUDIT_EVENT.ACTION, AUDIT_EVENT.TARGET_TYPE, AUDIT_EVENT.TARGET_ID, AUDIT_EVENT.SCOPE_PATH,
                                AUDIT_EVENT.DETAIL, AUDIT_EVENT.SOURCE_IP, AUDIT_EVENT.OUTCOME, AUDIT_EVENT.MAC,
                                AUDIT_EVENT.PREV_MAC, DSL.val(OffsetDateTime.now(clock)))
                                .from(AUDIT_EVENT).where(AUDIT_EVENT.ID.le(to)))
                        .execute();
                db.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.le(to)).execute();
                return copied;
            });
            if (n == null || n == 0) {
                break;
            }
            moved += n;
        }
        if (moved > 0) {
            long total = moved;
            tx.executeWithoutResult(st -> writer.append("system", null, "audit.archive", "audit_event", String.valueOf(upTo),
                    null, total + " rows older than " + props.onlineDays() + " days moved to the archive", null,
                    AuditOutcome.SUCCESS));
        }
        return moved;
    }
}
