package io.zhibu.assessment.internal;

import static io.zhibu.db.Tables.ASSESSMENT_CAMPAIGN;
import static io.zhibu.db.Tables.ASSESSMENT_RESULT;

import io.zhibu.shared.OrgPath;
import io.zhibu.shared.rollup.RollupSource;
import java.time.YearMonth;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Stars of each branch from its latest published assessment (星级): branches assessed, by stars (0 = no star),
 * and those with a veto — the dashboards' star distribution and pass rate.
 */
@Component
class AssessmentRollupSource implements RollupSource {
    private final DSLContext db;

    AssessmentRollupSource(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "assessment";
    }

    @Override
    public Kind kind() {
        return Kind.STOCK;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        emit(orgIds == null ? DSL.noCondition() : ASSESSMENT_RESULT.ORG_ID.in(orgIds), true, sink);
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        emit(path.isEmpty() ? DSL.noCondition() : ASSESSMENT_RESULT.ORG_PATH.ge(path)
                .and(ASSESSMENT_RESULT.ORG_PATH.lt(OrgPath.upperBound(path))), false, sink);
    }

    private void emit(Condition which, boolean perOrg, Sink sink) {
        var r = ASSESSMENT_RESULT;
        var c = ASSESSMENT_CAMPAIGN;
        var r2 = ASSESSMENT_RESULT.as("r2");
        var c2 = ASSESSMENT_CAMPAIGN.as("c2");
        // the latest published campaign that assessed the branch
        var latest = DSL.select(DSL.max(c2.ID)).from(r2).join(c2).on(c2.ID.eq(r2.CAMPAIGN_ID))
                .where(r2.ORG_ID.eq(r.ORG_ID)).and(c2.STATUS.eq("PUBLISHED"));
        var org = perOrg ? r.ORG_ID : DSL.inline(0L);
        var q = db.select(org, r.STARS, DSL.count(), DSL.count().filterWhere(r.VETOES.isNotNull()))
                .from(r).join(c).on(c.ID.eq(r.CAMPAIGN_ID))
                .where(which).and(c.STATUS.eq("PUBLISHED")).and(r.CAMPAIGN_ID.eq(latest));
        var rows = perOrg ? q.groupBy(r.ORG_ID, r.STARS).fetch() : q.groupBy(r.STARS).fetch();
        for (var x : rows) {
            sink.accept(x.value1(), null, "assessment.assessed", x.value3());
            sink.accept(x.value1(), null, "assessment.star." + x.value2(), x.value3());
            if (x.value4() > 0) {
                sink.accept(x.value1(), null, "assessment.vetoed", x.value4());
            }
        }
    }
}
