package io.zhibu.meeting;

import java.time.LocalDate;
import java.util.List;

/**
 * Attendance facts other modules keep projections of (member points, study hours). Published synchronously inside
 * the writing transaction, so a listener's posting commits or rolls back with the attendance change.
 */
public final class MeetingEvents {
    private MeetingEvents() {
    }

    /**
     * A member's attendance changed (check-in, or the secretary marking); {@code status} is the
     * {@link MeetingRecords.AttendanceStatus} name. {@code date} is the meeting day.
     */
    public record AttendanceRecorded(long meetingId, long orgId, long memberId, MeetingRecords.AttendanceStatus status,
                                     LocalDate date,
                                     List<MeetingType> types) {
    }

    /** The minutes were locked: attendance is final (unmarked members count as absent without leave, R6.3). */
    public record AttendanceClosed(long meetingId, long orgId, LocalDate date, List<MeetingType> types,
                                   List<Outcome> outcomes) {
    }

    /** One member's final attendance. */
    public record Outcome(long memberId, MeetingRecords.AttendanceStatus status) {
    }
}
