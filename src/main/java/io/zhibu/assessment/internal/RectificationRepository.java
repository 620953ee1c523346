package io.zhibu.assessment.internal;

import static io.zhibu.db.Tables.ASSESSMENT_SURVEY;
import static io.zhibu.db.Tables.ASSESSMENT_SURVEY_ANSWER;
import static io.zhibu.db.Tables.ASSESSMENT_WEAK;
import static io.zhibu.db.Tables.ASSESSMENT_WEAK_EVENT;
import static io.zhibu.db.Tables.ASSESSMENT_WEAK_TASK;

import io.zhibu.db.tables.records.AssessmentSurveyAnswerRecord;
import io.zhibu.db.tables.records.AssessmentSurveyRecord;
import io.zhibu.db.tables.records.AssessmentWeakEventRecord;
import io.zhibu.db.tables.records.AssessmentWeakRecord;
import io.zhibu.db.tables.records.AssessmentWeakTaskRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Repository;

/** SQL of weak-and-lax designations and three-rate surveys (assessment_weak*, assessment_survey*). */
@Repository
public class RectificationRepository {
    private final DSLContext db;

    public RectificationRepository(DSLContext db) {
        this.db = db;
    }

    // --- 软弱涣散

    public AssessmentWeakRecord insertWeak(AssessmentWeakRecord r) {
        AssessmentWeakRecord rec = db.newRecord(ASSESSMENT_WEAK, r);
        rec.store();
        return rec;
    }

    public Optional<AssessmentWeakRecord> weak(long id) {
        return db.selectFrom(ASSESSMENT_WEAK).where(ASSESSMENT_WEAK.ID.eq(id)).fetchOptional();
    }

    public boolean activeExists(long orgId) {
        return db.fetchExists(ASSESSMENT_WEAK, ASSESSMENT_WEAK.ORG_ID.eq(orgId), ASSESSMENT_WEAK.STATUS.eq("ACTIVE"));
    }

    public List<AssessmentWeakRecord> weakIn(String scopePath, String status) {
        return db.selectFrom(ASSESSMENT_WEAK).where(AssessmentRepository.subtree(ASSESSMENT_WEAK.ORG_PATH, scopePath))
                .and(status == null ? DSL.noCondition() : ASSESSMENT_WEAK.STATUS.eq(status))
                .orderBy(ASSESSMENT_WEAK.ID.desc()).limit(1000).fetch();
    }

