package io.zhibu.development.internal;

import static io.zhibu.db.Tables.DEV_LOG;
import static io.zhibu.db.Tables.DEV_PERSON;
import static io.zhibu.db.Tables.DEV_PLAN;
import static io.zhibu.db.Tables.DEV_STEP;

import io.zhibu.db.tables.records.DevLogRecord;
import io.zhibu.db.tables.records.DevPersonRecord;
import io.zhibu.db.tables.records.DevStepRecord;
import io.zhibu.development.DevState;
import io.zhibu.shared.crypto.FieldCipher;
import io.zhibu.shared.crypto.Hmacs;
import io.zhibu.shared.db.OrgPathSql;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the development pipeline; subtree = range on org_path, region first in the indexes. */
@Repository
public class DevelopmentRepository {
    private final DSLContext db;
    private final FieldCipher cipher;
    private final Hmacs hmacs;

    public DevelopmentRepository(DSLContext db, FieldCipher cipher, Hmacs hmacs) {
        this.db = db;
        this.cipher = cipher;
        this.hmacs = hmacs;
    }

    public String idIndex(String idNumber) {
        return hmacs.blindIndex("dev.id", idNumber, 64);
    }

    public String encrypt(String plain) {
        return cipher.encrypt(plain);
    }

    public String decrypt(String sealed) {
        return cipher.decrypt(sealed);
    }

    public static Condition subtree(String path) {
        return OrgPathSql.subtree(DEV_PERSON.ORG_PATH, path);
    }

    public DevPersonRecord newPerson() {
        return db.newRecord(DEV_PERSON);
    }

    public DevStepRecord newStep() {
        return db.newRecord(DEV_STEP);
    }

    public Optional<DevPersonRecord> find(long id) {
        return db.selectFrom(DEV_PERSON).where(DEV_PERSON.ID.eq(id)).fetchOptional();
    }

    /** A person with this ID number still in a pipeline (any branch): one pipeline per person. */
    public boolean inPipeline(String idIndex) {
        return db.fetchExists(DEV_PERSON, DEV_PERSON.ID_NUMBER_BIDX.eq(idIndex).and(DEV_PERSON.IN_PIPELINE.isTrue()));
    }

    /** Optimistic update: true if the version read is still current (exactly one concurrent writer wins). */
    public boolean update(DevPersonRecord p, int versionRead) {
        return db.update(DEV_PERSON).set(DEV_PERSON.STATE, p.getState()).set(DEV_PERSON.IN_PIPELINE, p.getInPipeline())
                .set(DEV_PERSON.PIPELINE_KEY, p.getInPipeline() ? p.getIdNumberBidx() : null)
                .set(DEV_PERSON.LAST_STEP, p.getLastStep()).set(DEV_PERSON.LAST_STEP_ON, p.getLastStepOn())
                .set(DEV_PERSON.CONVERSION_ROUND, p.getConversionRound()).set(DEV_PERSON.APPLIED_ON, p.getAppliedOn())
                .set(DEV_PERSON.EXTENSION_MONTHS, p.getExtensionMonths()).set(DEV_PERSON.MEMBER_ID, p.getMemberId())
                .set(DEV_PERSON.CLOSED_ON, p.getClosedOn()).set(DEV_PERSON.CLOSED_REASON, p.getClosedReason())
                .set(DEV_PERSON.VERSION, versionRead + 1).set(DEV_PERSON.UPDATED_AT, OffsetDateTime.now())
                .where(DEV_PERSON.ID.eq(p.getId()).and(DEV_PERSON.VERSION.eq(versionRead))).execute() == 1;
    }

    public void linkMember(long personId, long memberId) {
        db.update(DEV_PERSON).set(DEV_PERSON.MEMBER_ID, memberId).where(DEV_PERSON.ID.eq(personId)).execute();
    }

    public List<DevStepRecord> steps(long personId) {
        return db.selectFrom(DEV_STEP).where(DEV_STEP.PERSON_ID.eq(personId))
                .orderBy(DEV_STEP.STEP_NO, DEV_STEP.ROUND).fetch();
    }

    public Map<Long, List<DevStepRecord>> stepsOf(Collection<Long> personIds) {
        Map<Long, List<DevStepRecord>> out = new java.util.HashMap<>();
        for (DevStepRecord r : db.selectFrom(DEV_STEP).where(DEV_STEP.PERSON_ID.in(personIds))
                .orderBy(DEV_STEP.STEP_NO, DEV_STEP.ROUND).fetch()) {
            out.computeIfAbsent(r.getPersonId(), k -> new java.util.ArrayList<>()).add(r);
        }
        return out;
    }

