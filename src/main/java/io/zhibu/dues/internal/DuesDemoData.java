package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_ENTRY;

import io.zhibu.dues.DuesCalculator;
import io.zhibu.dues.DuesCategory;
import io.zhibu.dues.DuesQuote;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
 * (booked as cash entries with receipt "DEMO"), so that the arrears, publicity and collection pages show something.
 */
@Component
@Order(20)
class DuesDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DuesDemoData.class);
    private static final Object[][] PROFILES = {
        {DuesCategory.EMPLOYED, "2800.00"}, {DuesCategory.EMPLOYED, "4500.00"}, {DuesCategory.EMPLOYED, "7200.00"},
        {DuesCategory.RETIRED, "3600.00"}, {DuesCategory.RETIRED, "5600.00"}, {DuesCategory.FARMER, null},
        {DuesCategory.FARMER, null}, {DuesCategory.STUDENT, null}, {DuesCategory.SELF_EMPLOYED, "12000.00"},
        {DuesCategory.UNEMPLOYED, null}};
    private final DuesRepository repo;
    private final DuesCalculator calculator;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DuesDemoData(DuesRepository repo, DuesCalculator calculator, TransactionTemplate tx, Clock clock,
                 @Value("${zhibu.demo.enabled:false}") boolean enabled) {
        this.repo = repo;
        this.calculator = calculator;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        var db = repo.db();
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
                db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.DUES_CATEGORY, c.name()).set(DUES_ACCOUNT.MONTHLY_BASE, base)
                        .set(DUES_ACCOUNT.MONTHLY_AMOUNT, q.amount()).set(DUES_ACCOUNT.BASE_YEAR, current.getYear())
                        .where(DUES_ACCOUNT.MEMBER_ID.mod(PROFILES.length).eq((long) k)).execute();
            }
            for (int back = 2; back >= 0; back--) {
                repo.issue(current.minusMonths(back).atDay(1), "");
            }
            // most members paid up to last month; every 7th is behind (arrears list)
            var lastMonth = current.minusMonths(1).atDay(1);
            var payers = DUES_BILL.MEMBER_ID.mod(7).ne(0L);
            db.insertInto(DUES_ENTRY, DUES_ENTRY.REGION_ORG_ID, DUES_ENTRY.ORG_PATH, DUES_ENTRY.MEMBER_ID,
                            DUES_ENTRY.PERIOD, DUES_ENTRY.KIND, DUES_ENTRY.AMOUNT, DUES_ENTRY.METHOD,
                            DUES_ENTRY.RECEIPT_NO, DUES_ENTRY.CREATED_BY, DUES_ENTRY.CREATED_AT)
                    .select(db.select(DUES_BILL.REGION_ORG_ID, DUES_BILL.ORG_PATH, DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD,
                                    DSL.val("PAYMENT"), DUES_BILL.AMOUNT_DUE, DSL.val("CASH"), DSL.val("DEMO"),
                                    DSL.val("demo"), DSL.val(OffsetDateTime.now(clock)))
                            .from(DUES_BILL).where(DUES_BILL.PERIOD.le(lastMonth)).and(payers))
                    .execute();
            db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.PAID_UP_TO, lastMonth)
                    .where(DUES_ACCOUNT.MEMBER_ID.mod(7).ne(0L))
                    .and(DSL.exists(db.selectOne().from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(DUES_ACCOUNT.MEMBER_ID))))
                    .execute();
        });
        log.info("Demo dues: bases and {} months of bills in {} ms", 3, (System.nanoTime() - start) / 1_000_000);
    }
}
