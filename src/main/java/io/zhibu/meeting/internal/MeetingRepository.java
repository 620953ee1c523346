package io.zhibu.meeting.internal;

import static io.zhibu.db.Tables.MEETING_ATTACHMENT;
import static io.zhibu.db.Tables.MEETING_ATTENDANCE;
import static io.zhibu.db.Tables.MEETING_MEETING;
import static io.zhibu.db.Tables.MEETING_REVISION;

import io.zhibu.db.tables.records.MeetingAttachmentRecord;
import io.zhibu.db.tables.records.MeetingAttendanceRecord;
import io.zhibu.db.tables.records.MeetingMeetingRecord;
import io.zhibu.db.tables.records.MeetingRevisionRecord;
import io.zhibu.shared.OrgPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of meetings, attendance, revisions and attachments. Subtree = range on org_path, region first in the index. */
@Repository
public class MeetingRepository {
    private final DSLContext db;

    public MeetingRepository(DSLContext db) {
        this.db = db;
    }

    public static Condition subtree(String path) {
        return path.isEmpty() ? DSL.noCondition()
                : MEETING_MEETING.ORG_PATH.ge(path).and(MEETING_MEETING.ORG_PATH.lt(OrgPath.upperBound(path)));
    }

    public MeetingMeetingRecord newMeeting() {
        return db.newRecord(MEETING_MEETING);
    }

    public MeetingAttendanceRecord newAttendance() {
        return db.newRecord(MEETING_ATTENDANCE);
    }

    public Optional<MeetingMeetingRecord> find(long id) {
        return db.selectFrom(MEETING_MEETING).where(MEETING_MEETING.ID.eq(id)).fetchOptional();
    }

    /** Locks the row for a state change (check-in, lock, minutes), so concurrent commands serialize. */
    public Optional<MeetingMeetingRecord> findForUpdate(long id) {
        return db.selectFrom(MEETING_MEETING).where(MEETING_MEETING.ID.eq(id))
                .and(io.zhibu.shared.db.Citus.lockRegion(db, MEETING_MEETING, MEETING_MEETING.REGION_ORG_ID, MEETING_MEETING.ID.eq(id))).forUpdate().fetchOptional();
    }

    public List<MeetingMeetingRecord> page(Condition c, int page, int size) {
        return db.selectFrom(MEETING_MEETING).where(c).orderBy(MEETING_MEETING.STARTS_AT.desc(), MEETING_MEETING.ID.desc())
                .limit(size).offset((long) page * size).fetch();
    }

    public long count(Condition c) {
        return db.fetchCount(MEETING_MEETING, c);
    }

    /** Locked meetings of a subtree between two instants: org, tags, start (for compliance). */
    public List<Record3<Long, String, OffsetDateTime>> lockedBetween(String path, OffsetDateTime from, OffsetDateTime to) {
        return db.select(MEETING_MEETING.ORG_ID, MEETING_MEETING.TYPES, MEETING_MEETING.STARTS_AT).from(MEETING_MEETING)
                .where(subtree(path)).and(MEETING_MEETING.STATUS.eq(io.zhibu.meeting.MeetingRecords.MeetingStatus.LOCKED))
                .and(MEETING_MEETING.STARTS_AT.ge(from)).and(MEETING_MEETING.STARTS_AT.lt(to)).fetch();
    }

    /** Locked meetings of some organizations (all when null) between two instants: org, tags, start. */
    public List<Record3<Long, String, OffsetDateTime>> lockedOfOrgs(java.util.Collection<Long> orgIds,
                                                                    OffsetDateTime from, OffsetDateTime to) {
        return db.select(MEETING_MEETING.ORG_ID, MEETING_MEETING.TYPES, MEETING_MEETING.STARTS_AT).from(MEETING_MEETING)
                .where(orgIds == null ? DSL.noCondition() : MEETING_MEETING.ORG_ID.in(orgIds))
                .and(MEETING_MEETING.STATUS.eq(io.zhibu.meeting.MeetingRecords.MeetingStatus.LOCKED))
                .and(MEETING_MEETING.STARTS_AT.ge(from)).and(MEETING_MEETING.STARTS_AT.lt(to)).fetch();
    }

    public List<MeetingAttendanceRecord> attendance(long meetingId) {
        return db.selectFrom(MEETING_ATTENDANCE).where(MEETING_ATTENDANCE.MEETING_ID.eq(meetingId))
                .orderBy(MEETING_ATTENDANCE.NON_VOTING, MEETING_ATTENDANCE.ID).fetch();
    }