    /** Steps of all open files of a subtree in one set-based query (no id list). */
    public Map<Long, List<DevStepRecord>> openSteps(String scopePath, String subtreePath) {
        Map<Long, List<DevStepRecord>> out = new java.util.HashMap<>();
        for (DevStepRecord r : db.select(DEV_STEP.fields()).from(DEV_STEP).join(DEV_PERSON).on(DEV_PERSON.ID.eq(DEV_STEP.PERSON_ID).and(io.zhibu.shared.db.Citus.sameRegion(DEV_PERSON.REGION_ORG_ID, DEV_STEP.REGION_ORG_ID)))
                .where(subtree(scopePath).and(subtree(subtreePath)).and(DEV_PERSON.IN_PIPELINE.isTrue()))
                .orderBy(DEV_STEP.PERSON_ID, DEV_STEP.STEP_NO, DEV_STEP.ROUND).fetchInto(DEV_STEP)) {
            out.computeIfAbsent(r.getPersonId(), k -> new java.util.ArrayList<>()).add(r);
        }
        return out;
    }

    public void setStepDate(long stepId, LocalDate date) {
        db.update(DEV_STEP).set(DEV_STEP.DONE_ON, date).where(DEV_STEP.ID.eq(stepId)).execute();
    }

    public void log(DevPersonRecord p, String actor, String action, Integer stepNo, String detail) {
        db.insertInto(DEV_LOG).set(DEV_LOG.PERSON_ID, p.getId()).set(DEV_LOG.REGION_ORG_ID, p.getRegionOrgId())
                .set(DEV_LOG.ORG_PATH, p.getOrgPath()).set(DEV_LOG.LOGGED_AT, OffsetDateTime.now())
                .set(DEV_LOG.ACTOR, actor).set(DEV_LOG.ACTION, action).set(DEV_LOG.STEP_NO, stepNo)
                .set(DEV_LOG.DETAIL, detail.length() > 1000 ? detail.substring(0, 1000) : detail).execute();
    }

    /** Open dossiers linked to these roster members (R4.7: they travel with a transfer). */
    public List<DevPersonRecord> openOfMembers(Collection<Long> memberIds) {
        return db.selectFrom(DEV_PERSON).where(DEV_PERSON.MEMBER_ID.in(memberIds)).and(DEV_PERSON.IN_PIPELINE.isTrue())
                .orderBy(DEV_PERSON.ID).fetch();
    }

    /**
     * Re-roots one dossier, its steps and its log under another branch (R2.5/R4.7: the receiving branch continues;
     * dates are kept so the cultivation and probation time counts continuously).
     */
    public void moveTo(long personId, long orgId, String orgPath, long regionOrgId) {
        db.update(DEV_PERSON).set(DEV_PERSON.ORG_ID, orgId).set(DEV_PERSON.ORG_PATH, orgPath)
                .set(DEV_PERSON.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(DEV_PERSON.REGION_ORG_ID, regionOrgId)).set(DEV_PERSON.VERSION, DEV_PERSON.VERSION.plus(1))
                .set(DEV_PERSON.UPDATED_AT, OffsetDateTime.now()).where(DEV_PERSON.ID.eq(personId)).execute();
        db.update(DEV_STEP).set(DEV_STEP.ORG_PATH, orgPath).set(DEV_STEP.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(DEV_STEP.REGION_ORG_ID, regionOrgId))
                .where(DEV_STEP.PERSON_ID.eq(personId)).execute();
        db.update(DEV_LOG).set(DEV_LOG.ORG_PATH, orgPath).set(DEV_LOG.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(DEV_LOG.REGION_ORG_ID, regionOrgId))
                .where(DEV_LOG.PERSON_ID.eq(personId)).execute();
    }

    public List<DevLogRecord> logs(long personId) {
        return db.selectFrom(DEV_LOG).where(DEV_LOG.PERSON_ID.eq(personId)).orderBy(DEV_LOG.ID).fetch();
    }

    public Condition filter(String scopePath, String subtreePath, DevState state) {
        Condition c = subtree(scopePath).and(subtree(subtreePath));
        return state == null ? c : c.and(DEV_PERSON.STATE.eq(state));
    }

    public List<DevPersonRecord> page(Condition c, int page, int size) {
        return db.selectFrom(DEV_PERSON).where(c).orderBy(DEV_PERSON.ID.desc()).limit(size).offset(page * size).fetch();
    }

    public long count(Condition c) {
        return db.fetchCount(DEV_PERSON, c);
    }

