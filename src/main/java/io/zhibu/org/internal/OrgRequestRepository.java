package io.zhibu.org.internal;

import static io.zhibu.db.Tables.ORG_ORGANIZATION;
import static io.zhibu.db.Tables.ORG_SETUP_REQUEST;
import static io.zhibu.db.Tables.ORG_SETUP_STEP;
import static io.zhibu.db.Tables.ORG_TERM_DEFERRAL;

import io.zhibu.db.tables.records.OrgSetupRequestRecord;
import io.zhibu.db.tables.records.OrgSetupStepRecord;
import io.zhibu.db.tables.records.OrgTermDeferralRecord;
import io.zhibu.shared.OrgPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the org requests decided by the superior: term deferrals (R1.7) and branch set-up
 * requests (R1.1). */
@Repository
public class OrgRequestRepository {
    private final DSLContext db;

    public OrgRequestRepository(DSLContext db) {
        this.db = db;
    }

    private static Condition under(Field<String> path, String scopePath) {
        return scopePath == null || scopePath.isEmpty() ? DSL.noCondition()
                : path.ge(scopePath).and(path.lt(OrgPath.upperBound(scopePath)));
    }

    // ------------------------------------------------------------------ deferrals

    public long insertDeferral(OrgTermDeferralRecord r) {
        r.setRequestedAt(OffsetDateTime.now(ZoneOffset.UTC));
        r.setVersion(0);
        r.changed(ORG_TERM_DEFERRAL.ID, false);
        return db.insertInto(ORG_TERM_DEFERRAL).set(r).returning(ORG_TERM_DEFERRAL.ID).fetchOne().getId();
    }

    public Optional<OrgTermDeferralRecord> deferral(long id) {
        return db.selectFrom(ORG_TERM_DEFERRAL).where(ORG_TERM_DEFERRAL.ID.eq(id)).fetchOptional();
    }

    public List<OrgTermDeferralRecord> deferralsOf(long orgId) {
        return db.selectFrom(ORG_TERM_DEFERRAL).where(ORG_TERM_DEFERRAL.ORG_ID.eq(orgId))
                .orderBy(ORG_TERM_DEFERRAL.ID.desc()).fetch();
    }

    public List<OrgTermDeferralRecord> deferralsIn(String scopePath, io.zhibu.org.TermDeferralRules.Status status, int limit) {
        Condition c = under(ORG_TERM_DEFERRAL.ORG_PATH, scopePath);
        if (status != null) {
            c = c.and(ORG_TERM_DEFERRAL.STATUS.eq(status));
        }
        return db.selectFrom(ORG_TERM_DEFERRAL).where(c).orderBy(ORG_TERM_DEFERRAL.ID.desc()).limit(limit).fetch();
    }

    public boolean openDeferral(long orgId, LocalDate termEndsOn) {
        return db.fetchExists(ORG_TERM_DEFERRAL, ORG_TERM_DEFERRAL.ORG_ID.eq(orgId)
                .and(ORG_TERM_DEFERRAL.TERM_ENDS_ON.eq(termEndsOn))
                .and(ORG_TERM_DEFERRAL.STATUS.in(io.zhibu.org.TermDeferralRules.Status.REQUESTED, io.zhibu.org.TermDeferralRules.Status.APPROVED)));
    }

