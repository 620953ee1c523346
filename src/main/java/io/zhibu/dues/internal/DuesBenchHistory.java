package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_ENTRY;

import io.zhibu.dues.EntryKind;
import io.zhibu.shared.bench.BenchHistory;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Benchmark history of dues: every month's bills (the set-based monthly issue) and, for about 93 % of members, the
 * payment of each bill in cash; the others fall into arrears (so the 3- and 6-month warnings have work).
 */
@Component
@ConditionalOnBooleanProperty("zhibu.bench.supervision")
class DuesBenchHistory implements BenchHistory {
    private final DSLContext db;
    private final DuesRepository repo;

    DuesBenchHistory(DSLContext db, DuesRepository repo) {
        this.db = db;
        this.repo = repo;
    }

    @Override
    public String name() {
        return "dues";
    }

    @Override
    public long generate(YearMonth from, YearMonth to, long seed) {
        long rows = 0;
        var payer = DSL.field("mod({0} * 7 + {1}, 100)", Integer.class, DUES_BILL.MEMBER_ID, DSL.inline(seed % 100)).lt(93);
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            rows += repo.issue(m.atDay(1), "");
            rows += db.insertInto(DUES_ENTRY, DUES_ENTRY.REGION_ORG_ID, DUES_ENTRY.ORG_PATH, DUES_ENTRY.MEMBER_ID,
                            DUES_ENTRY.PERIOD, DUES_ENTRY.KIND, DUES_ENTRY.AMOUNT, DUES_ENTRY.METHOD, DUES_ENTRY.RECEIPT_NO,
                            DUES_ENTRY.CREATED_BY, DUES_ENTRY.CREATED_AT)
                    .select(db.select(DUES_BILL.REGION_ORG_ID, DUES_BILL.ORG_PATH, DUES_BILL.MEMBER_ID, DUES_BILL.PERIOD,
                                    DSL.inline(EntryKind.PAYMENT, DUES_ENTRY.KIND), DUES_BILL.AMOUNT_DUE, DSL.inline("CASH"), DSL.inline("BENCH"),
                                    DSL.inline("bench"), DSL.val(OffsetDateTime.now()))
                            .from(DUES_BILL).where(DUES_BILL.PERIOD.eq(m.atDay(1))).and(payer))
                    .execute();
        }
        db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.PAID_UP_TO, to.atDay(1))
                .where(DSL.field("mod({0} * 7 + {1}, 100)", Integer.class, DUES_ACCOUNT.MEMBER_ID, DSL.inline(seed % 100)).lt(93))
                .execute();
        return rows;
    }
}
