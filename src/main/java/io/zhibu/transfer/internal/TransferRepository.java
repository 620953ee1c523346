package io.zhibu.transfer.internal;

import static io.zhibu.db.Tables.TRANSFER_STEP;
import static io.zhibu.db.Tables.TRANSFER_TRANSFER;

import io.zhibu.db.tables.records.TransferStepRecord;
import io.zhibu.db.tables.records.TransferTransferRecord;
import io.zhibu.shared.OrgPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of transfers: sending side by org_path, receiving side by to_org_path, both range scans. */
@Repository
public class TransferRepository {
    private final DSLContext db;

    public TransferRepository(DSLContext db) {
        this.db = db;
    }

    public static Condition sending(String scopePath) {
        return scopePath.isEmpty() ? DSL.noCondition() : TRANSFER_TRANSFER.ORG_PATH.ge(scopePath)
                .and(TRANSFER_TRANSFER.ORG_PATH.lt(OrgPath.upperBound(scopePath)));
    }

    public static Condition receiving(String scopePath) {
        return scopePath.isEmpty() ? TRANSFER_TRANSFER.TO_ORG_PATH.isNotNull() : TRANSFER_TRANSFER.TO_ORG_PATH.ge(scopePath)
                .and(TRANSFER_TRANSFER.TO_ORG_PATH.lt(OrgPath.upperBound(scopePath)));
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
    public boolean transition(long id, int expectedVersion, String fromStatus, Map<Field<?>, Object> set) {
        return db.update(TRANSFER_TRANSFER).set(set).set(TRANSFER_TRANSFER.VERSION, expectedVersion + 1)
                .set(TRANSFER_TRANSFER.UPDATED_AT, now())
                .where(TRANSFER_TRANSFER.ID.eq(id)).and(TRANSFER_TRANSFER.VERSION.eq(expectedVersion))
                .and(TRANSFER_TRANSFER.STATUS.eq(fromStatus)).execute() == 1;
    }

    public void step(TransferTransferRecord t, String action, String from, String to, String note, String actor) {
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

    public List<TransferTransferRecord> list(Condition c, int page, int size) {
        return db.selectFrom(TRANSFER_TRANSFER).where(c).orderBy(TRANSFER_TRANSFER.ID.desc())
                .limit(size).offset((long) page * size).fetch();
    }

    public long count(Condition c) {
        return db.fetchCount(TRANSFER_TRANSFER, c);
    }

    /** Letters past their validity, not yet reported (R4.5 reminder). */
    public static Condition overdue(LocalDate today) {
        return TRANSFER_TRANSFER.STATUS.in("ISSUED", "ACCEPTED").and(TRANSFER_TRANSFER.VALID_UNTIL.lt(today));
    }

    public boolean openFor(long memberId) {
        return db.fetchExists(TRANSFER_TRANSFER, TRANSFER_TRANSFER.MEMBER_ID.eq(memberId)
                .and(TRANSFER_TRANSFER.STATUS.notIn("COMPLETED", "CANCELLED")));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
