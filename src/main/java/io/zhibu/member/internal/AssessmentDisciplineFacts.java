package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_EVENT;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.member.MemberEventType;
import io.zhibu.shared.OrgPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Discipline facts for assessment (rules.md §8.1 veto "a member disciplined with warning or above", R3.3): the number
 * of 党纪处分 decisions effective in the year per branch (every discipline type is 警告 or above), one grouped query.
 */
@Component
class AssessmentDisciplineFacts implements BranchFactSource {
    static final String DISCIPLINED = "member.disciplined";
    private final DSLContext db;

    AssessmentDisciplineFacts(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<FactDef> facts() {
        return List.of(new FactDef(DISCIPLINED, BigDecimal.ZERO, "members", "/members?orgId={orgId}"));
    }

    @Override
    public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
        List<BranchFact> out = new ArrayList<>();
        for (var r : db.select(MEMBER_EVENT.ORG_PATH, DSL.countDistinct(MEMBER_EVENT.MEMBER_ID)).from(MEMBER_EVENT)
                .where(MEMBER_EVENT.ORG_PATH.ge(subtreePath), MEMBER_EVENT.ORG_PATH.lt(OrgPath.upperBound(subtreePath)))
                .and(MEMBER_EVENT.EVENT_TYPE.eq(MemberEventType.DISCIPLINED))
                .and(MEMBER_EVENT.EFFECTIVE_ON.between(LocalDate.of(year, 1, 1), asOf))
                .groupBy(MEMBER_EVENT.ORG_PATH).fetch()) {
            String path = r.value1();
            long orgId = OrgPath.idAt(path, OrgPath.depth(path));
            out.add(new BranchFact(orgId, DISCIPLINED, BigDecimal.valueOf(r.value2()), r.value2() + " 名党员受党纪处分 (" + year + ")"));
        }
        return out;
    }
}
