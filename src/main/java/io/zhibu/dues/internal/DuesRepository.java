package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_BILL_CORRECTION;
import static io.zhibu.db.Tables.DUES_ENTRY;
import static io.zhibu.db.Tables.DUES_PAYMENT;
import static io.zhibu.db.Tables.DUES_RELIEF;
import static io.zhibu.db.Tables.DUES_REMITTANCE;
import static io.zhibu.shared.db.OrgPathSql.subtree;

import io.zhibu.db.tables.records.DuesAccountRecord;
import io.zhibu.db.tables.records.DuesEntryRecord;
import io.zhibu.db.tables.records.DuesPaymentRecord;
import io.zhibu.dues.DuesCategory;
import io.zhibu.dues.EntryKind;
import io.zhibu.dues.PaymentStateMachine;
import io.zhibu.dues.PaymentStatus;
import io.zhibu.dues.ReliefStatus;
import io.zhibu.member.MemberEvents.MemberFacts;
import io.zhibu.member.MemberStanding;
import io.zhibu.member.RosterProjection;
import io.zhibu.shared.db.OrgPathSql;
import io.zhibu.shared.db.RosterCopy;
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
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the dues module: only the dues_ tables. */
@Repository
public class DuesRepository implements RosterProjection {
    /** dues_account as a copy of the roster (moves and merges follow the member module). */
    private static final RosterCopy ACCOUNTS = new RosterCopy(DUES_ACCOUNT.MEMBER_ID, DUES_ACCOUNT.REGION_ORG_ID,
            DUES_ACCOUNT.ORG_ID, DUES_ACCOUNT.ORG_PATH, DUES_ACCOUNT.UPDATED_AT);
    public static final MemberStanding LIABLE_STANDING = MemberStanding.NORMAL;
    private final DSLContext db;
    private final org.springframework.context.ApplicationEventPublisher events;

    public DuesRepository(DSLContext db, org.springframework.context.ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    // --- projection of liable members (kept from member and org events)

    @Override
    public void insert(List<MemberFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        // one COPY / JDBC batch: a roster import registers members by the thousand
        io.zhibu.shared.db.BulkInsert.rows(db, DUES_ACCOUNT, List.of(DUES_ACCOUNT.MEMBER_ID, DUES_ACCOUNT.REGION_ORG_ID,
                DUES_ACCOUNT.ORG_ID, DUES_ACCOUNT.ORG_PATH, DUES_ACCOUNT.MEMBER_CATEGORY, DUES_ACCOUNT.JOINED_ON,
                DUES_ACCOUNT.STANDING, DUES_ACCOUNT.UPDATED_AT), facts.stream().map(f -> new Object[] {f.memberId(),
                f.regionOrgId(), f.orgId(), f.orgPath(), f.category().name(), f.joinedOn(), f.standing().name(), now}).toList());
    }

    @Override
    public void update(MemberFacts f) {
        int n = db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(DUES_ACCOUNT.REGION_ORG_ID, f.regionOrgId()))
                .set(DUES_ACCOUNT.ORG_ID, f.orgId()).set(DUES_ACCOUNT.ORG_PATH, f.orgPath())
                .set(DUES_ACCOUNT.MEMBER_CATEGORY, f.category()).set(DUES_ACCOUNT.JOINED_ON, f.joinedOn())
                .set(DUES_ACCOUNT.STANDING, f.standing()).set(DUES_ACCOUNT.UPDATED_AT, now())
                .where(DUES_ACCOUNT.MEMBER_ID.eq(f.memberId())).execute();
        if (n == 0) {
            insert(List.of(f));
        }
    }

    @Override
    public void move(List<Long> memberIds, long orgId, String orgPath, long regionOrgId) {
        ACCOUNTS.move(db, memberIds, orgId, orgPath, regionOrgId);
    }

    @Override
    public void merge(long sourceOrgId, long targetOrgId, String targetPath, long regionOrgId) {
        ACCOUNTS.merge(db, sourceOrgId, targetOrgId, targetPath, regionOrgId);
    }

