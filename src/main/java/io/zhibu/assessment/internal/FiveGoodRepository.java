package io.zhibu.assessment.internal;

import static io.zhibu.db.Tables.ASSESSMENT_FIVE_GOOD;
import static io.zhibu.db.Tables.ASSESSMENT_FIVE_GOOD_CHECK;

import io.zhibu.assessment.FiveGoodStatus;
import io.zhibu.db.tables.records.AssessmentFiveGoodCheckRecord;
import io.zhibu.db.tables.records.AssessmentFiveGoodRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the 五好 applications, their reviews and awards, and their mid-term checks (assessment_five_good*). */
@Repository
public class FiveGoodRepository {
    private final DSLContext db;

    public FiveGoodRepository(DSLContext db) {
        this.db = db;
    }

    public AssessmentFiveGoodRecord insert(AssessmentFiveGoodRecord r) {
        AssessmentFiveGoodRecord rec = db.newRecord(ASSESSMENT_FIVE_GOOD, r);
        rec.store();
        return rec;
    }

    public Optional<AssessmentFiveGoodRecord> find(long id) {
        return db.selectFrom(ASSESSMENT_FIVE_GOOD).where(ASSESSMENT_FIVE_GOOD.ID.eq(id)).fetchOptional();
    }

    /** Whether the organization has an application of the year that still stands (not rejected). */
    public boolean hasStanding(long orgId, int year) {
        return db.fetchExists(ASSESSMENT_FIVE_GOOD, ASSESSMENT_FIVE_GOOD.ORG_ID.eq(orgId),
                ASSESSMENT_FIVE_GOOD.ASSESS_YEAR.eq(year), ASSESSMENT_FIVE_GOOD.STATUS.ne(FiveGoodStatus.REJECTED));
    }

    /** Applications under the scope path, optionally of one year and status; newest year first. */
    public List<AssessmentFiveGoodRecord> list(String scopePath, Integer year, FiveGoodStatus status) {
        return db.selectFrom(ASSESSMENT_FIVE_GOOD)
                .where(AssessmentRepository.subtree(ASSESSMENT_FIVE_GOOD.ORG_PATH, scopePath))
                .and(year == null ? DSL.noCondition() : ASSESSMENT_FIVE_GOOD.ASSESS_YEAR.eq(year))
                .and(status == null ? DSL.noCondition() : ASSESSMENT_FIVE_GOOD.STATUS.eq(status))
                .orderBy(ASSESSMENT_FIVE_GOOD.ASSESS_YEAR.desc(), ASSESSMENT_FIVE_GOOD.ORG_PATH, ASSESSMENT_FIVE_GOOD.ID)
                .limit(2000).fetch();
    }

    /** The superior's review: status, reviewer, note and the lines hit, guarded by the row version. */
    public boolean review(long id, int version, FiveGoodStatus to, String by, OffsetDateTime at, String note, String lines) {
        return db.update(ASSESSMENT_FIVE_GOOD).set(ASSESSMENT_FIVE_GOOD.STATUS, to)
                .set(ASSESSMENT_FIVE_GOOD.REVIEWED_BY, by).set(ASSESSMENT_FIVE_GOOD.REVIEWED_AT, at)
                .set(ASSESSMENT_FIVE_GOOD.REVIEW_NOTE, note).set(ASSESSMENT_FIVE_GOOD.BARRED_LINES, lines)
                .set(ASSESSMENT_FIVE_GOOD.VERSION, ASSESSMENT_FIVE_GOOD.VERSION.plus(1))
                .where(ASSESSMENT_FIVE_GOOD.ID.eq(id), ASSESSMENT_FIVE_GOOD.VERSION.eq(version)).execute() == 1;
    }

    public boolean award(long id, int version, String by, OffsetDateTime at) {
        return db.update(ASSESSMENT_FIVE_GOOD).set(ASSESSMENT_FIVE_GOOD.STATUS, FiveGoodStatus.AWARDED)
                .set(ASSESSMENT_FIVE_GOOD.AWARDED_BY, by).set(ASSESSMENT_FIVE_GOOD.AWARDED_AT, at)
                .set(ASSESSMENT_FIVE_GOOD.VERSION, ASSESSMENT_FIVE_GOOD.VERSION.plus(1))
                .where(ASSESSMENT_FIVE_GOOD.ID.eq(id), ASSESSMENT_FIVE_GOOD.VERSION.eq(version)).execute() == 1;
    }

    public AssessmentFiveGoodCheckRecord insertCheck(AssessmentFiveGoodCheckRecord r) {
        AssessmentFiveGoodCheckRecord rec = db.newRecord(ASSESSMENT_FIVE_GOOD_CHECK, r);
        rec.store();
        return rec;
    }

    public List<AssessmentFiveGoodCheckRecord> checks(long applicationId) {
        return db.selectFrom(ASSESSMENT_FIVE_GOOD_CHECK).where(ASSESSMENT_FIVE_GOOD_CHECK.APPLICATION_ID.eq(applicationId))
                .orderBy(ASSESSMENT_FIVE_GOOD_CHECK.CHECKED_ON, ASSESSMENT_FIVE_GOOD_CHECK.ID).fetch();
    }
}