    public Optional<MeetingAttendanceRecord> attendee(long meetingId, long memberId) {
        return db.selectFrom(MEETING_ATTENDANCE).where(MEETING_ATTENDANCE.MEETING_ID.eq(meetingId))
                .and(MEETING_ATTENDANCE.MEMBER_ID.eq(memberId)).fetchOptional();
    }

    public Optional<MeetingAttendanceRecord> attendanceRow(long id) {
        return db.selectFrom(MEETING_ATTENDANCE).where(MEETING_ATTENDANCE.ID.eq(id)).fetchOptional();
    }

    /** A member's own attendance rows with their meetings, newest first. */
    public List<org.jooq.Record> myAttendance(long memberId, int limit) {
        return db.select(MEETING_ATTENDANCE.asterisk(), MEETING_MEETING.asterisk()).from(MEETING_ATTENDANCE)
                .join(MEETING_MEETING).on(MEETING_MEETING.ID.eq(MEETING_ATTENDANCE.MEETING_ID).and(io.zhibu.shared.db.Citus.sameRegion(MEETING_MEETING.REGION_ORG_ID, MEETING_ATTENDANCE.REGION_ORG_ID)))
                .where(MEETING_ATTENDANCE.MEMBER_ID.eq(memberId))
                .orderBy(MEETING_MEETING.STARTS_AT.desc(), MEETING_MEETING.ID.desc()).limit(limit).fetch();
    }

    public boolean updateAttendance(MeetingAttendanceRecord r) {
        int expected = r.getVersion();
        r.setVersion(expected + 1);
        return db.update(MEETING_ATTENDANCE).set(r).where(MEETING_ATTENDANCE.ID.eq(r.getId()))
                .and(MEETING_ATTENDANCE.VERSION.eq(expected)).execute() == 1;
    }

    /** Closing the meeting: attendees still expected are absent without reason; absentees get 补学 (R6.3). */
    /**
     * R6.3: per member of the subtree, over the LOCKED meetings starting in [from, to): the member's org and name and
     * how often present, on leave, absent (non-voting attendees left out).
     */
    public List<org.jooq.Record6<Long, Long, String, Integer, Integer, Integer>> attendanceByMember(String path,
            OffsetDateTime from, OffsetDateTime to) {
        var a = MEETING_ATTENDANCE;
        var m = MEETING_MEETING;
        return db.select(a.MEMBER_ID, m.ORG_ID, DSL.max(a.NAME), DSL.count().filterWhere(a.STATUS.eq(io.zhibu.meeting.MeetingRecords.AttendanceStatus.PRESENT)),
                        DSL.count().filterWhere(a.STATUS.eq(io.zhibu.meeting.MeetingRecords.AttendanceStatus.LEAVE)), DSL.count().filterWhere(a.STATUS.eq(io.zhibu.meeting.MeetingRecords.AttendanceStatus.ABSENT)))
                .from(a).join(m).on(m.ID.eq(a.MEETING_ID).and(io.zhibu.shared.db.Citus.sameRegion(m.REGION_ORG_ID, a.REGION_ORG_ID)))
                .where(subtree(path)).and(m.STATUS.eq(io.zhibu.meeting.MeetingRecords.MeetingStatus.LOCKED)).and(m.STARTS_AT.ge(from)).and(m.STARTS_AT.lt(to))
                .and(a.MEMBER_ID.isNotNull()).and(a.NON_VOTING.isFalse())
                .groupBy(a.MEMBER_ID, m.ORG_ID).fetch();
    }

    public void closeAttendance(long meetingId) {
        db.update(MEETING_ATTENDANCE).set(MEETING_ATTENDANCE.STATUS, io.zhibu.meeting.MeetingRecords.AttendanceStatus.ABSENT)
                .set(MEETING_ATTENDANCE.VERSION, MEETING_ATTENDANCE.VERSION.plus(1))
                .where(MEETING_ATTENDANCE.MEETING_ID.eq(meetingId))
                .and(MEETING_ATTENDANCE.STATUS.in(io.zhibu.meeting.MeetingRecords.AttendanceStatus.EXPECTED, io.zhibu.meeting.MeetingRecords.AttendanceStatus.LEAVE_REQUESTED)).execute();
        db.update(MEETING_ATTENDANCE).set(MEETING_ATTENDANCE.MAKEUP_DUE, true)
                .where(MEETING_ATTENDANCE.MEETING_ID.eq(meetingId)).and(MEETING_ATTENDANCE.MEMBER_ID.isNotNull())
                .and(MEETING_ATTENDANCE.STATUS.in(io.zhibu.meeting.MeetingRecords.AttendanceStatus.ABSENT, io.zhibu.meeting.MeetingRecords.AttendanceStatus.LEAVE)).execute();
    }

