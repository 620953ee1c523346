package io.zhibu.transfer.internal;

import static io.zhibu.db.Tables.TRANSFER_STEP;
import static io.zhibu.db.Tables.TRANSFER_TRANSFER;

import io.zhibu.db.tables.records.TransferStepRecord;
import io.zhibu.db.tables.records.TransferTransferRecord;
import io.zhibu.shared.db.OrgPathSql;
import io.zhibu.transfer.TransferAction;
import io.zhibu.transfer.TransferSide;
import io.zhibu.transfer.TransferStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of transfers: sending side by org_path, receiving side by to_org_path, both range scans. */
@Repository
public class TransferRepository {
    /** Letters still travelling: issued, or accepted and not yet reported (R4.5 applies to them). */
    private static final List<TransferStatus> LETTER_OUT = List.of(TransferStatus.ISSUED, TransferStatus.ACCEPTED);

    private final DSLContext db;

    public TransferRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * What one step changes besides the status: {@code null} fields stay as they are. The service fills the ones its
     * action sets (R4.4 dues check, R4.5 letter, the receiving side's report).
     */
    public record Change(TransferStatus status, String duesPaidUntil, LocalDate issuedOn, LocalDate validUntil,
                         String letterNumber, String returnReason, Long memberId, String memberName,
                         String memberIdMasked, Long targetBranchId) {
        public static Change to(TransferStatus status) {
            return new Change(status, null, null, null, null, null, null, null, null, null);
        }

        public Change duesPaidUntil(String v) {
            return new Change(status, v, issuedOn, validUntil, letterNumber, returnReason, memberId, memberName, memberIdMasked, targetBranchId);
        }

        public Change letter(LocalDate issued, LocalDate valid, String number) {
            return new Change(status, duesPaidUntil, issued, valid, number, returnReason, memberId, memberName, memberIdMasked, targetBranchId);
        }

        public Change returnReason(String v) {
            return new Change(status, duesPaidUntil, issuedOn, validUntil, letterNumber, v, memberId, memberName, memberIdMasked, targetBranchId);
        }

        public Change member(long id, String name, String masked) {
            return new Change(status, duesPaidUntil, issuedOn, validUntil, letterNumber, returnReason, id, name, masked, targetBranchId);
        }

        public Change targetBranch(long v) {
            return new Change(status, duesPaidUntil, issuedOn, validUntil, letterNumber, returnReason, memberId, memberName, memberIdMasked, v);
        }
    }

    /** A letter past or near its validity, for the R4.5 warning. */
    public record ExpiringLetter(long transferId, Long orgId, String orgPath, Long memberId, String memberName,
                                 LocalDate validUntil, String toOrgName) {
    }

    public long insert(TransferTransferRecord r) {
        OffsetDateTime now = now();
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.setVersion(0);
        r.changed(TRANSFER_TRANSFER.ID, false);
        TransferTransferRecord stored = db.insertInto(TRANSFER_TRANSFER).set(r).returning().fetchOne();
        return stored.getId();
    }

    public Optional<TransferTransferRecord> find(long id) {
        return db.selectFrom(TRANSFER_TRANSFER).where(TRANSFER_TRANSFER.ID.eq(id)).fetchOptional();
    }

    /** Moves to the next state only if nobody else did first (version check); false = lost the race. */
    public boolean transition(long id, int expectedVersion, TransferStatus from, Change c) {
        var t = TRANSFER_TRANSFER;
        var u = db.update(t).set(t.STATUS, c.status()).set(t.VERSION, expectedVersion + 1).set(t.UPDATED_AT, now());
        if (c.duesPaidUntil() != null) {
            u = u.set(t.DUES_PAID_UNTIL, c.duesPaidUntil());
        }
        if (c.issuedOn() != null) {
            u = u.set(t.ISSUED_ON, c.issuedOn()).set(t.VALID_UNTIL, c.validUntil()).set(t.LETTER_NUMBER, c.letterNumber());
        }
        if (c.returnReason() != null) {
            u = u.set(t.RETURN_REASON, c.returnReason());
        }
        if (c.memberId() != null) {
            u = u.set(t.MEMBER_ID, c.memberId()).set(t.MEMBER_NAME, c.memberName()).set(t.MEMBER_ID_MASKED, c.memberIdMasked());
        }
        if (c.targetBranchId() != null) {
            u = u.set(t.TARGET_BRANCH_ID, c.targetBranchId());
        }
        return u.where(t.ID.eq(id)).and(t.VERSION.eq(expectedVersion)).and(t.STATUS.eq(from)).execute() == 1;
    }

    /** A step of the history; the first (the creation) has no action and no from-status. */
    public void step(TransferTransferRecord t, TransferAction action, TransferStatus from, TransferStatus to, String note,
                     String actor) {
        TransferStepRecord s = db.newRecord(TRANSFER_STEP);
        s.setRegionOrgId(t.getRegionOrgId());
        s.setTransferId(t.getId());
        s.setAction(action);
        s.setFromStatus(from);
        s.setToStatus(to);
        s.setNote(note);
        s.setActor(actor);
        s.setCreatedAt(now());
        s.store();
    }

    public List<TransferStepRecord> steps(long transferId) {
        return db.selectFrom(TRANSFER_STEP).where(TRANSFER_STEP.TRANSFER_ID.eq(transferId)).orderBy(TRANSFER_STEP.ID).fetch();
    }

    /** Transfers sent from ({@code SENDING}), addressed to ({@code RECEIVING}) or touching (null) the subtree. */
    public List<TransferTransferRecord> list(String scopePath, TransferSide box, TransferStatus status, int page, int size) {
        return db.selectFrom(TRANSFER_TRANSFER).where(listed(scopePath, box, status)).orderBy(TRANSFER_TRANSFER.ID.desc())
                .limit(size).offset((long) page * size).fetch();
    }

    public long count(String scopePath, TransferSide box, TransferStatus status) {
        return db.fetchCount(TRANSFER_TRANSFER, listed(scopePath, box, status));
    }

    /** Letters on either side of the subtree past their validity on {@code today}, not yet reported (R4.5). */
    public List<TransferTransferRecord> overdue(String scopePath, LocalDate today, int limit) {
        return db.selectFrom(TRANSFER_TRANSFER).where(listed(scopePath, null, null))
                .and(TRANSFER_TRANSFER.STATUS.in(LETTER_OUT)).and(TRANSFER_TRANSFER.VALID_UNTIL.lt(today))
                .orderBy(TRANSFER_TRANSFER.ID.desc()).limit(limit).fetch();
    }

    /** Travelling letters valid until {@code by} or earlier, streamed to {@code sink} (the warning sweep). */
    public void expiringLetters(LocalDate by, Consumer<ExpiringLetter> sink) {
        var t = TRANSFER_TRANSFER;
        try (var cursor = db.select(t.ID, DSL.coalesce(t.FROM_ORG_ID, t.TO_ORG_ID), t.ORG_PATH, t.MEMBER_ID, t.MEMBER_NAME,
                        t.VALID_UNTIL, t.TO_ORG_NAME)
                .from(t).where(t.STATUS.in(LETTER_OUT)).and(t.VALID_UNTIL.le(by)).fetchLazy()) {
            for (var r : cursor) {
                sink.accept(new ExpiringLetter(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
            }
        }
    }

    public boolean openFor(long memberId) {
        return db.fetchExists(TRANSFER_TRANSFER, TRANSFER_TRANSFER.MEMBER_ID.eq(memberId)
                .and(TRANSFER_TRANSFER.STATUS.notIn(TransferStatus.COMPLETED, TransferStatus.CANCELLED)));
    }

    /**
     * Moves a transfer and its steps {@code days} into the past, keeping their order (the demo's lived year: transfers
     * made through the service today, dated over the year).
     */
    public void backdate(long id, int days) {
        var t = TRANSFER_TRANSFER;
        var rec = db.selectFrom(t).where(t.ID.eq(id)).fetchOne();
        rec.setCreatedAt(rec.getCreatedAt().minusDays(days));
        rec.setUpdatedAt(rec.getUpdatedAt().minusDays(Math.max(0, days - 6)));
        if (rec.getIssuedOn() != null) {
            rec.setIssuedOn(rec.getIssuedOn().minusDays(Math.max(0, days - 2)));
        }
        if (rec.getValidUntil() != null) {
            rec.setValidUntil(rec.getValidUntil().minusDays(Math.max(0, days - 2)));
        }
        rec.update();
        var s = TRANSFER_STEP;
        var steps = db.selectFrom(s).where(s.TRANSFER_ID.eq(id)).orderBy(s.ID).fetch();
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            step.setCreatedAt(step.getCreatedAt().minusDays(Math.max(0, days - i)));
            step.update();
        }
    }

    private static Condition listed(String scopePath, TransferSide box, TransferStatus status) {
        Condition sending = OrgPathSql.subtree(TRANSFER_TRANSFER.ORG_PATH, scopePath);
        Condition receiving = scopePath.isEmpty() ? TRANSFER_TRANSFER.TO_ORG_PATH.isNotNull()
                : OrgPathSql.subtree(TRANSFER_TRANSFER.TO_ORG_PATH, scopePath);
        // the whole tree (an empty path) holds every transfer: noCondition().or(x) would be just x in jOOQ
        Condition c = box == TransferSide.SENDING ? sending : box == TransferSide.RECEIVING ? receiving
                : scopePath.isEmpty() ? DSL.noCondition() : sending.or(receiving);
        return status == null ? c : c.and(TRANSFER_TRANSFER.STATUS.eq(status));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
