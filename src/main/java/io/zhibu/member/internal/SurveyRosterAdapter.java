package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.assessment.SurveyRoster;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The member side of {@link SurveyRoster}: the branch's members on the roster (not exited), by name. */
@Component
class SurveyRosterAdapter implements SurveyRoster {
    private final DSLContext db;

    SurveyRosterAdapter(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Respondent> members(long branchOrgId) {
        return db.select(MEMBER_MEMBER.ID, MEMBER_MEMBER.NAME).from(MEMBER_MEMBER)
                .where(MEMBER_MEMBER.ORG_ID.eq(branchOrgId)).and(MEMBER_MEMBER.EXIT_TYPE.isNull())
                .orderBy(MEMBER_MEMBER.ID).limit(5_000).fetch(r -> new Respondent(r.value1(), r.value2()));
    }
}
