package io.zhibu.meeting;

import static io.zhibu.db.Tables.MEETING_ATTENDANCE;
import static io.zhibu.db.Tables.MEETING_MEETING;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings that count as training (学时, rules.md R7.1/R7.3), for the learning module: the locked meetings of the
 * given kinds (e.g. 党课) a member attended (PRESENT), with their start and end. One set-based query for many members;
 * the caller decides how minutes become 学时. Added for the learning module.
 */
@Service
public class TrainingAttendance {
    /** One attended training meeting of one member. */
    public record Attended(long memberId, long meetingId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    private final DSLContext db;

    public TrainingAttendance(DSLContext db) {
        this.db = db;
    }

    /** Attended, locked meetings of {@code types} starting in [from, to] (dates in {@code zone}), for these members. */
    @Transactional(readOnly = true)
    public List<Attended> attended(Collection<Long> memberIds, Set<MeetingType> types, LocalDate from, LocalDate to,
                                   ZoneId zone) {
        if (memberIds.isEmpty() || types.isEmpty()) {
            return List.of();
        }
        Condition kinds = DSL.falseCondition();
        for (MeetingType t : types) {
            // types is a comma-separated list of kinds; match the kind as a whole word
            kinds = kinds.or(DSL.concat(DSL.val(","), MEETING_MEETING.TYPES, DSL.val(",")).contains("," + t.name() + ","));
        }
        List<Attended> out = new ArrayList<>();
        List<Long> ids = List.copyOf(memberIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            db.select(MEETING_ATTENDANCE.MEMBER_ID, MEETING_MEETING.ID, MEETING_MEETING.TITLE, MEETING_MEETING.STARTS_AT,
                            MEETING_MEETING.ENDS_AT)
                    .from(MEETING_ATTENDANCE).join(MEETING_MEETING).on(MEETING_MEETING.ID.eq(MEETING_ATTENDANCE.MEETING_ID).and(io.zhibu.shared.db.Citus.sameRegion(MEETING_MEETING.REGION_ORG_ID, MEETING_ATTENDANCE.REGION_ORG_ID)))
                    .where(MEETING_ATTENDANCE.MEMBER_ID.in(ids.subList(i, Math.min(ids.size(), i + 1000))))
                    .and(MEETING_ATTENDANCE.STATUS.eq(MeetingRecords.AttendanceStatus.PRESENT))
                    .and(MEETING_MEETING.STATUS.eq(MeetingRecords.MeetingStatus.LOCKED))
                    .and(MEETING_MEETING.STARTS_AT.ge(from.atStartOfDay(zone).toOffsetDateTime()))
                    .and(MEETING_MEETING.STARTS_AT.lt(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()))
                    .and(kinds)
                    .fetch().forEach(r -> out.add(new Attended(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
        }
        return out;
    }
}
