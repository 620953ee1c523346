package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_BILL;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.shared.db.OrgPathSql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Dues facts for assessment (rules.md §8.1 ← §5), one grouped query for the subtree: the year's bills up to
 * {@code asOf} per branch, how many are paid (the member's paid-up-to month covers the bill's month), and the number
 * of members with an unpaid bill of the year.
 */
@Component
class AssessmentDuesFacts implements BranchFactSource {
    static final String RATE = "dues.collection_rate";
    static final String ARREARS = "dues.members_in_arrears";
    private final DSLContext db;

    AssessmentDuesFacts(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<FactDef> facts() {
        return List.of(new FactDef(RATE, BigDecimal.valueOf(100), "%", "/dues/branch?orgId={orgId}"),
                new FactDef(ARREARS, BigDecimal.ZERO, "members", "/dues/arrears?orgId={orgId}"));
    }

    @Override
    public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
        var paid = DUES_ACCOUNT.PAID_UP_TO.isNotNull().and(DUES_ACCOUNT.PAID_UP_TO.ge(DUES_BILL.PERIOD));
        var paidCount = DSL.sum(DSL.when(paid, 1).otherwise(0));
        var owing = DSL.countDistinct(DSL.when(paid, (Long) null).otherwise(DUES_BILL.MEMBER_ID));
        List<BranchFact> out = new ArrayList<>();
        for (var r : db.select(DUES_BILL.ORG_ID, DSL.count(), paidCount, owing).from(DUES_BILL)
                .join(DUES_ACCOUNT).on(DUES_ACCOUNT.MEMBER_ID.eq(DUES_BILL.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(DUES_ACCOUNT.REGION_ORG_ID, DUES_BILL.REGION_ORG_ID)))
                .where(OrgPathSql.subtree(DUES_BILL.ORG_PATH, subtreePath))
                .and(DUES_BILL.PERIOD.between(LocalDate.of(year, 1, 1), asOf.withDayOfMonth(1)))
                .groupBy(DUES_BILL.ORG_ID).fetch()) {
            int due = r.value2();
            int paidBills = r.value3() == null ? 0 : r.value3().intValue();
            BigDecimal rate = due == 0 ? BigDecimal.valueOf(100)
                    : BigDecimal.valueOf(paidBills * 100L).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP);
            out.add(new BranchFact(r.value1(), RATE, rate, "已交 " + paidBills + " / 应交 " + due + " 笔 (" + year + ")"));
            out.add(new BranchFact(r.value1(), ARREARS, BigDecimal.valueOf(r.value4()), r.value4() + " 名党员有欠缴"));
        }
        return out;
    }
}
