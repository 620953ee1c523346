package io.zhibu.serving.internal;

import static io.zhibu.db.Tables.SERVING_AID;
import static io.zhibu.db.Tables.SERVING_AID_PAYMENT;

import io.zhibu.db.tables.records.ServingAidPaymentRecord;
import io.zhibu.db.tables.records.ServingAidRecord;
import io.zhibu.serving.AidStatus;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** 困难党员帮扶 applications and their payment records (append-only), jOOQ here only. */
@Repository
public class AidRepository {
    private final DSLContext db;

    public AidRepository(DSLContext db) {
        this.db = db;
    }

    /** One year's totals of a subtree: applications, approved, requested, approved and paid amounts. */
    public record YearTotals(int year, int applications, int approved, BigDecimal requested, BigDecimal approvedAmount,
                             BigDecimal paid) {
    }

    /** Demo data: applications (ids assigned) and then their payments. */
    public void insertAll(List<ServingAidRecord> aids, java.util.function.Function<ServingAidRecord, ServingAidPaymentRecord> payment) {
        List<ServingAidPaymentRecord> payments = new java.util.ArrayList<>();
        for (ServingAidRecord a : aids) {
            a.attach(db.configuration());
            a.store();
            ServingAidPaymentRecord p = payment.apply(a);
            if (p != null) {
                payments.add(p);
            }
        }
        if (!payments.isEmpty()) {
            db.batchInsert(payments).execute();
        }
    }

    public ServingAidRecord newAid() {
        return db.newRecord(SERVING_AID);
    }

    public Optional<ServingAidRecord> find(long id) {
        return db.selectFrom(SERVING_AID).where(SERVING_AID.ID.eq(id)).fetchOptional();
    }

    public Optional<ServingAidRecord> forUpdate(long id) {
        return db.selectFrom(SERVING_AID).where(SERVING_AID.ID.eq(id)).forUpdate().fetchOptional();
    }

    private static Condition of(String root, Integer year) {
        Condition c = ServingRepository.under(SERVING_AID.ORG_PATH, root);
        return year == null ? c : c.and(SERVING_AID.AID_YEAR.eq(year));
    }

    public List<ServingAidRecord> page(String root, Integer year, int offset, int limit) {
        return db.selectFrom(SERVING_AID).where(of(root, year))
                .orderBy(SERVING_AID.STATUS, SERVING_AID.FILED_AT.desc(), SERVING_AID.ID.desc()).offset(offset).limit(limit).fetch();
    }

    public long count(String root, Integer year) {
        return db.fetchCount(SERVING_AID, of(root, year));
    }

    public List<ServingAidRecord> ofMember(long memberId) {
        return db.selectFrom(SERVING_AID).where(SERVING_AID.MEMBER_ID.eq(memberId)).orderBy(SERVING_AID.FILED_AT.desc()).fetch();
    }

    /** Applications awaiting a decision under {@code root} but not of the org at {@code ownPath} itself. */
    public List<ServingAidRecord> awaiting(String root, int limit) {
        return db.selectFrom(SERVING_AID).where(ServingRepository.under(SERVING_AID.ORG_PATH, root))
                .and(SERVING_AID.ORG_PATH.ne(root)).and(SERVING_AID.STATUS.eq(AidStatus.APPLIED))
                .orderBy(SERVING_AID.FILED_AT).limit(limit).fetch();
    }

    public boolean decide(long id, int version, AidStatus to, BigDecimal approved, String note, String by,
                          java.time.OffsetDateTime at) {
        return db.update(SERVING_AID).set(SERVING_AID.STATUS, to).set(SERVING_AID.AMOUNT_APPROVED, approved)
                .set(SERVING_AID.DECISION_NOTE, note).set(SERVING_AID.DECIDED_BY, by).set(SERVING_AID.DECIDED_AT, at)
                .set(SERVING_AID.VERSION, version + 1)
                .where(SERVING_AID.ID.eq(id)).and(SERVING_AID.VERSION.eq(version)).execute() == 1;
    }

    public void markPaid(long id) {
        db.update(SERVING_AID).set(SERVING_AID.STATUS, AidStatus.PAID).set(SERVING_AID.VERSION, SERVING_AID.VERSION.plus(1))
                .where(SERVING_AID.ID.eq(id)).execute();
    }

    public ServingAidPaymentRecord newPayment() {
        return db.newRecord(SERVING_AID_PAYMENT);
    }

    public Map<Long, List<ServingAidPaymentRecord>> payments(Collection<Long> aidIds) {
        if (aidIds.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(SERVING_AID_PAYMENT).where(SERVING_AID_PAYMENT.AID_ID.in(aidIds))
                .orderBy(SERVING_AID_PAYMENT.PAID_ON, SERVING_AID_PAYMENT.ID).fetch().stream()
                .collect(Collectors.groupingBy(ServingAidPaymentRecord::getAidId));
    }

    public BigDecimal paid(long aidId) {
        BigDecimal v = db.select(DSL.sum(SERVING_AID_PAYMENT.AMOUNT)).from(SERVING_AID_PAYMENT)
                .where(SERVING_AID_PAYMENT.AID_ID.eq(aidId)).fetchOne(0, BigDecimal.class);
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The ledger's totals per year of a subtree (two grouped reads). */
    public List<YearTotals> totals(String root) {
        Map<Integer, BigDecimal> paid = new java.util.HashMap<>();
        db.select(SERVING_AID.AID_YEAR, DSL.sum(SERVING_AID_PAYMENT.AMOUNT)).from(SERVING_AID_PAYMENT)
                .join(SERVING_AID).on(SERVING_AID.ID.eq(SERVING_AID_PAYMENT.AID_ID))
                .where(ServingRepository.under(SERVING_AID.ORG_PATH, root)).groupBy(SERVING_AID.AID_YEAR)
                .forEach(r -> paid.put(r.value1(), r.value2()));
        var approvedCount = DSL.count().filterWhere(SERVING_AID.STATUS.in(AidStatus.APPROVED, AidStatus.PAID));
        return db.select(SERVING_AID.AID_YEAR, DSL.count(), approvedCount, DSL.sum(SERVING_AID.AMOUNT_REQUESTED),
                        DSL.sum(SERVING_AID.AMOUNT_APPROVED))
                .from(SERVING_AID).where(ServingRepository.under(SERVING_AID.ORG_PATH, root))
                .groupBy(SERVING_AID.AID_YEAR).orderBy(SERVING_AID.AID_YEAR.desc())
                .fetch(r -> new YearTotals(r.value1(), r.value2(), r.value3(), nz(r.value4()), nz(r.value5()),
                        nz(paid.get(r.value1()))));
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2);
    }
}