    /** A moved subtree: every dues row under the old path follows (history stays visible to the new superiors). */
    @Override
    public void rePath(String oldPath, String newPath, long regionOrgId) {
        rePath(DUES_ACCOUNT.ORG_PATH, DUES_ACCOUNT.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(DUES_BILL.ORG_PATH, DUES_BILL.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(DUES_ENTRY.ORG_PATH, DUES_ENTRY.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(DUES_PAYMENT.ORG_PATH, DUES_PAYMENT.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(DUES_RELIEF.ORG_PATH, DUES_RELIEF.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(DUES_BILL_CORRECTION.ORG_PATH, DUES_BILL_CORRECTION.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(DUES_REMITTANCE.ORG_PATH, DUES_REMITTANCE.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(DUES_REMITTANCE.TO_ORG_PATH, null, oldPath, newPath, regionOrgId);
    }

    private void rePath(TableField<?, String> path, TableField<?, Long> region, String oldPath, String newPath,
                        long regionOrgId) {
        OrgPathSql.rePath(db, path, region, oldPath, newPath, regionOrgId);
    }

    public Optional<DuesAccountRecord> account(long memberId) {
        return db.selectFrom(DUES_ACCOUNT).where(DUES_ACCOUNT.MEMBER_ID.eq(memberId)).fetchOptional();
    }

    public List<DuesAccountRecord> accountsOfOrg(long orgId, int limit) {
        return db.selectFrom(DUES_ACCOUNT).where(DUES_ACCOUNT.ORG_ID.eq(orgId))
                .orderBy(DUES_ACCOUNT.MEMBER_ID).limit(limit).fetch();
    }

    /**
     * R5.4: records the latest base; {@code billNow} also makes it the billed base at once (the year's first base, a
     * correction, or monthly recompute), otherwise the billed base follows at the first issue of the next year.
     */
    public boolean setBase(long memberId, int version, DuesCategory category, BigDecimal base, BigDecimal amount, int year,
                           boolean billNow) {
        var u = db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.LATEST_CATEGORY, category).set(DUES_ACCOUNT.LATEST_BASE, base)
                .set(DUES_ACCOUNT.LATEST_AMOUNT, amount).set(DUES_ACCOUNT.LATEST_SET_ON, LocalDate.now(ZoneOffset.UTC))
                .set(DUES_ACCOUNT.VERSION, DUES_ACCOUNT.VERSION.plus(1)).set(DUES_ACCOUNT.UPDATED_AT, now());
        if (billNow) {
            u = u.set(DUES_ACCOUNT.DUES_CATEGORY, category).set(DUES_ACCOUNT.MONTHLY_BASE, base)
                    .set(DUES_ACCOUNT.MONTHLY_AMOUNT, amount).set(DUES_ACCOUNT.BASE_YEAR, year);
        }
        return u.where(DUES_ACCOUNT.MEMBER_ID.eq(memberId)).and(DUES_ACCOUNT.VERSION.eq(version)).execute() == 1;
    }

    public boolean setBase(long memberId, int version, DuesCategory category, BigDecimal base, BigDecimal amount, int year) {
        return setBase(memberId, version, category, base, amount, year, true);
    }

    // --- monthly bills

    /**
     * 开具 one month's bills for every liable member of the subtree in ONE set-based INSERT…SELECT; members who
     * already have the month's bill are skipped (ON CONFLICT DO NOTHING), so issuing twice creates nothing new. Probationary members are
     * liable from their admission month (R2.8, R5.3).
     */
    public int issue(LocalDate period, String scopePath) {
        return issue(period, scopePath, false);
    }

    /**
     * As above, after rolling the latest base into the billed base (R5.4): with {@code monthlyRecompute} every
     * issue bills from the latest base; otherwise the latest base takes over only in a year after the billed base's
     * year. A member with an APPROVED relief covering the month is billed the relief amount (R5.5), at most the
     * normal amount, and the bill names the relief.
     */
    public int issue(LocalDate period, String scopePath, boolean monthlyRecompute) {
        LocalDate lastDay = period.plusMonths(1).minusDays(1);
        var a = DUES_ACCOUNT;
        Condition roll = monthlyRecompute
                ? a.MONTHLY_AMOUNT.isDistinctFrom(a.LATEST_AMOUNT).or(a.DUES_CATEGORY.isDistinctFrom(a.LATEST_CATEGORY))
                        .or(a.MONTHLY_BASE.isDistinctFrom(a.LATEST_BASE))
                : a.BASE_YEAR.isNull().or(a.BASE_YEAR.lt(period.getYear()));
        db.update(a).set(a.DUES_CATEGORY, a.LATEST_CATEGORY).set(a.MONTHLY_BASE, a.LATEST_BASE)
                .set(a.MONTHLY_AMOUNT, a.LATEST_AMOUNT).set(a.BASE_YEAR, period.getYear())
                .set(a.VERSION, a.VERSION.plus(1)).set(a.UPDATED_AT, now())
                .where(subtree(a.ORG_PATH, scopePath)).and(a.LATEST_AMOUNT.isNotNull()).and(roll).execute();
        var r = DUES_RELIEF.as("r");
        Condition reliefApplies = r.STATUS.eq(ReliefStatus.APPROVED).and(r.PERIOD_FROM.le(period)).and(r.PERIOD_TO.ge(period));
        // reliefs are rare: without one in the subtree the month is the plain scan (no join on 220,000 rows)
        boolean anyRelief = db.fetchExists(r, reliefApplies.and(subtree(r.ORG_PATH, scopePath)));
        var source = anyRelief
                ? db.select(a.REGION_ORG_ID, a.ORG_ID, a.ORG_PATH, a.MEMBER_ID, DSL.val(period),
                                DSL.coalesce(DSL.least(r.MONTHLY_AMOUNT, a.MONTHLY_AMOUNT), a.MONTHLY_AMOUNT),
                                a.DUES_CATEGORY, DSL.val(now()), r.ID)
                        .from(a)
                        // approved reliefs of one member never overlap: at most one row joins
                        .leftJoin(r).on(r.MEMBER_ID.eq(a.MEMBER_ID)).and(io.zhibu.shared.db.Citus.sameRegion(r.REGION_ORG_ID, a.REGION_ORG_ID)).and(reliefApplies)
                : db.select(a.REGION_ORG_ID, a.ORG_ID, a.ORG_PATH, a.MEMBER_ID, DSL.val(period), a.MONTHLY_AMOUNT,
                                a.DUES_CATEGORY, DSL.val(now()), DSL.castNull(Long.class).as("relief_id"))
                        .from(a);
        int issued = db.insertInto(DUES_BILL, DUES_BILL.REGION_ORG_ID, DUES_BILL.ORG_ID, DUES_BILL.ORG_PATH,
                        DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD, DUES_BILL.AMOUNT_DUE, DUES_BILL.DUES_CATEGORY,
                        DUES_BILL.CREATED_AT, DUES_BILL.RELIEF_ID)
                .select(source
                        .where(subtree(a.ORG_PATH, scopePath))
                        .and(a.STANDING.eq(LIABLE_STANDING))
                        .and(a.JOINED_ON.le(lastDay)))
                // the unique (member_id, period) index skips members already billed: no anti-join on the table
                // being filled (PostgreSQL would re-scan its own new rows for every member)
                // (on Citus the index also holds the region key: db/vendor/citus)
                .onConflict(io.zhibu.shared.db.Citus.enabled()
                        ? java.util.List.of(DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD, DUES_BILL.REGION_ORG_ID)
                        : java.util.List.of(DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD)).doNothing()
                .execute();
        if (issued > 0) { // the month's figures of every billed branch changed: one recompute of the month
            java.time.YearMonth m = java.time.YearMonth.from(period);
            events.publishEvent(io.zhibu.shared.rollup.FactsChanged.months("dues", java.util.Set.of(0L), m, m));
        }
        return issued;
    }

    /** The sum of the corrections of one bill (R5.5 reliefs approved after the bill was issued). */
    private Field<BigDecimal> correctionsOf(Field<Long> memberId, Field<LocalDate> period) {
        return DSL.field(db.select(DSL.coalesce(DSL.sum(DUES_BILL_CORRECTION.AMOUNT), BigDecimal.ZERO))
                .from(DUES_BILL_CORRECTION).where(DUES_BILL_CORRECTION.MEMBER_ID.eq(memberId))
                .and(io.zhibu.shared.db.Citus.sameRegion(DUES_BILL_CORRECTION.REGION_ORG_ID, DUES_BILL.REGION_ORG_ID))
                .and(DUES_BILL_CORRECTION.PERIOD.eq(period)));
    }

    /** 应交 of a month: the bill plus its corrections; an unbilled month: the approved relief or the fallback. */
    public BigDecimal dueFor(long memberId, LocalDate period, BigDecimal fallback) {
        return billAmount(memberId, period).orElseGet(() -> db.select(DUES_RELIEF.MONTHLY_AMOUNT).from(DUES_RELIEF)
                .where(DUES_RELIEF.MEMBER_ID.eq(memberId)).and(DUES_RELIEF.STATUS.eq(ReliefStatus.APPROVED))
                .and(DUES_RELIEF.PERIOD_FROM.le(period)).and(DUES_RELIEF.PERIOD_TO.ge(period))
                .fetchOptional(DUES_RELIEF.MONTHLY_AMOUNT).map(x -> x.min(fallback)).orElse(fallback));
    }

    /** The effective due of an issued bill (amount_due plus corrections). */
    public Optional<BigDecimal> billAmount(long memberId, LocalDate period) {
        Field<BigDecimal> due = DUES_BILL.AMOUNT_DUE.plus(correctionsOf(DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD));
        return db.select(due).from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(memberId))
                .and(DUES_BILL.PERIOD.eq(period)).fetchOptional(due);
    }

    public Optional<LocalDate> firstBill(long memberId) {
        return Optional.ofNullable(db.select(DSL.min(DUES_BILL.PERIOD)).from(DUES_BILL)
                .where(DUES_BILL.MEMBER_ID.eq(memberId)).fetchOne(0, LocalDate.class));
    }

    /** The member's bills, newest first, each with what the ledger holds for it (payments minus reversals). */
    public List<Record> bills(long memberId, int limit) {
        Field<BigDecimal> paid = paidOf(DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD);
        Field<BigDecimal> due = DUES_BILL.AMOUNT_DUE.plus(correctionsOf(DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD));
        return db.select(DUES_BILL.PERIOD, due.as("amount_due"), DUES_BILL.DUES_CATEGORY, paid.as("paid"))
                .from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(memberId))
                .orderBy(DUES_BILL.PERIOD.desc()).limit(limit).fetch().stream().<Record>map(r -> r).toList();
    }

    private Field<BigDecimal> paidOf(Field<Long> memberId, Field<LocalDate> period) {
        return DSL.field(db.select(DSL.coalesce(DSL.sum(DUES_ENTRY.AMOUNT), BigDecimal.ZERO)).from(DUES_ENTRY)
                .where(DUES_ENTRY.MEMBER_ID.eq(memberId)).and(DUES_ENTRY.PERIOD.eq(period))
                .and(io.zhibu.shared.db.Citus.sameRegion(DUES_ENTRY.REGION_ORG_ID, DUES_BILL.REGION_ORG_ID)));
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
    public boolean finish(long paymentId, PaymentStatus status, String gatewayRef, String reason) {
        return db.update(DUES_PAYMENT).set(DUES_PAYMENT.STATUS, status).set(DUES_PAYMENT.OPEN_MEMBER_ID, (Long) null)
                .set(DUES_PAYMENT.GATEWAY_REF, DSL.coalesce(DSL.val(gatewayRef), DUES_PAYMENT.GATEWAY_REF))
                .set(DUES_PAYMENT.FAILURE_REASON, reason).set(DUES_PAYMENT.COMPLETED_AT, now())
                .set(DUES_PAYMENT.VERSION, DUES_PAYMENT.VERSION.plus(1))
                .where(DUES_PAYMENT.ID.eq(paymentId)).and(DUES_PAYMENT.STATUS.eq(PaymentStatus.PENDING)).execute() == 1;
    }

    /** A success after failure or expiry: FAILED/EXPIRED → SUCCEEDED exactly once. */
    public boolean refinishLate(long paymentId) {
        return db.update(DUES_PAYMENT).set(DUES_PAYMENT.STATUS, PaymentStatus.SUCCEEDED).set(DUES_PAYMENT.FAILURE_REASON, (String) null)
                .set(DUES_PAYMENT.COMPLETED_AT, now()).set(DUES_PAYMENT.VERSION, DUES_PAYMENT.VERSION.plus(1))
                .where(DUES_PAYMENT.ID.eq(paymentId)).and(DUES_PAYMENT.STATUS.in(PaymentStatus.FAILED, PaymentStatus.EXPIRED)).execute() == 1;
    }

    /** Money reported after failure or expiry that cannot be booked any more: kept for reconciliation. */
    public boolean markUnapplied(long paymentId) {
        return db.update(DUES_PAYMENT).set(DUES_PAYMENT.STATUS, PaymentStatus.UNAPPLIED).set(DUES_PAYMENT.COMPLETED_AT, now())
                .set(DUES_PAYMENT.FAILURE_REASON, "late success: refund or book manually")
                .set(DUES_PAYMENT.VERSION, DUES_PAYMENT.VERSION.plus(1))
                .where(DUES_PAYMENT.ID.eq(paymentId)).and(DUES_PAYMENT.STATUS.in(PaymentStateMachine.sources(PaymentStatus.UNAPPLIED)))
                .execute() == 1;
    }

    public List<DuesPaymentRecord> pendingStartedBefore(OffsetDateTime cutoff, int limit) {
        return db.selectFrom(DUES_PAYMENT).where(DUES_PAYMENT.STATUS.eq(PaymentStatus.PENDING))
                .and(DUES_PAYMENT.CREATED_AT.lt(cutoff)).and(DUES_PAYMENT.GATEWAY.ne("OFFLINE"))
                .orderBy(DUES_PAYMENT.ID).limit(limit).fetch();
    }

    public List<io.zhibu.db.tables.records.DuesReliefRecord> approvedReliefs(long memberId) {
        return db.selectFrom(DUES_RELIEF).where(DUES_RELIEF.MEMBER_ID.eq(memberId)).and(DUES_RELIEF.STATUS.eq(ReliefStatus.APPROVED))
                .orderBy(DUES_RELIEF.PERIOD_FROM).fetch();
    }

    /** Members of a branch with an approved relief overlapping [from, to]: EXEMPT wins over REDUCED. */
    public java.util.Map<Long, String> reliefKinds(long orgId, LocalDate from, LocalDate to) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        db.select(DUES_RELIEF.MEMBER_ID, DUES_RELIEF.KIND).from(DUES_RELIEF).where(DUES_RELIEF.ORG_ID.eq(orgId))
                .and(DUES_RELIEF.STATUS.eq(ReliefStatus.APPROVED)).and(DUES_RELIEF.PERIOD_FROM.le(to)).and(DUES_RELIEF.PERIOD_TO.ge(from))
                .forEach(r -> out.merge(r.value1(), r.value2().name(), (x, y) -> "EXEMPT".equals(x) ? x : y));
        return out;
    }

    /** The receipt number of a booked online payment. */
    public void setReceiptNo(long paymentId, String receiptNo) {
        db.update(DUES_PAYMENT).set(DUES_PAYMENT.RECEIPT_NO, receiptNo).where(DUES_PAYMENT.ID.eq(paymentId)).execute();
    }

    public boolean markReversed(long paymentId) {
        return db.update(DUES_PAYMENT).set(DUES_PAYMENT.STATUS, PaymentStatus.REVERSED)
                .set(DUES_PAYMENT.VERSION, DUES_PAYMENT.VERSION.plus(1))
                .where(DUES_PAYMENT.ID.eq(paymentId)).and(DUES_PAYMENT.STATUS.in(PaymentStateMachine.sources(PaymentStatus.REVERSED)))
                .execute() == 1;
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
        return db.selectFrom(DUES_ENTRY).where(DUES_ENTRY.PAYMENT_ID.eq(paymentId)).and(DUES_ENTRY.KIND.in(EntryKind.PAYMENT, EntryKind.VOLUNTARY))
                .orderBy(DUES_ENTRY.PERIOD).fetch();
    }

    // --- arrears and reports

    /** Members of the subtree with at least {@code minMonths} issued bills after their paid-up-to month. */
    public List<Record> arrears(String scopePath, Long orgId, LocalDate current, int minMonths, int limit) {
        var a = DUES_ACCOUNT;
        var k = DUES_BILL_CORRECTION;
        // an exempt month (effective due 0 after a relief, R5.5) is not a month in arrears. The correction of a bill is
        // read by its (member, period) index per unpaid bill, not joined as a derived table of the whole subtree: H2
        // re-read that derived table for every bill (a branch's arrears took 0.6 s once the demo had a year of bills).
        Field<BigDecimal> adj = DSL.field(DSL.select(DSL.sum(k.AMOUNT)).from(k)
                .where(k.MEMBER_ID.eq(DUES_BILL.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(k.REGION_ORG_ID, DUES_BILL.REGION_ORG_ID))).and(k.PERIOD.eq(DUES_BILL.PERIOD)));
        Field<BigDecimal> due = DUES_BILL.AMOUNT_DUE.plus(DSL.coalesce(adj, BigDecimal.ZERO));
        Field<Integer> months = DSL.count().as("months");
        return db.select(a.MEMBER_ID, a.ORG_ID, a.PAID_UP_TO, months, DSL.min(DUES_BILL.PERIOD).as("since"),
                        DSL.sum(due).as("owed"))
                .from(a).join(DUES_BILL).on(DUES_BILL.MEMBER_ID.eq(a.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(DUES_BILL.REGION_ORG_ID, a.REGION_ORG_ID)))
                .where(subtree(a.ORG_PATH, scopePath)).and(orgId == null ? DSL.noCondition() : a.ORG_ID.eq(orgId))
                .and(fewMembers(scopePath, orgId))
                .and(DUES_BILL.PERIOD.gt(DSL.coalesce(a.PAID_UP_TO, DSL.val(LocalDate.of(1, 1, 1)))))
                .and(DUES_BILL.PERIOD.le(current))
                .and(due.gt(BigDecimal.ZERO))
                .groupBy(a.MEMBER_ID, a.ORG_ID, a.PAID_UP_TO)
                .having(DSL.count().ge(minMonths))
                .orderBy(DSL.count().desc(), a.MEMBER_ID).limit(limit).fetch().stream().<Record>map(r -> r).toList();
    }

    /**
     * For a small subtree (a branch, a township): its members' bills by the (member, period) index, as a list of
     * ids. Otherwise the planner walks every bill of the period range and joins the accounts — on H2 that was every
     * bill of the year (a branch's arrears 0.4–0.6 s on the lived demo). Large subtrees keep the join.
     */
    private Condition fewMembers(String scopePath, Long orgId) {
        var a = DUES_ACCOUNT;
        List<Long> ids = db.select(a.MEMBER_ID).from(a).where(subtree(a.ORG_PATH, scopePath))
                .and(orgId == null ? DSL.noCondition() : a.ORG_ID.eq(orgId)).limit(FEW_MEMBERS + 1).fetch(a.MEMBER_ID);
        // inlined numbers: H2 wraps bound values in a cast, and then cannot use the index for the list
        return ids.size() > FEW_MEMBERS ? DSL.noCondition() : DUES_BILL.MEMBER_ID.in(ids.stream().map(DSL::inline).toList());
    }

    private static final int FEW_MEMBERS = 2_000;

    /** Corrections per member and month of a subtree (a small table: only reliefs approved after issue). */
    private org.jooq.Table<?> corrections(String scopePath, Condition extra) {
        var k = DUES_BILL_CORRECTION;
        return db.select(k.MEMBER_ID.as("member_id"), k.PERIOD.as("period"), DSL.sum(k.AMOUNT).as("adj")).from(k)
                .where(subtree(k.ORG_PATH, scopePath)).and(extra).groupBy(k.MEMBER_ID, k.PERIOD).asTable("c");
    }

    /** 公示: per member of one branch, due and paid over [from, to] and paid-up-to (amounts only, no income). */
    public List<Record> publicity(long orgId, LocalDate from, LocalDate to) {
        var a = DUES_ACCOUNT;
        Field<BigDecimal> due = DSL.field(db.select(DSL.coalesce(DSL.sum(DUES_BILL.AMOUNT_DUE), BigDecimal.ZERO))
                .from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(a.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(DUES_BILL.REGION_ORG_ID, a.REGION_ORG_ID))).and(DUES_BILL.PERIOD.between(from, to)))
                .plus(DSL.field(db.select(DSL.coalesce(DSL.sum(DUES_BILL_CORRECTION.AMOUNT), BigDecimal.ZERO))
                        .from(DUES_BILL_CORRECTION).where(DUES_BILL_CORRECTION.MEMBER_ID.eq(a.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(DUES_BILL_CORRECTION.REGION_ORG_ID, a.REGION_ORG_ID)))
                        .and(DUES_BILL_CORRECTION.PERIOD.between(from, to))));
        Field<BigDecimal> paid = DSL.field(db.select(DSL.coalesce(DSL.sum(DUES_ENTRY.AMOUNT), BigDecimal.ZERO))
                .from(DUES_ENTRY).where(DUES_ENTRY.MEMBER_ID.eq(a.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(DUES_ENTRY.REGION_ORG_ID, a.REGION_ORG_ID))).and(DUES_ENTRY.PERIOD.between(from, to)));
        return db.select(a.MEMBER_ID, a.DUES_CATEGORY, a.PAID_UP_TO, due.as("due"), paid.as("paid"))
                .from(a).where(a.ORG_ID.eq(orgId)).orderBy(a.MEMBER_ID).fetch().stream().<Record>map(r -> r).toList();
    }

    /** Collection rate per branch of the subtree for one month: bills issued vs ledger entries for that month. */
    public List<Record> collection(String scopePath, LocalDate period, int limit) {
        var paid = DSL.select(DUES_ENTRY.MEMBER_ID, DSL.sum(DUES_ENTRY.AMOUNT).as("paid")).from(DUES_ENTRY)
                .where(subtree(DUES_ENTRY.ORG_PATH, scopePath)).and(DUES_ENTRY.PERIOD.eq(period))
                .groupBy(DUES_ENTRY.MEMBER_ID).asTable("p");
        Field<BigDecimal> paidAmount = paid.field("paid", BigDecimal.class);
        var c = corrections(scopePath, DUES_BILL_CORRECTION.PERIOD.eq(period));
        Field<BigDecimal> due = DUES_BILL.AMOUNT_DUE.plus(DSL.coalesce(c.field("adj", BigDecimal.class), BigDecimal.ZERO));
        return db.select(DUES_BILL.ORG_ID, DSL.count().as("bills"), DSL.sum(due).as("due"),
                        DSL.coalesce(DSL.sum(paidAmount), BigDecimal.ZERO).as("paid"),
                        DSL.count(paidAmount).as("payers"))
                .from(DUES_BILL).leftJoin(paid).on(paid.field(DUES_ENTRY.MEMBER_ID).eq(DUES_BILL.MEMBER_ID))
                .leftJoin(c).on(c.field("member_id", Long.class).eq(DUES_BILL.MEMBER_ID))
                .where(subtree(DUES_BILL.ORG_PATH, scopePath)).and(DUES_BILL.PERIOD.eq(period))
                .groupBy(DUES_BILL.ORG_ID).orderBy(DUES_BILL.ORG_ID).limit(limit).fetch().stream().<Record>map(r -> r).toList();
    }

    /** Reconciliation of one branch and month: payments completed vs ledger entries written, per method. */
    public List<Record> reconciliation(long orgId, OffsetDateTime from, OffsetDateTime to) {
        var payments = db.select(DUES_PAYMENT.METHOD, DSL.count().as("payments"), DSL.sum(DUES_PAYMENT.AMOUNT).as("received"))
                .from(DUES_PAYMENT).where(DUES_PAYMENT.ORG_PATH.in(db.select(DUES_ACCOUNT.ORG_PATH).from(DUES_ACCOUNT)
                        .where(DUES_ACCOUNT.ORG_ID.eq(orgId))))
                // UNAPPLIED: money a gateway reported after the payment had expired and that could not be booked
                .and(DUES_PAYMENT.STATUS.in(PaymentStatus.SUCCEEDED, PaymentStatus.REVERSED, PaymentStatus.UNAPPLIED))
                .and(DUES_PAYMENT.COMPLETED_AT.ge(from)).and(DUES_PAYMENT.COMPLETED_AT.lt(to))
                .groupBy(DUES_PAYMENT.METHOD).fetch();
        var entries = db.select(DUES_ENTRY.METHOD, DSL.sum(DUES_ENTRY.AMOUNT).as("booked"))
                .from(DUES_ENTRY).where(DUES_ENTRY.ORG_PATH.in(db.select(DUES_ACCOUNT.ORG_PATH).from(DUES_ACCOUNT)
                        .where(DUES_ACCOUNT.ORG_ID.eq(orgId))))
                .and(DUES_ENTRY.KIND.in(EntryKind.PAYMENT, EntryKind.VOLUNTARY))
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

    /** Payments of one branch's members in the given statuses, newest first. */
    public List<DuesPaymentRecord> paymentsOfOrg(long orgId, List<PaymentStatus> statuses, int limit) {
        return db.selectFrom(DUES_PAYMENT).where(DUES_PAYMENT.MEMBER_ID.in(db.select(DUES_ACCOUNT.MEMBER_ID)
                        .from(DUES_ACCOUNT).where(DUES_ACCOUNT.ORG_ID.eq(orgId))))
                .and(DUES_PAYMENT.STATUS.in(statuses)).orderBy(DUES_PAYMENT.ID.desc()).limit(limit).fetch();
    }

    public int countBills(LocalDate period) {
        return db.fetchCount(DUES_BILL, DUES_BILL.PERIOD.eq(period));
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
