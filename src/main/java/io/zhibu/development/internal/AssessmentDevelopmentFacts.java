package io.zhibu.development.internal;

import static io.zhibu.db.Tables.DEV_PERSON;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.development.DevelopmentProperties;
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
 * Development facts for assessment (rules.md §8.1 ← §2), one grouped query: open development cases per branch and
 * those stalled (no step recorded for {@code stuckAfterMonths}, the same threshold as the pipeline's "stuck" list);
 * compliance = share of open cases that are not stalled (100 with no open case).
 */
@Component
class AssessmentDevelopmentFacts implements BranchFactSource {
    static final String COMPLIANCE = "development.compliance_rate";
    static final String STALLED = "development.stalled_cases";
    private final DSLContext db;
    private final DevelopmentProperties props;

    AssessmentDevelopmentFacts(DSLContext db, DevelopmentProperties props) {
        this.db = db;
        this.props = props;
    }

    @Override
    public List<FactDef> facts() {
        return List.of(new FactDef(COMPLIANCE, BigDecimal.valueOf(100), "%", "/development?orgId={orgId}"),
                new FactDef(STALLED, BigDecimal.ZERO, "cases", "/development/todo?orgId={orgId}"));
    }

    @Override
    public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
        LocalDate stuckBefore = asOf.minusMonths(props.stuckAfterMonths());
        var stalled = DSL.sum(DSL.when(DEV_PERSON.LAST_STEP_ON.lt(stuckBefore), 1).otherwise(0));
        List<BranchFact> out = new ArrayList<>();
        for (var r : db.select(DEV_PERSON.ORG_ID, DSL.count(), stalled).from(DEV_PERSON)
                .where(OrgPathSql.subtree(DEV_PERSON.ORG_PATH, subtreePath))
                .and(DEV_PERSON.IN_PIPELINE.isTrue()).and(DEV_PERSON.APPLIED_ON.le(asOf))
                .groupBy(DEV_PERSON.ORG_ID).fetch()) {
            int open = r.value2();
            int stuck = r.value3() == null ? 0 : r.value3().intValue();
            BigDecimal rate = open == 0 ? BigDecimal.valueOf(100)
                    : BigDecimal.valueOf((open - stuck) * 100L).divide(BigDecimal.valueOf(open), 2, RoundingMode.HALF_UP);
            String detail = open + " 个在培养对象, " + stuck + " 个超过 " + props.stuckAfterMonths() + " 个月无进展";
            out.add(new BranchFact(r.value1(), COMPLIANCE, rate, detail));
            out.add(new BranchFact(r.value1(), STALLED, BigDecimal.valueOf(stuck), detail));
        }
        return out;
    }
}