    /** Optimistic decision: exactly one concurrent decider wins. */
    public boolean decideDeferral(long id, int version, io.zhibu.org.TermDeferralRules.Status status, String actor, String note) {
        return db.update(ORG_TERM_DEFERRAL).set(ORG_TERM_DEFERRAL.STATUS, status)
                .set(ORG_TERM_DEFERRAL.DECIDED_BY, actor).set(ORG_TERM_DEFERRAL.DECIDED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(ORG_TERM_DEFERRAL.DECISION_NOTE, note).set(ORG_TERM_DEFERRAL.VERSION, version + 1)
                .where(ORG_TERM_DEFERRAL.ID.eq(id)).and(ORG_TERM_DEFERRAL.VERSION.eq(version))
                .and(ORG_TERM_DEFERRAL.STATUS.eq(io.zhibu.org.TermDeferralRules.Status.REQUESTED)).execute() == 1;
    }

    /** The approved deadline of the org's current term (null clears it, e.g. when a new term opens). */
    public void setDeferredUntil(long orgId, LocalDate until) {
        db.update(ORG_ORGANIZATION).set(ORG_ORGANIZATION.TERM_DEFERRED_UNTIL, until)
                .set(ORG_ORGANIZATION.VERSION, ORG_ORGANIZATION.VERSION.plus(1))
                .set(ORG_ORGANIZATION.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(ORG_ORGANIZATION.ID.eq(orgId)).execute();
    }

    public LocalDate deferredUntil(long orgId) {
        return db.select(ORG_ORGANIZATION.TERM_DEFERRED_UNTIL).from(ORG_ORGANIZATION)
                .where(ORG_ORGANIZATION.ID.eq(orgId)).fetchOne(ORG_ORGANIZATION.TERM_DEFERRED_UNTIL);
    }

    /** Approved deadlines of every org of a subtree that has one. */
    public Map<Long, LocalDate> deferredUnder(String path) {
        return db.select(ORG_ORGANIZATION.ID, ORG_ORGANIZATION.TERM_DEFERRED_UNTIL).from(ORG_ORGANIZATION)
                .where(under(ORG_ORGANIZATION.PATH, path)).and(ORG_ORGANIZATION.TERM_DEFERRED_UNTIL.isNotNull())
                .fetchMap(ORG_ORGANIZATION.ID, ORG_ORGANIZATION.TERM_DEFERRED_UNTIL);
    }

    // ------------------------------------------------------------------ set-up requests (R1.1)

    public long insertSetup(OrgSetupRequestRecord r) {
        r.setRequestedAt(OffsetDateTime.now(ZoneOffset.UTC));
        r.setVersion(0);
        r.changed(ORG_SETUP_REQUEST.ID, false);
        return db.insertInto(ORG_SETUP_REQUEST).set(r).returning(ORG_SETUP_REQUEST.ID).fetchOne().getId();
    }

    public Optional<OrgSetupRequestRecord> setup(long id) {
        return db.selectFrom(ORG_SETUP_REQUEST).where(ORG_SETUP_REQUEST.ID.eq(id)).fetchOptional();
    }

    public List<OrgSetupRequestRecord> setupsIn(String scopePath, io.zhibu.org.BranchSetupRules.Status status, int limit) {
        Condition c = under(ORG_SETUP_REQUEST.ORG_PATH, scopePath);
        if (status != null) {
            c = c.and(ORG_SETUP_REQUEST.STATUS.eq(status));
        }
        return db.selectFrom(ORG_SETUP_REQUEST).where(c).orderBy(ORG_SETUP_REQUEST.ID.desc()).limit(limit).fetch();
    }

    /** Optimistic decision: exactly one concurrent decider wins. */
    public boolean decideSetup(long id, int version, io.zhibu.org.BranchSetupRules.Status status, String actor, String note, Long createdOrgId) {
        return db.update(ORG_SETUP_REQUEST).set(ORG_SETUP_REQUEST.STATUS, status)
                .set(ORG_SETUP_REQUEST.DECIDED_BY, actor).set(ORG_SETUP_REQUEST.DECIDED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(ORG_SETUP_REQUEST.DECISION_NOTE, note).set(ORG_SETUP_REQUEST.CREATED_ORG_ID, createdOrgId)
                .set(ORG_SETUP_REQUEST.VERSION, version + 1)
                .where(ORG_SETUP_REQUEST.ID.eq(id)).and(ORG_SETUP_REQUEST.VERSION.eq(version))
                .and(ORG_SETUP_REQUEST.STATUS.eq(io.zhibu.org.BranchSetupRules.Status.SUBMITTED)).execute() == 1;
    }

    public void setupStep(long requestId, String action, io.zhibu.org.BranchSetupRules.Status from, io.zhibu.org.BranchSetupRules.Status to, String note, String actor) {
        db.insertInto(ORG_SETUP_STEP).set(ORG_SETUP_STEP.REQUEST_ID, requestId).set(ORG_SETUP_STEP.ACTION, action)
                .set(ORG_SETUP_STEP.FROM_STATUS, from).set(ORG_SETUP_STEP.TO_STATUS, to).set(ORG_SETUP_STEP.NOTE, note)
                .set(ORG_SETUP_STEP.ACTOR, actor).set(ORG_SETUP_STEP.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC)).execute();
    }

    public List<OrgSetupStepRecord> setupSteps(long requestId) {
        return db.selectFrom(ORG_SETUP_STEP).where(ORG_SETUP_STEP.REQUEST_ID.eq(requestId)).orderBy(ORG_SETUP_STEP.ID).fetch();
    }
}
