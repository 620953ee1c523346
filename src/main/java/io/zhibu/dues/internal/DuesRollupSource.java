package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_ENTRY;

import io.zhibu.shared.db.OrgPathSql;
import io.zhibu.shared.rollup.RollupSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Dues collection per branch and month (the figures of {@code DuesService.collection}): bills issued, amount due and
 * amount paid for those bills, in fen so that sums stay exact; the collection rate is paid ÷ due.
 */
@Component
class DuesRollupSource implements RollupSource {
    private final DSLContext db;

    DuesRollupSource(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "dues";
    }

    @Override
    public Kind kind() {
        return Kind.MONTHLY;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        Condition which = orgIds == null ? DSL.noCondition() : DUES_BILL.ORG_ID.in(orgIds);
        emit(which, from, to, true, sink);
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        emit(OrgPathSql.subtree(DUES_BILL.ORG_PATH, path), from, to, false, sink);
    }

    /**
     * Two set-based passes: bills and amounts due per org and month from the bills alone, and payments per org and
     * month from the entries joined to their bill (member, month) — aggregating the entries per member first made a
     * city rebuild hash 7 million groups once per parallel worker.
     */
    private void emit(Condition which, YearMonth from, YearMonth to, boolean perOrg, Sink sink) {
        LocalDate first = from.atDay(1);
        LocalDate last = to.atDay(1);
        Field<Long> org = perOrg ? DUES_BILL.ORG_ID : DSL.inline(0L);
        var due = db.select(org, DUES_BILL.PERIOD, DSL.count(), DSL.sum(DUES_BILL.AMOUNT_DUE)).from(DUES_BILL)
                .where(which).and(DUES_BILL.PERIOD.between(first, last));
        for (var r : perOrg ? due.groupBy(DUES_BILL.ORG_ID, DUES_BILL.PERIOD).fetch() : due.groupBy(DUES_BILL.PERIOD).fetch()) {
            YearMonth m = YearMonth.from(r.value2());
            sink.accept(r.value1(), m, "dues.bills", r.value3());
            sink.accept(r.value1(), m, "dues.due", fen(r.value4()));
        }
        var paid = db.select(org, DUES_BILL.PERIOD, DSL.sum(DUES_ENTRY.AMOUNT)).from(DUES_ENTRY)
                .join(DUES_BILL).on(DUES_BILL.MEMBER_ID.eq(DUES_ENTRY.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(DUES_BILL.REGION_ORG_ID, DUES_ENTRY.REGION_ORG_ID))).and(DUES_BILL.PERIOD.eq(DUES_ENTRY.PERIOD))
                .where(which).and(DUES_BILL.PERIOD.between(first, last)).and(DUES_ENTRY.PERIOD.between(first, last));
        for (var r : perOrg ? paid.groupBy(DUES_BILL.ORG_ID, DUES_BILL.PERIOD).fetch() : paid.groupBy(DUES_BILL.PERIOD).fetch()) {
            long p = fen(r.value3());
            if (p != 0) {
                sink.accept(r.value1(), YearMonth.from(r.value2()), "dues.paid", p);
            }
        }
    }

    private static long fen(BigDecimal yuan) {
        return yuan == null ? 0 : yuan.movePointRight(2).longValueExact();
    }
}