    /** Optimistic update of the meeting row: exactly one concurrent writer wins. */
    public boolean updateMeeting(MeetingMeetingRecord r, int expectedVersion) {
        r.setVersion(expectedVersion + 1);
        return db.update(MEETING_MEETING).set(r).where(MEETING_MEETING.ID.eq(r.getId()))
                .and(MEETING_MEETING.VERSION.eq(expectedVersion)).execute() == 1;
    }

    public List<MeetingRevisionRecord> revisions(long meetingId) {
        return db.selectFrom(MEETING_REVISION).where(MEETING_REVISION.MEETING_ID.eq(meetingId))
                .orderBy(MEETING_REVISION.ID).fetch();
    }

    public void insertRevision(MeetingMeetingRecord m, String text, String by, OffsetDateTime at) {
        db.insertInto(MEETING_REVISION).set(MEETING_REVISION.REGION_ORG_ID, m.getRegionOrgId())
                .set(MEETING_REVISION.ORG_PATH, m.getOrgPath()).set(MEETING_REVISION.MEETING_ID, m.getId())
                .set(MEETING_REVISION.TEXT, text).set(MEETING_REVISION.CREATED_BY, by)
                .set(MEETING_REVISION.CREATED_AT, at).execute();
    }

    public List<MeetingAttachmentRecord> attachments(long meetingId) {
        return db.selectFrom(MEETING_ATTACHMENT).where(MEETING_ATTACHMENT.MEETING_ID.eq(meetingId))
                .orderBy(MEETING_ATTACHMENT.ID).fetch();
    }

    public Optional<MeetingAttachmentRecord> attachment(long meetingId, long id) {
        return db.selectFrom(MEETING_ATTACHMENT).where(MEETING_ATTACHMENT.ID.eq(id))
                .and(MEETING_ATTACHMENT.MEETING_ID.eq(meetingId)).fetchOptional();
    }

    public MeetingAttachmentRecord newAttachment() {
        return db.newRecord(MEETING_ATTACHMENT);
    }

    /** One member's organization life in locked meetings of a window (R3.4): where and when expected, when took part. */
    public record OrgLifeLine(long memberId, String name, long orgId, String orgPath, OffsetDateTime firstExpected,
                              OffsetDateTime lastExpected, OffsetDateTime lastTookPart) {
    }

    /**
     * Per member and branch, over locked meetings that started in {@code [from, to)}: the first and last meeting the
     * member was expected at and the last one attended or made up (补学) — one GROUP BY over the attendance index,
     * streamed to {@code sink}. Only members still expected at a meeting since {@code recentFrom} (so still in a branch).
     */
    public void orgLifeLines(OffsetDateTime from, OffsetDateTime to, OffsetDateTime recentFrom,
                             java.util.function.Consumer<OrgLifeLine> sink) {
        var a = MEETING_ATTENDANCE;
        var m = MEETING_MEETING;
        var tookPart = DSL.max(m.STARTS_AT).filterWhere(a.STATUS.eq(io.zhibu.meeting.MeetingRecords.AttendanceStatus.PRESENT)
                .or(a.MAKEUP_DONE_AT.isNotNull()));
        var last = DSL.max(m.STARTS_AT);
        try (var cursor = db.select(a.MEMBER_ID, DSL.max(a.NAME), m.ORG_ID, m.ORG_PATH, DSL.min(m.STARTS_AT), last, tookPart)
                .from(a).join(m).on(m.ID.eq(a.MEETING_ID).and(io.zhibu.shared.db.Citus.sameRegion(m.REGION_ORG_ID, a.REGION_ORG_ID)))
                .where(a.MEMBER_ID.isNotNull()).and(a.NON_VOTING.isFalse())
                .and(m.STATUS.eq(io.zhibu.meeting.MeetingRecords.MeetingStatus.LOCKED))
                .and(m.STARTS_AT.ge(from)).and(m.STARTS_AT.lt(to))
                .groupBy(a.MEMBER_ID, m.ORG_ID, m.ORG_PATH)
                .having(last.ge(recentFrom)).fetchLazy()) {
            for (var r : cursor) {
                sink.accept(new OrgLifeLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
            }
        }
    }
}
