package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_BILL_CORRECTION;
import static io.zhibu.db.Tables.DUES_RELIEF;

import io.zhibu.db.tables.records.DuesBillCorrectionRecord;
import io.zhibu.db.tables.records.DuesReliefRecord;
import io.zhibu.dues.ReliefStatus;
import io.zhibu.shared.db.OrgPathSql;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of hardship reliefs (困难减免, R5.5) and the correcting entries of issued bills. */
@Repository
public class DuesReliefRepository {
    private final DSLContext db;

    public DuesReliefRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(DuesReliefRecord r) {
        r.attach(db.configuration());
        r.setRequestedAt(DuesRepository.now());
        r.store();
        return r.getId();
    }

    public Optional<DuesReliefRecord> find(long id) {
        return db.selectFrom(DUES_RELIEF).where(DUES_RELIEF.ID.eq(id)).fetchOptional();
    }

    /** PENDING or APPROVED reliefs of the member overlapping [from, to]. */
    public boolean overlaps(long memberId, LocalDate from, LocalDate to) {
        return db.fetchExists(DUES_RELIEF, DUES_RELIEF.MEMBER_ID.eq(memberId)
                .and(DUES_RELIEF.STATUS.in(ReliefStatus.PENDING, ReliefStatus.APPROVED))
                .and(DUES_RELIEF.PERIOD_FROM.le(to)).and(DUES_RELIEF.PERIOD_TO.ge(from)));
    }

    /** Another APPROVED relief of the member overlapping [from, to] (two requests filed at the same moment). */
    public boolean overlapsApproved(long memberId, LocalDate from, LocalDate to, long exceptId) {
        return db.fetchExists(DUES_RELIEF, DUES_RELIEF.MEMBER_ID.eq(memberId).and(DUES_RELIEF.STATUS.eq(ReliefStatus.APPROVED))
                .and(DUES_RELIEF.ID.ne(exceptId)).and(DUES_RELIEF.PERIOD_FROM.le(to)).and(DUES_RELIEF.PERIOD_TO.ge(from)));
    }

    public List<DuesReliefRecord> list(String scopePath, Long memberId, ReliefStatus status, int limit) {
        return db.selectFrom(DUES_RELIEF).where(OrgPathSql.subtree(DUES_RELIEF.ORG_PATH, scopePath))
                .and(memberId == null ? DSL.noCondition() : DUES_RELIEF.MEMBER_ID.eq(memberId))
                .and(status == null ? DSL.noCondition() : DUES_RELIEF.STATUS.eq(status))
                .orderBy(DUES_RELIEF.ID.desc()).limit(limit).fetch();
    }

    /** PENDING → APPROVED/REJECTED exactly once, at the version the reviewer saw. */
    public boolean review(long id, int version, ReliefStatus status, String by, String note) {
        return db.update(DUES_RELIEF).set(DUES_RELIEF.STATUS, status).set(DUES_RELIEF.REVIEWED_BY, by)
                .set(DUES_RELIEF.REVIEWED_AT, DuesRepository.now()).set(DUES_RELIEF.REVIEW_NOTE, note)
                .set(DUES_RELIEF.VERSION, DUES_RELIEF.VERSION.plus(1))
                .where(DUES_RELIEF.ID.eq(id)).and(DUES_RELIEF.VERSION.eq(version))
                .and(DUES_RELIEF.STATUS.eq(ReliefStatus.PENDING)).execute() == 1;
    }

    /** The member's bills already issued in [from, to] with their effective due (bill + corrections). */
    public List<Record> issuedBills(long memberId, LocalDate from, LocalDate to) {
        var adj = DSL.field(db.select(DSL.coalesce(DSL.sum(DUES_BILL_CORRECTION.AMOUNT), BigDecimal.ZERO))
                .from(DUES_BILL_CORRECTION).where(DUES_BILL_CORRECTION.MEMBER_ID.eq(DUES_BILL.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(DUES_BILL_CORRECTION.REGION_ORG_ID, DUES_BILL.REGION_ORG_ID)))
                .and(DUES_BILL_CORRECTION.PERIOD.eq(DUES_BILL.PERIOD)));
        return db.select(DUES_BILL.REGION_ORG_ID, DUES_BILL.ORG_ID, DUES_BILL.ORG_PATH, DUES_BILL.PERIOD,
                        DUES_BILL.AMOUNT_DUE, DUES_BILL.AMOUNT_DUE.plus(adj).as("effective"))
                .from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(memberId)).and(DUES_BILL.PERIOD.between(from, to))
                .orderBy(DUES_BILL.PERIOD).fetch().stream().<Record>map(r -> r).toList();
    }

    public void insertCorrections(List<DuesBillCorrectionRecord> rows) {
        var now = DuesRepository.now();
        rows.forEach(r -> r.setCreatedAt(now));
        if (!rows.isEmpty()) {
            db.batchInsert(rows).execute();
        }
    }
}