    /** Open pipelines of a subtree (for the to-do list and the pipeline view), newest first, bounded. */
    public List<DevPersonRecord> open(String scopePath, String subtreePath, int limit) {
        return db.selectFrom(DEV_PERSON).where(subtree(scopePath).and(subtree(subtreePath))
                .and(DEV_PERSON.IN_PIPELINE.isTrue())).orderBy(DEV_PERSON.ID.desc()).limit(limit).fetch();
    }

    /** Open dossiers with an id above {@code afterId}, in id order, at most {@code limit}: keyset pages for the sweep. */
    public List<DevPersonRecord> openAfter(long afterId, int limit) {
        return db.selectFrom(DEV_PERSON).where(DEV_PERSON.IN_PIPELINE.isTrue()).and(DEV_PERSON.ID.gt(afterId))
                .orderBy(DEV_PERSON.ID).limit(limit).fetch();
    }

    /**
     * The done steps of the open dossiers with ids in [first, last], only what a timeline needs, by person. Closed
     * dossiers in the same id range (members long converted, each with 25 steps) are skipped in the query, not read
     * and dropped: on a city they are most of the step rows.
     */
    public Map<Long, List<io.zhibu.development.DevTimeline.Done>> timelineSteps(long first, long last) {
        Map<Long, List<io.zhibu.development.DevTimeline.Done>> out = new java.util.HashMap<>();
        db.select(DEV_STEP.PERSON_ID, DEV_STEP.STEP_NO, DEV_STEP.ROUND, DEV_STEP.DONE_ON, DEV_STEP.DECISION,
                        DEV_STEP.EXTENSION_MONTHS).from(DEV_STEP).join(DEV_PERSON).on(DEV_PERSON.ID.eq(DEV_STEP.PERSON_ID).and(io.zhibu.shared.db.Citus.sameRegion(DEV_PERSON.REGION_ORG_ID, DEV_STEP.REGION_ORG_ID)))
                .where(DEV_STEP.PERSON_ID.between(first, last)).and(DEV_PERSON.IN_PIPELINE.isTrue())
                .orderBy(DEV_STEP.PERSON_ID, DEV_STEP.STEP_NO, DEV_STEP.ROUND)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>())
                        .add(new io.zhibu.development.DevTimeline.Done(r.value2(), r.value3(), r.value4(),
                                r.value5(), r.value6())));
        return out;
    }

    public Map<DevState, Long> countsByState(String scopePath, String subtreePath) {
        Map<DevState, Long> counts = new EnumMap<>(DevState.class);
        for (DevState s : DevState.values()) {
            counts.put(s, 0L);
        }
        db.select(DEV_PERSON.STATE, DSL.count()).from(DEV_PERSON).where(subtree(scopePath).and(subtree(subtreePath)))
                .groupBy(DEV_PERSON.STATE)
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    /** Admitted in a year = step 17 (上级党委审批) dated in that year, in the subtree. */
    public long admitted(String scopePath, String subtreePath, int year) {
        Condition path = OrgPathSql.subtree(DEV_STEP.ORG_PATH, scopePath).and(OrgPathSql.subtree(DEV_STEP.ORG_PATH, subtreePath));
        return db.fetchCount(DEV_STEP, path.and(DEV_STEP.STEP_NO.eq(17))
                .and(DEV_STEP.DONE_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))));
    }

    public long planned(String scopePath, String subtreePath, int year) {
        Condition path = OrgPathSql.subtree(DEV_PLAN.ORG_PATH, scopePath).and(OrgPathSql.subtree(DEV_PLAN.ORG_PATH, subtreePath));
        Number n = db.select(DSL.sum(DEV_PLAN.PLANNED)).from(DEV_PLAN).where(path.and(DEV_PLAN.PLAN_YEAR.eq(year)))
                .fetchOne(0, Number.class);
        return n == null ? 0 : n.longValue();
    }

    public void savePlan(long orgId, String orgPath, long regionOrgId, int year, int planned) {
        int n = db.update(DEV_PLAN).set(DEV_PLAN.PLANNED, planned).set(DEV_PLAN.UPDATED_AT, OffsetDateTime.now())
                .where(DEV_PLAN.ORG_ID.eq(orgId).and(DEV_PLAN.PLAN_YEAR.eq(year))).execute();
        if (n == 0) {
            db.insertInto(DEV_PLAN).set(DEV_PLAN.ORG_ID, orgId).set(DEV_PLAN.ORG_PATH, orgPath)
                    .set(DEV_PLAN.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(DEV_PLAN.REGION_ORG_ID, regionOrgId)).set(DEV_PLAN.PLAN_YEAR, year)
                    .set(DEV_PLAN.PLANNED, planned).set(DEV_PLAN.UPDATED_AT, OffsetDateTime.now()).execute();
        }
    }
}
