package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_ENTRY;

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
        emit(DuesRepository.subtree(DUES_BILL.ORG_PATH, path), from, to, false, sink);
    }

    private void emit(Condition which, YearMonth from, YearMonth to, boolean perOrg, Sink sink) {
        LocalDate first = from.atDay(1);
        LocalDate last = to.atDay(1);
        var paid = DSL.select(DUES_ENTRY.MEMBER_ID, DUES_ENTRY.PERIOD, DSL.sum(DUES_ENTRY.AMOUNT).as("paid"))
                .from(DUES_ENTRY).where(DUES_ENTRY.PERIOD.between(first, last))
                .groupBy(DUES_ENTRY.MEMBER_ID, DUES_ENTRY.PERIOD).asTable("p");
        Field<BigDecimal> paidAmount = paid.field("paid", BigDecimal.class);
        Field<Long> org = perOrg ? DUES_BILL.ORG_ID : DSL.inline(0L);
        var q = db.select(org, DUES_BILL.PERIOD, DSL.count(), DSL.sum(DUES_BILL.AMOUNT_DUE),
                        DSL.coalesce(DSL.sum(paidAmount), BigDecimal.ZERO))
                .from(DUES_BILL).leftJoin(paid).on(paid.field(DUES_ENTRY.MEMBER_ID).eq(DUES_BILL.MEMBER_ID)
                        .and(paid.field(DUES_ENTRY.PERIOD).eq(DUES_BILL.PERIOD)))
                .where(which).and(DUES_BILL.PERIOD.between(first, last));
        var rows = perOrg ? q.groupBy(DUES_BILL.ORG_ID, DUES_BILL.PERIOD).fetch() : q.groupBy(DUES_BILL.PERIOD).fetch();
        for (var r : rows) {
            YearMonth m = YearMonth.from(r.value2());
            long orgId = r.value1();
            sink.accept(orgId, m, "dues.bills", r.value3());
            sink.accept(orgId, m, "dues.due", fen(r.value4()));
            long p = fen(r.value5());
            if (p != 0) {
                sink.accept(orgId, m, "dues.paid", p);
            }
        }
    }

    private static long fen(BigDecimal yuan) {
        return yuan == null ? 0 : yuan.movePointRight(2).longValueExact();
    }
}
