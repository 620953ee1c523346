package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ENTRY;
import static io.zhibu.db.Tables.DUES_PAYMENT;
import static io.zhibu.db.Tables.DUES_REMITTANCE;

import io.zhibu.db.tables.records.DuesRemittanceRecord;
import io.zhibu.dues.PaymentStatus;
import io.zhibu.dues.RemittanceStatus;
import io.zhibu.shared.db.OrgPathSql;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** SQL of remittances to the superior committee (上缴) and the collected sums they are checked against. */
@Repository
public class DuesRemittanceRepository {
    private final DSLContext db;

    public DuesRemittanceRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(DuesRemittanceRecord r) {
        r.attach(db.configuration());
        r.setCreatedAt(DuesRepository.now());
        r.store();
        return r.getId();
    }

    public Optional<DuesRemittanceRecord> find(long id) {
        return db.selectFrom(DUES_REMITTANCE).where(DUES_REMITTANCE.ID.eq(id)).fetchOptional();
    }

    public boolean voucherExists(long orgId, String voucherNo) {
        return db.fetchExists(DUES_REMITTANCE, DUES_REMITTANCE.ORG_ID.eq(orgId).and(DUES_REMITTANCE.VOUCHER_NO.eq(voucherNo)));
    }

    public boolean confirm(long id, int version, String by) {
        return db.update(DUES_REMITTANCE).set(DUES_REMITTANCE.STATUS, RemittanceStatus.CONFIRMED).set(DUES_REMITTANCE.CONFIRMED_BY, by)
                .set(DUES_REMITTANCE.CONFIRMED_AT, DuesRepository.now())
                .set(DUES_REMITTANCE.VERSION, DUES_REMITTANCE.VERSION.plus(1))
                .where(DUES_REMITTANCE.ID.eq(id)).and(DUES_REMITTANCE.VERSION.eq(version))
                .and(DUES_REMITTANCE.STATUS.eq(RemittanceStatus.RECORDED)).execute() == 1;
    }

    /** Remittances sent from inside the subtree or received by it, overlapping [from, to]. */
    public List<DuesRemittanceRecord> list(String scopePath, LocalDate from, LocalDate to, int limit) {
        return db.selectFrom(DUES_REMITTANCE)
                .where(OrgPathSql.subtree(DUES_REMITTANCE.ORG_PATH, scopePath))
                .and(DUES_REMITTANCE.PERIOD_FROM.le(to)).and(DUES_REMITTANCE.PERIOD_TO.ge(from))
                .orderBy(DUES_REMITTANCE.ORG_PATH, DUES_REMITTANCE.PERIOD_FROM, DUES_REMITTANCE.ID).limit(limit).fetch();
    }

    /** 实收 collected per branch path: the ledger (payments, voluntary, reversals) of the months [from, to]. */
    public Map<String, BigDecimal> collected(String scopePath, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> out = new HashMap<>();
        db.select(DUES_ENTRY.ORG_PATH, org.jooq.impl.DSL.sum(DUES_ENTRY.AMOUNT)).from(DUES_ENTRY)
                .where(OrgPathSql.subtree(DUES_ENTRY.ORG_PATH, scopePath)).and(DUES_ENTRY.PERIOD.between(from, to))
                .groupBy(DUES_ENTRY.ORG_PATH).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** R5.5 voluntary one-off payments ≥1000 yuan (to be remitted in full) per branch path in [from, to]. */
    public Map<String, BigDecimal> remitInFull(String scopePath, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> out = new HashMap<>();
        db.select(DUES_PAYMENT.ORG_PATH, org.jooq.impl.DSL.sum(DUES_PAYMENT.VOLUNTARY)).from(DUES_PAYMENT)
                .where(OrgPathSql.subtree(DUES_PAYMENT.ORG_PATH, scopePath)).and(DUES_PAYMENT.REMIT_IN_FULL.isTrue())
                .and(DUES_PAYMENT.STATUS.eq(PaymentStatus.SUCCEEDED)).and(DUES_PAYMENT.PERIOD_TO.between(from, to))
                .groupBy(DUES_PAYMENT.ORG_PATH).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Remittances received and confirmed by organizations of the subtree, per receiving path. */
    public Map<String, BigDecimal> received(String scopePath, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> out = new HashMap<>();
        db.select(DUES_REMITTANCE.TO_ORG_PATH, org.jooq.impl.DSL.sum(DUES_REMITTANCE.AMOUNT)).from(DUES_REMITTANCE)
                .where(OrgPathSql.subtree(DUES_REMITTANCE.TO_ORG_PATH, scopePath))
                .and(DUES_REMITTANCE.STATUS.eq(RemittanceStatus.CONFIRMED))
                .and(DUES_REMITTANCE.PERIOD_FROM.le(to)).and(DUES_REMITTANCE.PERIOD_TO.ge(from))
                .groupBy(DUES_REMITTANCE.TO_ORG_PATH).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }
}
