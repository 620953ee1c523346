package io.zhibu.learning.internal;

import static io.zhibu.db.Tables.LEARNING_HOURS;
import static io.zhibu.db.Tables.LEARNING_MEMBER;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.learning.StudyRules;
import io.zhibu.member.MemberStanding;
import io.zhibu.shared.db.OrgPathSql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * 学时 as a branch fact for assessment (issue 18 point 5, rules.md R7.1: every member ≥32 学时 a year, secretaries
 * and committee members ≥56 — {@link StudyRules#requiredHours}): the share of the branch's members in normal standing
 * whose hours of the year reach their requirement. One grouped query over the subtree.
 */
@Component
class AssessmentStudyFacts implements BranchFactSource {
    static final String HOURS_MET = "learning.hours_met_rate";
    private final DSLContext db;
    private final StudyRules rules;

    AssessmentStudyFacts(DSLContext db, StudyRules rules) {
        this.db = db;
        this.rules = rules;
    }

    @Override
    public List<FactDef> facts() {
        return List.of(new FactDef(HOURS_MET, BigDecimal.ZERO, "%", "/learning?orgId={orgId}"));
    }

    @Override
    public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
        var h = DSL.select(LEARNING_HOURS.MEMBER_ID, DSL.sum(LEARNING_HOURS.HOURS).as("s")).from(LEARNING_HOURS)
                .where(LEARNING_HOURS.STUDY_YEAR.eq(year)).and(OrgPathSql.subtree(LEARNING_HOURS.ORG_PATH, subtreePath))
                .groupBy(LEARNING_HOURS.MEMBER_ID).asTable("h");
        Field<BigDecimal> hours = DSL.coalesce(h.field("s", BigDecimal.class), BigDecimal.ZERO);
        Field<BigDecimal> required = DSL.when(LEARNING_MEMBER.CADRE.isTrue(), DSL.val(BigDecimal.valueOf(rules.requiredHours(true))))
                .otherwise(DSL.val(BigDecimal.valueOf(rules.requiredHours(false))));
        List<BranchFact> out = new ArrayList<>();
        for (var r : db.select(LEARNING_MEMBER.ORG_ID, DSL.count(), DSL.count().filterWhere(hours.ge(required)))
                .from(LEARNING_MEMBER).leftJoin(h).on(h.field(LEARNING_HOURS.MEMBER_ID).eq(LEARNING_MEMBER.MEMBER_ID))
                .where(OrgPathSql.subtree(LEARNING_MEMBER.ORG_PATH, subtreePath))
                .and(LEARNING_MEMBER.STANDING.eq(MemberStanding.NORMAL))
                .groupBy(LEARNING_MEMBER.ORG_ID).fetch()) {
            int members = r.value2();
            int met = r.value3();
            BigDecimal rate = members == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(met * 100L).divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP);
            out.add(new BranchFact(r.value1(), HOURS_MET, rate, met + " / " + members + " 名党员学时达标（党员 "
                    + rules.requiredHours(false) + "、书记和委员 " + rules.requiredHours(true) + " 学时，" + year + "）"));
        }
        return out;
    }
}
