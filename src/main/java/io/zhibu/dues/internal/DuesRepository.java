package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_ENTRY;
import static io.zhibu.db.Tables.DUES_PAYMENT;

import io.zhibu.db.tables.records.DuesAccountRecord;
import io.zhibu.db.tables.records.DuesEntryRecord;
import io.zhibu.db.tables.records.DuesPaymentRecord;
import io.zhibu.member.MemberEvents.MemberFacts;
import io.zhibu.shared.OrgPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the dues module: only the dues_ tables. */
@Repository
public class DuesRepository {
    public static final String LIABLE_STANDING = "NORMAL";
    private final DSLContext db;
    private final org.springframework.context.ApplicationEventPublisher events;

    public DuesRepository(DSLContext db, org.springframework.context.ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    public static Condition subtree(TableField<?, String> path, String scopePath) {
        return scopePath == null || scopePath.isEmpty() ? DSL.noCondition()
                : path.ge(scopePath).and(path.lt(OrgPath.upperBound(scopePath)));
    }

    // --- projection of liable members (kept from member and org events)

    public void insertAccounts(List<MemberFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        var insert = db.insertInto(DUES_ACCOUNT, DUES_ACCOUNT.MEMBER_ID, DUES_ACCOUNT.REGION_ORG_ID, DUES_ACCOUNT.ORG_ID,
                DUES_ACCOUNT.ORG_PATH, DUES_ACCOUNT.MEMBER_CATEGORY, DUES_ACCOUNT.JOINED_ON, DUES_ACCOUNT.STANDING,
                DUES_ACCOUNT.UPDATED_AT);
        for (MemberFacts f : facts) {
            insert = insert.values(f.memberId(), f.regionOrgId(), f.orgId(), f.orgPath(), f.category().name(),
                    f.joinedOn(), f.standing().name(), now);
        }
        insert.execute();
    }

    public void updateAccount(MemberFacts f) {
        int n = db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.REGION_ORG_ID, f.regionOrgId())
                .set(DUES_ACCOUNT.ORG_ID, f.orgId()).set(DUES_ACCOUNT.ORG_PATH, f.orgPath())
                .set(DUES_ACCOUNT.MEMBER_CATEGORY, f.category().name()).set(DUES_ACCOUNT.JOINED_ON, f.joinedOn())
                .set(DUES_ACCOUNT.STANDING, f.standing().name()).set(DUES_ACCOUNT.UPDATED_AT, now())
                .where(DUES_ACCOUNT.MEMBER_ID.eq(f.memberId())).execute();
        if (n == 0) {
            insertAccounts(List.of(f));
        }
    }