    /** Active designations by org id under a subtree. */
    public Map<Long, Long> activeByOrg(String scopePath) {
        Map<Long, Long> out = new HashMap<>();
        db.select(ASSESSMENT_WEAK.ORG_ID, ASSESSMENT_WEAK.ID).from(ASSESSMENT_WEAK)
                .where(AssessmentRepository.subtree(ASSESSMENT_WEAK.ORG_PATH, scopePath)).and(ASSESSMENT_WEAK.STATUS.eq("ACTIVE"))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    public boolean lift(long id, int version, String by, String conclusion, java.time.OffsetDateTime at) {
        return db.update(ASSESSMENT_WEAK).set(ASSESSMENT_WEAK.STATUS, "LIFTED").set(ASSESSMENT_WEAK.LIFTED_BY, by)
                .set(ASSESSMENT_WEAK.LIFTED_AT, at).set(ASSESSMENT_WEAK.CONCLUSION, conclusion)
                .set(ASSESSMENT_WEAK.VERSION, version + 1)
                .where(ASSESSMENT_WEAK.ID.eq(id), ASSESSMENT_WEAK.VERSION.eq(version), ASSESSMENT_WEAK.STATUS.eq("ACTIVE"))
                .execute() == 1;
    }

    public AssessmentWeakTaskRecord insertTask(AssessmentWeakTaskRecord r) {
        AssessmentWeakTaskRecord rec = db.newRecord(ASSESSMENT_WEAK_TASK, r);
        rec.store();
        return rec;
    }

    public List<AssessmentWeakTaskRecord> tasks(long weakId) {
        return db.selectFrom(ASSESSMENT_WEAK_TASK).where(ASSESSMENT_WEAK_TASK.WEAK_ID.eq(weakId))
                .orderBy(ASSESSMENT_WEAK_TASK.DUE_ON, ASSESSMENT_WEAK_TASK.ID).fetch();
    }

    public void taskStatus(long taskId, String status) {
        db.update(ASSESSMENT_WEAK_TASK).set(ASSESSMENT_WEAK_TASK.STATUS, status).where(ASSESSMENT_WEAK_TASK.ID.eq(taskId)).execute();
    }

    public void insertEvent(AssessmentWeakEventRecord r) {
        db.newRecord(ASSESSMENT_WEAK_EVENT, r).store();
    }

    public List<AssessmentWeakEventRecord> events(long weakId) {
        return db.selectFrom(ASSESSMENT_WEAK_EVENT).where(ASSESSMENT_WEAK_EVENT.WEAK_ID.eq(weakId))
                .orderBy(ASSESSMENT_WEAK_EVENT.ID).fetch();
    }

    // --- 三率测评

    public AssessmentSurveyRecord insertSurvey(AssessmentSurveyRecord r) {
        AssessmentSurveyRecord rec = db.newRecord(ASSESSMENT_SURVEY, r);
        rec.store();
        return rec;
    }

    public Optional<AssessmentSurveyRecord> survey(long id) {
        return db.selectFrom(ASSESSMENT_SURVEY).where(ASSESSMENT_SURVEY.ID.eq(id)).fetchOptional();
    }

    public Optional<AssessmentSurveyRecord> surveyByToken(String token) {
        return db.selectFrom(ASSESSMENT_SURVEY).where(ASSESSMENT_SURVEY.TOKEN.eq(token)).fetchOptional();
    }

    public List<AssessmentSurveyRecord> surveysIn(String scopePath) {
        return db.selectFrom(ASSESSMENT_SURVEY).where(AssessmentRepository.subtree(ASSESSMENT_SURVEY.ORG_PATH, scopePath))
                .orderBy(ASSESSMENT_SURVEY.ID.desc()).limit(500).fetch();
    }

    public void closeSurvey(long id, java.time.OffsetDateTime at) {
        db.update(ASSESSMENT_SURVEY).set(ASSESSMENT_SURVEY.STATUS, "CLOSED").set(ASSESSMENT_SURVEY.CLOSED_AT, at)
                .where(ASSESSMENT_SURVEY.ID.eq(id)).execute();
    }

    /** Inserts an answer; false when this respondent already answered (unique survey + respondent hash). */
    public boolean insertAnswer(AssessmentSurveyAnswerRecord r) {
        if (db.fetchExists(ASSESSMENT_SURVEY_ANSWER, ASSESSMENT_SURVEY_ANSWER.SURVEY_ID.eq(r.getSurveyId()),
                ASSESSMENT_SURVEY_ANSWER.RESPONDENT_HASH.eq(r.getRespondentHash()))) {
            return false;
        }
        try {
            return db.insertInto(ASSESSMENT_SURVEY_ANSWER).set(r).execute() == 1;
        } catch (DataIntegrityViolationException | org.jooq.exception.IntegrityConstraintViolationException e) {
            return false; // a concurrent second answer of the same respondent lost the race on the unique index
        }
    }

    /** answers, satisfied (2), basically satisfied (1), aware, took part — per survey id. */
    public Map<Long, int[]> counts(List<Long> surveyIds) {
        Map<Long, int[]> out = new HashMap<>();
        if (surveyIds.isEmpty()) {
            return out;
        }
        var a = ASSESSMENT_SURVEY_ANSWER;
        for (Record r : db.select(a.SURVEY_ID, DSL.count(),
                        DSL.count().filterWhere(a.SATISFACTION.eq(2)), DSL.count().filterWhere(a.SATISFACTION.eq(1)),
                        DSL.count().filterWhere(a.AWARE.isTrue()), DSL.count().filterWhere(a.TOOK_PART.isTrue()))
                .from(a).where(a.SURVEY_ID.in(surveyIds)).groupBy(a.SURVEY_ID).fetch()) {
            out.put(r.get(0, Long.class), new int[]{r.get(1, Integer.class), r.get(2, Integer.class), r.get(3, Integer.class),
                    r.get(4, Integer.class), r.get(5, Integer.class)});
        }
        return out;
    }

    /** The surveys of a year under a subtree, newest first (the latest survey with answers speaks for its branch). */
    public List<AssessmentSurveyRecord> surveysOfYear(int year, String subtreePath) {
        return db.selectFrom(ASSESSMENT_SURVEY).where(AssessmentRepository.subtree(ASSESSMENT_SURVEY.ORG_PATH, subtreePath))
                .and(ASSESSMENT_SURVEY.ASSESS_YEAR.eq(year)).orderBy(ASSESSMENT_SURVEY.ID.desc()).fetch();
    }

    // ---------------------------------------------------------------- survey tickets (issue 19)

    public void insertTickets(long surveyId, java.util.List<String> hashes, String kind) {
        var t = io.zhibu.db.Tables.ASSESSMENT_SURVEY_TICKET;
        var q = db.insertInto(t, t.SURVEY_ID, t.TICKET_HASH, t.AUDIENCE_KIND);
        for (String h : hashes) {
            q = q.values(surveyId, h, kind);
        }
        if (!hashes.isEmpty()) {
            q.execute();
        }
    }

    /** The audience kind of a ticket on file, or null for a forged one. */
    public String ticketKind(long surveyId, String hash) {
        var t = io.zhibu.db.Tables.ASSESSMENT_SURVEY_TICKET;
        return db.select(t.AUDIENCE_KIND).from(t).where(t.SURVEY_ID.eq(surveyId)).and(t.TICKET_HASH.eq(hash))
                .fetchOne(t.AUDIENCE_KIND);
    }

    public int ticketCount(long surveyId) {
        var t = io.zhibu.db.Tables.ASSESSMENT_SURVEY_TICKET;
        return db.fetchCount(t, t.SURVEY_ID.eq(surveyId));
    }

    /** Members already invited or answered (a ticket issued, or an answer signed in). */
    public java.util.Set<Long> invitees(long surveyId) {
        var i = io.zhibu.db.Tables.ASSESSMENT_SURVEY_INVITEE;
        return new java.util.HashSet<>(db.select(i.MEMBER_ID).from(i).where(i.SURVEY_ID.eq(surveyId)).fetch(i.MEMBER_ID));
    }

    /** Records a member as invited (false when already invited or answered: one answer per member). */
    public boolean addInvitee(long surveyId, long memberId, String how) {
        var i = io.zhibu.db.Tables.ASSESSMENT_SURVEY_INVITEE;
        if (db.fetchExists(i, i.SURVEY_ID.eq(surveyId).and(i.MEMBER_ID.eq(memberId)))) {
            return false;
        }
        try {
            return db.insertInto(i, i.SURVEY_ID, i.MEMBER_ID, i.HOW).values(surveyId, memberId, how).execute() == 1;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    public java.util.List<AssessmentSurveyRecord> openSurveysOf(long orgId) {
        return db.selectFrom(ASSESSMENT_SURVEY).where(ASSESSMENT_SURVEY.ORG_ID.eq(orgId))
                .and(ASSESSMENT_SURVEY.STATUS.eq("OPEN")).orderBy(ASSESSMENT_SURVEY.ID.desc()).fetch();
    }
}
