package io.zhibu.meeting.internal;

import static io.zhibu.db.Tables.MEETING_MATTER;
import static io.zhibu.db.Tables.MEETING_MATTER_STEP;

import io.zhibu.db.tables.records.MeetingMatterRecord;
import io.zhibu.db.tables.records.MeetingMatterStepRecord;
import io.zhibu.meeting.FourDeliberationsRules.MatterStatus;
import io.zhibu.shared.OrgPath;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of 四议两公开 matters and their steps (the meeting module's tables). */
@Repository
public class DeliberationRepository {
    private final DSLContext db;

    public DeliberationRepository(DSLContext db) {
        this.db = db;
    }

    static Condition subtree(String path) {
        return path.isEmpty() ? DSL.noCondition()
                : MEETING_MATTER.ORG_PATH.ge(path).and(MEETING_MATTER.ORG_PATH.lt(OrgPath.upperBound(path)));
    }

    public long insert(MeetingMatterRecord m) {
        MeetingMatterRecord r = db.newRecord(MEETING_MATTER, m);
        r.store();
        return r.getId();
    }

    public Optional<MeetingMatterRecord> find(long id) {
        return db.selectFrom(MEETING_MATTER).where(MEETING_MATTER.ID.eq(id)).fetchOptional();
    }

    public Optional<MeetingMatterRecord> findForUpdate(long id) {
        return db.selectFrom(MEETING_MATTER).where(MEETING_MATTER.ID.eq(id)).forUpdate().fetchOptional();
    }

    /** Matters of the subtree started in the year or not started yet, the newest first. */
    public List<MeetingMatterRecord> inSubtree(String path, LocalDate from, LocalDate to, int limit) {
        return db.selectFrom(MEETING_MATTER).where(subtree(path))
                .and(MEETING_MATTER.STARTED_ON.between(from, to).or(MEETING_MATTER.STARTED_ON.isNull()))
                .orderBy(MEETING_MATTER.STARTED_ON.desc().nullsFirst(), MEETING_MATTER.ID.desc()).limit(limit).fetch();
    }

    public List<MeetingMatterStepRecord> steps(long matterId) {
        return db.selectFrom(MEETING_MATTER_STEP).where(MEETING_MATTER_STEP.MATTER_ID.eq(matterId))
                .fetch().stream()
                .sorted(java.util.Comparator.comparing(MeetingMatterStepRecord::getStep)).toList();
    }

    public void insertStep(MeetingMatterStepRecord s) {
        db.newRecord(MEETING_MATTER_STEP, s).store();
    }

    /** Moves the matter on (optimistic on the version read). */
    public boolean advance(long id, int version, MatterStatus status, LocalDate startedOn, LocalDate completedOn,
                           java.time.OffsetDateTime now) {
        return db.update(MEETING_MATTER).set(MEETING_MATTER.STATUS, status).set(MEETING_MATTER.STARTED_ON, startedOn)
                .set(MEETING_MATTER.COMPLETED_ON, completedOn).set(MEETING_MATTER.UPDATED_AT, now)
                .set(MEETING_MATTER.VERSION, version + 1)
                .where(MEETING_MATTER.ID.eq(id)).and(MEETING_MATTER.VERSION.eq(version)).execute() == 1;
    }

    /** Per org: matters started and completed between the dates (org id → {started, completed}). */
    public java.util.Map<Long, long[]> countsByOrg(Condition which, LocalDate from, LocalDate to) {
        java.util.Map<Long, long[]> out = new java.util.HashMap<>();
        for (var r : db.select(MEETING_MATTER.ORG_ID, DSL.count(),
                        DSL.count().filterWhere(MEETING_MATTER.STATUS.eq(MatterStatus.COMPLETED)))
                .from(MEETING_MATTER).where(which).and(MEETING_MATTER.STARTED_ON.between(from, to))
                .groupBy(MEETING_MATTER.ORG_ID).fetch()) {
            out.put(r.value1(), new long[] {r.value2(), r.value3()});
        }
        return out;
    }

    public java.util.Map<Long, long[]> countsByOrg(String path, LocalDate from, LocalDate to) {
        return countsByOrg(subtree(path), from, to);
    }

    /** Per org and month started: {started, completed}, for the rollups. */
    public List<org.jooq.Record4<Long, LocalDate, Integer, Integer>> startedByOrg(Collection<Long> orgIds, String path,
                                                                                LocalDate from, LocalDate to) {
        Condition which = orgIds != null ? MEETING_MATTER.ORG_ID.in(orgIds) : path != null ? subtree(path) : DSL.noCondition();
        return db.select(MEETING_MATTER.ORG_ID, MEETING_MATTER.STARTED_ON, DSL.count(),
                        DSL.count().filterWhere(MEETING_MATTER.STATUS.eq(MatterStatus.COMPLETED)))
                .from(MEETING_MATTER).where(which).and(MEETING_MATTER.STARTED_ON.between(from, to))
                .groupBy(MEETING_MATTER.ORG_ID, MEETING_MATTER.STARTED_ON).fetch();
    }

    public void insertPhoto(io.zhibu.db.tables.records.MeetingMatterPhotoRecord r) {
        r.attach(db.configuration());
        r.store();
    }

    public List<io.zhibu.db.tables.records.MeetingMatterPhotoRecord> photos(long matterId) {
        return db.selectFrom(io.zhibu.db.Tables.MEETING_MATTER_PHOTO).where(io.zhibu.db.Tables.MEETING_MATTER_PHOTO.MATTER_ID.eq(matterId))
                .orderBy(io.zhibu.db.Tables.MEETING_MATTER_PHOTO.ID).fetch();
    }

    public Optional<io.zhibu.db.tables.records.MeetingMatterPhotoRecord> photo(long matterId, long photoId) {
        return db.selectFrom(io.zhibu.db.Tables.MEETING_MATTER_PHOTO).where(io.zhibu.db.Tables.MEETING_MATTER_PHOTO.ID.eq(photoId))
                .and(io.zhibu.db.Tables.MEETING_MATTER_PHOTO.MATTER_ID.eq(matterId)).fetchOptional();
    }
}