    public void moveAccounts(Collection<Long> memberIds, long orgId, String orgPath, long regionOrgId) {
        db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.ORG_ID, orgId).set(DUES_ACCOUNT.ORG_PATH, orgPath)
                .set(DUES_ACCOUNT.REGION_ORG_ID, regionOrgId).set(DUES_ACCOUNT.UPDATED_AT, now())
                .where(DUES_ACCOUNT.MEMBER_ID.in(memberIds)).execute();
    }

    public void mergeOrg(long sourceOrgId, long targetOrgId, String targetPath, long regionOrgId) {
        db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.ORG_ID, targetOrgId).set(DUES_ACCOUNT.ORG_PATH, targetPath)
                .set(DUES_ACCOUNT.REGION_ORG_ID, regionOrgId).set(DUES_ACCOUNT.UPDATED_AT, now())
                .where(DUES_ACCOUNT.ORG_ID.eq(sourceOrgId)).execute();
    }

    /** A moved subtree: every dues row under the old path follows (history stays visible to the new superiors). */
    public void rePath(String oldPath, String newPath, long regionOrgId) {
        rePath(DUES_ACCOUNT.ORG_PATH, DUES_ACCOUNT.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(DUES_BILL.ORG_PATH, DUES_BILL.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(DUES_ENTRY.ORG_PATH, DUES_ENTRY.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(DUES_PAYMENT.ORG_PATH, DUES_PAYMENT.REGION_ORG_ID, oldPath, newPath, regionOrgId);
    }

    private void rePath(TableField<?, String> path, TableField<?, Long> region, String oldPath, String newPath,
                        long regionOrgId) {
        Field<String> moved = DSL.concat(DSL.val(newPath), DSL.substring(path, oldPath.length() + 1));
        db.update(path.getTable()).set(path, moved).set(region, regionOrgId).where(subtree(path, oldPath)).execute();
    }

    public Optional<DuesAccountRecord> account(long memberId) {
        return db.selectFrom(DUES_ACCOUNT).where(DUES_ACCOUNT.MEMBER_ID.eq(memberId)).fetchOptional();
    }

    public List<DuesAccountRecord> accountsOfOrg(long orgId, int limit) {
        return db.selectFrom(DUES_ACCOUNT).where(DUES_ACCOUNT.ORG_ID.eq(orgId))
                .orderBy(DUES_ACCOUNT.MEMBER_ID).limit(limit).fetch();
    }

    public boolean setBase(long memberId, int version, String category, BigDecimal base, BigDecimal amount, int year) {
        return db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.DUES_CATEGORY, category).set(DUES_ACCOUNT.MONTHLY_BASE, base)
                .set(DUES_ACCOUNT.MONTHLY_AMOUNT, amount).set(DUES_ACCOUNT.BASE_YEAR, year)
                .set(DUES_ACCOUNT.VERSION, DUES_ACCOUNT.VERSION.plus(1)).set(DUES_ACCOUNT.UPDATED_AT, now())
                .where(DUES_ACCOUNT.MEMBER_ID.eq(memberId)).and(DUES_ACCOUNT.VERSION.eq(version)).execute() == 1;
    }

    // --- monthly bills

    /**
     * 开具 one month's bills for every liable member of the subtree in ONE set-based INSERT…SELECT; members who
     * already have the month's bill are skipped (ON CONFLICT DO NOTHING), so issuing twice creates nothing new. Probationary members are
     * liable from their admission month (R2.8, R5.3).
     */
    public int issue(LocalDate period, String scopePath) {
        LocalDate lastDay = period.plusMonths(1).minusDays(1);
        var a = DUES_ACCOUNT;
        int issued = db.insertInto(DUES_BILL, DUES_BILL.REGION_ORG_ID, DUES_BILL.ORG_ID, DUES_BILL.ORG_PATH,
                        DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD, DUES_BILL.AMOUNT_DUE, DUES_BILL.DUES_CATEGORY,
                        DUES_BILL.CREATED_AT)
                .select(db.select(a.REGION_ORG_ID, a.ORG_ID, a.ORG_PATH, a.MEMBER_ID, DSL.val(period),
                                a.MONTHLY_AMOUNT, a.DUES_CATEGORY, DSL.val(now()))
                        .from(a)
                        .where(subtree(a.ORG_PATH, scopePath))
                        .and(a.STANDING.eq(LIABLE_STANDING))
                        .and(a.JOINED_ON.le(lastDay)))
                // the unique (member_id, period) index skips members already billed: no anti-join on the table
                // being filled (PostgreSQL would re-scan its own new rows for every member)
                .onConflict(DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD).doNothing()
                .execute();
        if (issued > 0) { // the month's figures of every billed branch changed: one recompute of the month
            java.time.YearMonth m = java.time.YearMonth.from(period);
            events.publishEvent(io.zhibu.shared.rollup.FactsChanged.months("dues", java.util.Set.of(0L), m, m));
        }
        return issued;
    }

    public Optional<BigDecimal> billAmount(long memberId, LocalDate period) {
        return db.select(DUES_BILL.AMOUNT_DUE).from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(memberId))
                .and(DUES_BILL.PERIOD.eq(period)).fetchOptional(DUES_BILL.AMOUNT_DUE);
    }

    public Optional<LocalDate> firstBill(long memberId) {
        return Optional.ofNullable(db.select(DSL.min(DUES_BILL.PERIOD)).from(DUES_BILL)
                .where(DUES_BILL.MEMBER_ID.eq(memberId)).fetchOne(0, LocalDate.class));
    }

    /** The member's bills, newest first, each with what the ledger holds for it (payments minus reversals). */
    public List<Record> bills(long memberId, int limit) {
        Field<BigDecimal> paid = paidOf(DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD);
        return db.select(DUES_BILL.PERIOD, DUES_BILL.AMOUNT_DUE, DUES_BILL.DUES_CATEGORY, paid.as("paid"))
                .from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(memberId))
                .orderBy(DUES_BILL.PERIOD.desc()).limit(limit).fetch().stream().<Record>map(r -> r).toList();
    }

    private Field<BigDecimal> paidOf(Field<Long> memberId, Field<LocalDate> period) {
        return DSL.field(db.select(DSL.coalesce(DSL.sum(DUES_ENTRY.AMOUNT), BigDecimal.ZERO)).from(DUES_ENTRY)
                .where(DUES_ENTRY.MEMBER_ID.eq(memberId)).and(DUES_ENTRY.PERIOD.eq(period)));
    }

    // --- payments and ledger entries

    public long insertPayment(DuesPaymentRecord p) {
        p.attach(db.configuration());
        p.setCreatedAt(now());
        p.store();
        return p.getId();
    }

    public Optional<DuesPaymentRecord> payment(long id) {
        return db.selectFrom(DUES_PAYMENT).where(DUES_PAYMENT.ID.eq(id)).fetchOptional();
    }

    public Optional<DuesPaymentRecord> paymentByKey(long memberId, String key) {
        return db.selectFrom(DUES_PAYMENT).where(DUES_PAYMENT.MEMBER_ID.eq(memberId))
                .and(DUES_PAYMENT.IDEMPOTENCY_KEY.eq(key)).fetchOptional();
    }

    public List<DuesPaymentRecord> payments(long memberId, int limit) {
        return db.selectFrom(DUES_PAYMENT).where(DUES_PAYMENT.MEMBER_ID.eq(memberId))
                .orderBy(DUES_PAYMENT.ID.desc()).limit(limit).fetch();
    }

    /** Claims the member's single open-payment slot (optimistic): false when another payment is open. */
    public boolean claimPending(long memberId, int version, long paymentId) {
        return db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.PENDING_PAYMENT_ID, paymentId)
                .set(DUES_ACCOUNT.VERSION, DUES_ACCOUNT.VERSION.plus(1))
                .where(DUES_ACCOUNT.MEMBER_ID.eq(memberId)).and(DUES_ACCOUNT.VERSION.eq(version))
                .and(DUES_ACCOUNT.PENDING_PAYMENT_ID.isNull()).execute() == 1;
    }

    /** Moves a payment out of PENDING exactly once; a duplicate or late callback changes nothing. */
    public boolean finish(long paymentId, String status, String gatewayRef, String reason) {
        return db.update(DUES_PAYMENT).set(DUES_PAYMENT.STATUS, status).set(DUES_PAYMENT.OPEN_MEMBER_ID, (Long) null)
                .set(DUES_PAYMENT.GATEWAY_REF, DSL.coalesce(DSL.val(gatewayRef), DUES_PAYMENT.GATEWAY_REF))
                .set(DUES_PAYMENT.FAILURE_REASON, reason).set(DUES_PAYMENT.COMPLETED_AT, now())
                .set(DUES_PAYMENT.VERSION, DUES_PAYMENT.VERSION.plus(1))
                .where(DUES_PAYMENT.ID.eq(paymentId)).and(DUES_PAYMENT.STATUS.eq("PENDING")).execute() == 1;
    }

    /** A success reported after a failure (out-of-order callbacks): the money arrived, so apply it. */
    public boolean refinish(long paymentId) {
        return db.update(DUES_PAYMENT).set(DUES_PAYMENT.STATUS, "SUCCEEDED").set(DUES_PAYMENT.FAILURE_REASON, (String) null)
                .set(DUES_PAYMENT.COMPLETED_AT, now()).set(DUES_PAYMENT.VERSION, DUES_PAYMENT.VERSION.plus(1))
                .where(DUES_PAYMENT.ID.eq(paymentId)).and(DUES_PAYMENT.STATUS.eq("FAILED")).execute() == 1;
    }

    public boolean markReversed(long paymentId) {
        return db.update(DUES_PAYMENT).set(DUES_PAYMENT.STATUS, "REVERSED")
                .set(DUES_PAYMENT.VERSION, DUES_PAYMENT.VERSION.plus(1))
                .where(DUES_PAYMENT.ID.eq(paymentId)).and(DUES_PAYMENT.STATUS.eq("SUCCEEDED")).execute() == 1;
    }

    /** Applies a payment to the account: paid-up-to advances only from the month it was computed against. */
    public boolean advance(long memberId, LocalDate expectedPaidUpTo, LocalDate newPaidUpTo, Long pendingPaymentId) {
        Condition pending = pendingPaymentId == null ? DUES_ACCOUNT.PENDING_PAYMENT_ID.isNull()
                : DUES_ACCOUNT.PENDING_PAYMENT_ID.eq(pendingPaymentId);
        Condition expected = expectedPaidUpTo == null ? DUES_ACCOUNT.PAID_UP_TO.isNull()
                : DUES_ACCOUNT.PAID_UP_TO.eq(expectedPaidUpTo);
        return db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.PAID_UP_TO, newPaidUpTo)
                .set(DUES_ACCOUNT.PENDING_PAYMENT_ID, (Long) null)
                .set(DUES_ACCOUNT.VERSION, DUES_ACCOUNT.VERSION.plus(1)).set(DUES_ACCOUNT.UPDATED_AT, now())
                .where(DUES_ACCOUNT.MEMBER_ID.eq(memberId)).and(pending).and(expected).execute() == 1;
    }

    public void releasePending(long memberId, long paymentId) {
        db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.PENDING_PAYMENT_ID, (Long) null)
                .set(DUES_ACCOUNT.VERSION, DUES_ACCOUNT.VERSION.plus(1))
                .where(DUES_ACCOUNT.MEMBER_ID.eq(memberId)).and(DUES_ACCOUNT.PENDING_PAYMENT_ID.eq(paymentId)).execute();
    }

    public void insertEntries(List<DuesEntryRecord> entries) {
        OffsetDateTime now = now();
        entries.forEach(e -> e.setCreatedAt(now));
        db.batchInsert(entries).execute();
        // the paid figures of the bills' branches changed for these months (rollups follow, in this transaction)
        var members = entries.stream().map(DuesEntryRecord::getMemberId).collect(java.util.stream.Collectors.toSet());
        var months = entries.stream().map(e -> java.time.YearMonth.from(e.getPeriod())).sorted().toList();
        if (!months.isEmpty()) {
            var orgIds = db.selectDistinct(DUES_BILL.ORG_ID).from(DUES_BILL).where(DUES_BILL.MEMBER_ID.in(members))
                    .and(DUES_BILL.PERIOD.between(months.getFirst().atDay(1), months.getLast().atDay(1)))
                    .fetchSet(DUES_BILL.ORG_ID);
            if (!orgIds.isEmpty()) {
                events.publishEvent(io.zhibu.shared.rollup.FactsChanged.months("dues", orgIds, months.getFirst(),
                        months.getLast()));
            }
        }
    }

    public List<DuesEntryRecord> entriesOfPayment(long paymentId) {
        return db.selectFrom(DUES_ENTRY).where(DUES_ENTRY.PAYMENT_ID.eq(paymentId)).and(DUES_ENTRY.KIND.in("PAYMENT", "VOLUNTARY"))
                .orderBy(DUES_ENTRY.PERIOD).fetch();
    }

    // --- arrears and reports

    /** Members of the subtree with at least {@code minMonths} issued bills after their paid-up-to month. */
    public List<Record> arrears(String scopePath, Long orgId, LocalDate current, int minMonths, int limit) {
        var a = DUES_ACCOUNT;
        Field<Integer> months = DSL.count().as("months");
        return db.select(a.MEMBER_ID, a.ORG_ID, a.PAID_UP_TO, months, DSL.min(DUES_BILL.PERIOD).as("since"),
                        DSL.sum(DUES_BILL.AMOUNT_DUE).as("owed"))
                .from(a).join(DUES_BILL).on(DUES_BILL.MEMBER_ID.eq(a.MEMBER_ID))
                .where(subtree(a.ORG_PATH, scopePath)).and(orgId == null ? DSL.noCondition() : a.ORG_ID.eq(orgId))
                .and(DUES_BILL.PERIOD.gt(DSL.coalesce(a.PAID_UP_TO, DSL.val(LocalDate.of(1, 1, 1)))))
                .and(DUES_BILL.PERIOD.le(current))
                .groupBy(a.MEMBER_ID, a.ORG_ID, a.PAID_UP_TO)
                .having(DSL.count().ge(minMonths))
                .orderBy(DSL.count().desc(), a.MEMBER_ID).limit(limit).fetch().stream().<Record>map(r -> r).toList();
    }

    /** 公示: per member of one branch, due and paid over [from, to] and paid-up-to (amounts only, no income). */
    public List<Record> publicity(long orgId, LocalDate from, LocalDate to) {
        var a = DUES_ACCOUNT;
        Field<BigDecimal> due = DSL.field(db.select(DSL.coalesce(DSL.sum(DUES_BILL.AMOUNT_DUE), BigDecimal.ZERO))
                .from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(a.MEMBER_ID)).and(DUES_BILL.PERIOD.between(from, to)));
        Field<BigDecimal> paid = DSL.field(db.select(DSL.coalesce(DSL.sum(DUES_ENTRY.AMOUNT), BigDecimal.ZERO))
                .from(DUES_ENTRY).where(DUES_ENTRY.MEMBER_ID.eq(a.MEMBER_ID)).and(DUES_ENTRY.PERIOD.between(from, to)));
        return db.select(a.MEMBER_ID, a.DUES_CATEGORY, a.PAID_UP_TO, due.as("due"), paid.as("paid"))
                .from(a).where(a.ORG_ID.eq(orgId)).orderBy(a.MEMBER_ID).fetch().stream().<Record>map(r -> r).toList();
    }

    /** Collection rate per branch of the subtree for one month: bills issued vs ledger entries for that month. */
    public List<Record> collection(String scopePath, LocalDate period, int limit) {
        var paid = DSL.select(DUES_ENTRY.MEMBER_ID, DSL.sum(DUES_ENTRY.AMOUNT).as("paid")).from(DUES_ENTRY)
                .where(subtree(DUES_ENTRY.ORG_PATH, scopePath)).and(DUES_ENTRY.PERIOD.eq(period))
                .groupBy(DUES_ENTRY.MEMBER_ID).asTable("p");
        Field<BigDecimal> paidAmount = paid.field("paid", BigDecimal.class);
        return db.select(DUES_BILL.ORG_ID, DSL.count().as("bills"), DSL.sum(DUES_BILL.AMOUNT_DUE).as("due"),
                        DSL.coalesce(DSL.sum(paidAmount), BigDecimal.ZERO).as("paid"),
                        DSL.count(paidAmount).as("payers"))
                .from(DUES_BILL).leftJoin(paid).on(paid.field(DUES_ENTRY.MEMBER_ID).eq(DUES_BILL.MEMBER_ID))
                .where(subtree(DUES_BILL.ORG_PATH, scopePath)).and(DUES_BILL.PERIOD.eq(period))
                .groupBy(DUES_BILL.ORG_ID).orderBy(DUES_BILL.ORG_ID).limit(limit).fetch().stream().<Record>map(r -> r).toList();
    }

    /** Reconciliation of one branch and month: payments completed vs ledger entries written, per method. */
    public List<Record> reconciliation(long orgId, OffsetDateTime from, OffsetDateTime to) {
        var payments = db.select(DUES_PAYMENT.METHOD, DSL.count().as("payments"), DSL.sum(DUES_PAYMENT.AMOUNT).as("received"))
                .from(DUES_PAYMENT).where(DUES_PAYMENT.ORG_PATH.in(db.select(DUES_ACCOUNT.ORG_PATH).from(DUES_ACCOUNT)
                        .where(DUES_ACCOUNT.ORG_ID.eq(orgId))))
                .and(DUES_PAYMENT.STATUS.in("SUCCEEDED", "REVERSED"))
                .and(DUES_PAYMENT.COMPLETED_AT.ge(from)).and(DUES_PAYMENT.COMPLETED_AT.lt(to))
                .groupBy(DUES_PAYMENT.METHOD).fetch();
        var entries = db.select(DUES_ENTRY.METHOD, DSL.sum(DUES_ENTRY.AMOUNT).as("booked"))
                .from(DUES_ENTRY).where(DUES_ENTRY.ORG_PATH.in(db.select(DUES_ACCOUNT.ORG_PATH).from(DUES_ACCOUNT)
                        .where(DUES_ACCOUNT.ORG_ID.eq(orgId))))
                .and(DUES_ENTRY.KIND.in("PAYMENT", "VOLUNTARY"))
                .and(DUES_ENTRY.CREATED_AT.ge(from)).and(DUES_ENTRY.CREATED_AT.lt(to))
                .groupBy(DUES_ENTRY.METHOD).fetch();
        List<Record> out = new ArrayList<>();
        Field<?>[] fields = {DSL.field("method", String.class), DSL.field("payments", Integer.class),
                DSL.field("received", BigDecimal.class), DSL.field("booked", BigDecimal.class)};
        List<String> methods = new ArrayList<>();
        payments.forEach(r -> methods.add(r.value1()));
        entries.forEach(r -> { if (!methods.contains(r.value1())) methods.add(r.value1()); });
        for (String m : methods) {
            var p = payments.stream().filter(r -> r.value1().equals(m)).findFirst();
            var e = entries.stream().filter(r -> r.value1().equals(m)).findFirst();
            Record r = db.newRecord(fields);
            r.set(DSL.field("method", String.class), m);
            r.set(DSL.field("payments", Integer.class), p.map(x -> x.value2()).orElse(0));
            r.set(DSL.field("received", BigDecimal.class), p.map(x -> x.value3()).orElse(BigDecimal.ZERO));
            r.set(DSL.field("booked", BigDecimal.class), e.map(x -> x.value2()).orElse(BigDecimal.ZERO));
            out.add(r);
        }
        return out;
    }

    public int countBills(LocalDate period) {
        return db.fetchCount(DUES_BILL, DUES_BILL.PERIOD.eq(period));
    }

    public DSLContext db() {
        return db;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
