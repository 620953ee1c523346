package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_ENTRY;
import static io.zhibu.db.Tables.DUES_PAYMENT;
import static io.zhibu.db.Tables.DUES_RELIEF;
import static io.zhibu.db.Tables.DUES_REMITTANCE;

import io.zhibu.dues.DuesCalculator;
import io.zhibu.dues.DuesCategory;
import io.zhibu.dues.DuesQuote;
import io.zhibu.dues.DuesReliefService;
import io.zhibu.dues.EntryKind;
import io.zhibu.dues.PaymentStatus;
import io.zhibu.dues.ReliefStatus;
import io.zhibu.dues.RemittanceStatus;
import io.zhibu.shared.db.OrgPathSql;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo dues after the demo county is loaded (runs after the demo loader, once): a category and base for every
 * member (amounts from the calculator), the bills of the last three months, and most members paid up to last month
 * (booked as cash entries with receipt "DEMO"), so that the arrears, publicity and collection pages show something;
 * a few approved exemptions and pending reliefs (R5.5), and one remittance per branch for the months before last.
 */
@Component
@Order(20)
class DuesDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DuesDemoData.class);
    static final Object[][] PROFILES = {
        {DuesCategory.EMPLOYED, "2800.00"}, {DuesCategory.EMPLOYED, "4500.00"}, {DuesCategory.EMPLOYED, "7200.00"},
        {DuesCategory.RETIRED, "3600.00"}, {DuesCategory.RETIRED, "5600.00"}, {DuesCategory.FARMER, null},
        {DuesCategory.FARMER, null}, {DuesCategory.STUDENT, null}, {DuesCategory.SELF_EMPLOYED, "12000.00"},
        {DuesCategory.UNEMPLOYED, null}};
    private final DuesRepository repo;
    private final DSLContext db;
    private final DuesCalculator calculator;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DuesDemoData(DuesRepository repo, DSLContext db, DuesCalculator calculator, TransactionTemplate tx, Clock clock,
                 @Value("${zhibu.demo.enabled:false}") boolean enabled) {
        this.repo = repo;
        this.db = db;
        this.calculator = calculator;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || db.fetchCount(DUES_ACCOUNT) == 0 || db.fetchExists(DUES_ACCOUNT, DUES_ACCOUNT.DUES_CATEGORY.isNotNull())) {
            return;
        }
        long start = System.nanoTime();
        YearMonth current = YearMonth.now(clock);
        tx.executeWithoutResult(s -> {
            for (int k = 0; k < PROFILES.length; k++) {
                DuesCategory c = (DuesCategory) PROFILES[k][0];
                BigDecimal base = PROFILES[k][1] == null ? null : new BigDecimal((String) PROFILES[k][1]);
                DuesQuote q = calculator.quote(c, base);
                db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.DUES_CATEGORY, c).set(DUES_ACCOUNT.MONTHLY_BASE, base)
                        .set(DUES_ACCOUNT.MONTHLY_AMOUNT, q.amount()).set(DUES_ACCOUNT.BASE_YEAR, current.getYear())
                        .where(DUES_ACCOUNT.MEMBER_ID.mod(PROFILES.length).eq((long) k)).execute();
            }
            demoReliefs(current, "");
            for (int back = 2; back >= 0; back--) {
                repo.issue(current.minusMonths(back).atDay(1), "");
            }
            // most members paid up to last month; every 7th is behind (arrears list)
            var lastMonth = current.minusMonths(1).atDay(1);
            var payers = DUES_BILL.MEMBER_ID.mod(7).ne(0L);
            // one cash payment per paying member, so that the reconciliation balances (received = booked)
            var p = DUES_PAYMENT;
            db.insertInto(p, p.REGION_ORG_ID, p.ORG_PATH, p.MEMBER_ID, p.IDEMPOTENCY_KEY, p.GATEWAY, p.METHOD, p.STATUS,
                            p.AMOUNT, p.PERIOD_FROM, p.PERIOD_TO, p.RECEIPT_NO, p.CREATED_BY, p.CREATED_AT, p.COMPLETED_AT,
                            p.VOLUNTARY, p.REMIT_IN_FULL, p.VERSION)
                    .select(db.select(DUES_BILL.REGION_ORG_ID, DUES_BILL.ORG_PATH, DUES_BILL.MEMBER_ID,
                                    DSL.concat(DSL.val("demo-"), DUES_BILL.MEMBER_ID.cast(String.class)), DSL.val("OFFLINE"),
                                    DSL.val("CASH"), DSL.val(PaymentStatus.SUCCEEDED, DUES_PAYMENT.STATUS), DSL.sum(DUES_BILL.AMOUNT_DUE),
                                    DSL.min(DUES_BILL.PERIOD), DSL.max(DUES_BILL.PERIOD), DSL.val("DEMO"), DSL.val("demo"),
                                    DSL.val(OffsetDateTime.now(clock)), DSL.val(OffsetDateTime.now(clock)),
                                    DSL.val(BigDecimal.ZERO), DSL.val(false), DSL.val(0))
                            .from(DUES_BILL).where(DUES_BILL.PERIOD.le(lastMonth)).and(payers)
                            .groupBy(DUES_BILL.REGION_ORG_ID, DUES_BILL.ORG_PATH, DUES_BILL.MEMBER_ID))
                    .execute();
            Field<Long> paymentId = DSL.field(db.select(p.ID).from(p).where(p.MEMBER_ID.eq(DUES_BILL.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(p.REGION_ORG_ID, DUES_BILL.REGION_ORG_ID)))
                    .and(p.IDEMPOTENCY_KEY.eq(DSL.concat(DSL.val("demo-"), DUES_BILL.MEMBER_ID.cast(String.class)))));
            db.insertInto(DUES_ENTRY, DUES_ENTRY.REGION_ORG_ID, DUES_ENTRY.ORG_PATH, DUES_ENTRY.MEMBER_ID,
                            DUES_ENTRY.PERIOD, DUES_ENTRY.KIND, DUES_ENTRY.AMOUNT, DUES_ENTRY.PAYMENT_ID, DUES_ENTRY.METHOD,
                            DUES_ENTRY.RECEIPT_NO, DUES_ENTRY.CREATED_BY, DUES_ENTRY.CREATED_AT)
                    .select(db.select(DUES_BILL.REGION_ORG_ID, DUES_BILL.ORG_PATH, DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD,
                                    DSL.val(EntryKind.PAYMENT, DUES_ENTRY.KIND), DUES_BILL.AMOUNT_DUE, paymentId, DSL.val("CASH"), DSL.val("DEMO"),
                                    DSL.val("demo"), DSL.val(OffsetDateTime.now(clock)))
                            .from(DUES_BILL).where(DUES_BILL.PERIOD.le(lastMonth)).and(payers))
                    .execute();
            db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.PAID_UP_TO, lastMonth)
                    .where(DUES_ACCOUNT.MEMBER_ID.mod(7).ne(0L))
                    .and(DSL.exists(db.selectOne().from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(DUES_ACCOUNT.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(DUES_BILL.REGION_ORG_ID, DUES_ACCOUNT.REGION_ORG_ID)))))
                    .execute();
            demoRemittances(current, "");
        });
        log.info("Demo dues: bases and {} months of bills in {} ms", 3, (System.nanoTime() - start) / 1_000_000);
    }

    /** R5.5: a few approved exemptions (billed 0 from the start) and a few decisions awaiting the superior. */
    void demoReliefs(YearMonth current, String rootPath) {
        var a = DUES_ACCOUNT;
        for (Object[] spec : new Object[][] {{3L, ReliefStatus.APPROVED, DuesReliefService.Kind.EXEMPT, "0.00"},
                {5L, ReliefStatus.PENDING, DuesReliefService.Kind.REDUCED, "0.10"}}) {
            boolean approved = spec[1] == ReliefStatus.APPROVED;
            db.insertInto(DUES_RELIEF, DUES_RELIEF.REGION_ORG_ID, DUES_RELIEF.ORG_ID, DUES_RELIEF.ORG_PATH,
                            DUES_RELIEF.MEMBER_ID, DUES_RELIEF.KIND, DUES_RELIEF.MONTHLY_AMOUNT, DUES_RELIEF.PERIOD_FROM,
                            DUES_RELIEF.PERIOD_TO, DUES_RELIEF.REASON, DUES_RELIEF.DECIDED_ON, DUES_RELIEF.STATUS,
                            DUES_RELIEF.REQUESTED_BY, DUES_RELIEF.REQUESTED_AT, DUES_RELIEF.REVIEWED_BY,
                            DUES_RELIEF.REVIEWED_AT, DUES_RELIEF.VERSION)
                    .select(db.select(a.REGION_ORG_ID, a.ORG_ID, a.ORG_PATH, a.MEMBER_ID, DSL.val((DuesReliefService.Kind) spec[2], DUES_RELIEF.KIND),
                                    DSL.val(new BigDecimal((String) spec[3])), DSL.val(current.minusMonths(2).atDay(1)),
                                    DSL.val(current.plusMonths(3).atDay(1)), DSL.val(approved ? "重病住院，家庭困难" : "下岗，收入微薄"),
                                    DSL.val(current.minusMonths(2).atDay(1)), DSL.val((ReliefStatus) spec[1], DUES_RELIEF.STATUS), DSL.val("demo"),
                                    DSL.val(OffsetDateTime.now(clock)), DSL.val(approved ? "demo-county" : null),
                                    DSL.val(approved ? OffsetDateTime.now(clock) : null), DSL.val(0))
                            .from(a).where(a.MEMBER_ID.mod(97L).eq((Long) spec[0]))
                            .and(OrgPathSql.subtree(a.ORG_PATH, rootPath))
                            .and(a.MONTHLY_AMOUNT.gt(new BigDecimal("0.10"))))
                    .execute();
        }
    }

    /** 上缴: each branch remitted what it collected in the months before last; every other one is confirmed. */
    void demoRemittances(YearMonth current, String rootPath) {
        var b = DUES_BILL;
        LocalDate from = current.minusMonths(2).atDay(1);
        LocalDate to = current.minusMonths(1).atDay(1);
        Field<Integer> len = DSL.length(b.ORG_PATH);
        db.insertInto(DUES_REMITTANCE, DUES_REMITTANCE.REGION_ORG_ID, DUES_REMITTANCE.ORG_ID, DUES_REMITTANCE.ORG_PATH,
                        DUES_REMITTANCE.TO_ORG_ID, DUES_REMITTANCE.TO_ORG_PATH, DUES_REMITTANCE.PERIOD_FROM,
                        DUES_REMITTANCE.PERIOD_TO, DUES_REMITTANCE.AMOUNT, DUES_REMITTANCE.REMITTED_ON,
                        DUES_REMITTANCE.VOUCHER_NO, DUES_REMITTANCE.STATUS, DUES_REMITTANCE.CREATED_BY,
                        DUES_REMITTANCE.CREATED_AT, DUES_REMITTANCE.VERSION)
                .select(db.select(b.REGION_ORG_ID, b.ORG_ID, b.ORG_PATH,
                                DSL.substring(b.ORG_PATH, len.minus(15), DSL.val(8)).cast(Long.class),
                                DSL.substring(b.ORG_PATH, DSL.val(1), len.minus(8)), DSL.val(from), DSL.val(to),
                                DSL.sum(b.AMOUNT_DUE), DSL.val(current.atDay(1)),
                                DSL.concat(DSL.val("DEMO-"), b.ORG_ID.cast(String.class)),
                                DSL.when(b.ORG_ID.mod(2L).eq(0L), DSL.val(RemittanceStatus.CONFIRMED, DUES_REMITTANCE.STATUS))
                                        .otherwise(DSL.val(RemittanceStatus.RECORDED, DUES_REMITTANCE.STATUS)),
                                DSL.val("demo"), DSL.val(OffsetDateTime.now(clock)), DSL.val(0))
                        .from(b).where(b.PERIOD.between(from, to)).and(b.MEMBER_ID.mod(7L).ne(0L))
                        .and(len.gt(8)).and(OrgPathSql.subtree(b.ORG_PATH, rootPath))
                        .groupBy(b.REGION_ORG_ID, b.ORG_ID, b.ORG_PATH)
                        .having(DSL.sum(b.AMOUNT_DUE).gt(BigDecimal.ZERO)))
                .execute();
    }
}
