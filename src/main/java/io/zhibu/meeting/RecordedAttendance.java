package io.zhibu.meeting;

import static io.zhibu.db.Tables.MEETING_ATTENDANCE;
import static io.zhibu.db.Tables.MEETING_MEETING;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Final attendance of locked meetings (R6.3) as facts for the points module, for attendance that was recorded
 * without an {@link MeetingEvents} event — written set-based by the lived year or by an import rather than by
 * check-in or the secretary's marking. Only members (not 列席 guests), only the outcomes that earn or cost points:
 * present (出席) and absent without leave (无故缺席). The caller posts them under the same fact keys as the event
 * listener, so a fact already posted is never posted twice.
 */
@Service
public class RecordedAttendance {
    /** One member's final attendance at one locked meeting; {@code date} is the meeting day in the configured zone. */
    public record Fact(long meetingId, long memberId, boolean present, LocalDate date) {
    }

    private final DSLContext db;
    private final Clock clock;

    public RecordedAttendance(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The facts of the locked meetings under {@code rootPath} (the region's subtree), in meeting order. */
    @Transactional(readOnly = true)
    public List<Fact> lockedUnder(String rootPath) {
        var a = MEETING_ATTENDANCE;
        var m = MEETING_MEETING;
        List<Fact> out = new ArrayList<>();
        for (var r : db.select(a.MEETING_ID, a.MEMBER_ID, a.STATUS, m.STARTS_AT).from(a).join(m).on(m.ID.eq(a.MEETING_ID).and(io.zhibu.shared.db.Citus.sameRegion(m.REGION_ORG_ID, a.REGION_ORG_ID)))
                .where(m.ORG_PATH.startsWith(rootPath)).and(m.STATUS.eq(MeetingRecords.MeetingStatus.LOCKED))
                .and(a.MEMBER_ID.isNotNull()).and(a.NON_VOTING.isFalse())
                .and(a.STATUS.in(MeetingRecords.AttendanceStatus.PRESENT, MeetingRecords.AttendanceStatus.ABSENT))
                .orderBy(m.STARTS_AT, a.MEETING_ID, a.MEMBER_ID).fetch()) {
            OffsetDateTime starts = r.value4();
            out.add(new Fact(r.value1(), r.value2(), r.value3() == MeetingRecords.AttendanceStatus.PRESENT,
                    starts.atZoneSameInstant(clock.getZone()).toLocalDate()));
        }
        return out;
    }
}
