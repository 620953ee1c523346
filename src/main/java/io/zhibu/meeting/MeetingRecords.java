package io.zhibu.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The public records of the meeting module (bodies of the API and models of the pages). */
public final class MeetingRecords {
    private MeetingRecords() {
    }

    public enum MeetingStatus {
        /** Planned or held, minutes still editable. */
        PLANNED,
        /** Minutes locked (R6.2): only appended revisions from now on; counts for compliance. */
        LOCKED
    }

    /** R6.3: present, leave asked, approved leave, absent without reason; EXPECTED until the meeting is closed. */
    public enum AttendanceStatus {
        EXPECTED, PRESENT, LEAVE_REQUESTED, LEAVE, ABSENT
    }

    /** R6.4: which arithmetic a vote uses. */
    public enum VoteKind {
        /** Ordinary 党员大会 decision (R1.14). */
        MOTION,
        /** Admission or conversion (R2.9). */
        ADMISSION,
        /** Election (R1.11, R1.13). */
        ELECTION
    }

    public enum VoteMethod {
        SHOW_OF_HANDS, ANONYMOUS
    }

    public enum VoteResult {
        PASSED, FAILED
    }

    /** Plan a meeting (times in the platform's zone); {@code themeId} optionally picks a theme of the 主题党日 library ({@link ThemeDayPicks}). */
    public record MeetingForm(Long orgId, List<MeetingType> types, DeliberationStep deliberationStep, String title,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime startsAt,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime endsAt, String place,
                              String agenda, Long themeId) {
    }

    /** One row of a meeting list ("my meetings" adds the caller's own attendance status). */
    public record MeetingSummary(long id, long orgId, String orgName, List<MeetingType> types, String title,
                                 OffsetDateTime startsAt, OffsetDateTime endsAt, String place, MeetingStatus status,
                                 AttendanceStatus myStatus) {
    }

    public record Attendee(long id, Long memberId, String name, boolean nonVoting, boolean probationary,
                           AttendanceStatus status, String reason, OffsetDateTime checkedInAt, boolean makeupDue,
                           OffsetDateTime makeupDoneAt, String makeupNote, LocalDate joinedOn) {
    }

    public record Revision(long id, String text, String createdBy, OffsetDateTime createdAt) {
    }

    public record Attachment(long id, String kind, String fileName, String contentType, long sizeBytes,
                             OffsetDateTime createdAt) {
    }

    /** Vote counts as entered, the platform's computation (R6.4) and the human-entered result beside it. */
    public record Vote(VoteKind kind, String subject, VoteMethod method, Integer votingDue, Integer votingPresent,
                       Integer yes, Integer no, Integer abstain, Integer writtenYes, Boolean computedValid,
                       Boolean computedPassed, VoteResult recordedResult) {
    }

    /** 主题党日 "3+N": three fixed items and N activities; {@code birthdays} = members who joined in this month. */
    public record ThemeDay(boolean duesDone, boolean oathDone, boolean birthdaysDone, List<String> birthdays,
                           String activities) {
    }

    /** Counts of R6.2: 应到 (due), 实到 (present), leave, absent without reason, 列席 (non-voting). */
    public record Counts(int due, int present, int leave, int absent, int nonVoting) {
    }

    public record MeetingView(long id, long orgId, String orgName, List<MeetingType> types,
                              DeliberationStep deliberationStep, String title, OffsetDateTime startsAt,
                              OffsetDateTime endsAt, String place, String agenda, MeetingStatus status,
                              String checkinCode, String host, String recorder, String speeches, String decisions,
                              Vote vote, ThemeDay themeDay, Counts counts, List<Attendee> attendees,
                              List<Revision> revisions, List<Attachment> attachments, OffsetDateTime lockedAt,
                              String lockedBy, int version) {
    }

    /** Minutes (R6.2) and, for vote-bearing meetings, the counts (R6.4); send the version you read. */
    public record MinutesForm(String host, String recorder, String speeches, String decisions, VoteKind voteKind,
                              String voteSubject, VoteMethod voteMethod, Integer votingDue, Integer votingPresent,
                              Integer yes, Integer no, Integer abstain, Integer writtenYes, VoteResult recordedResult,
                              Boolean themeDuesDone, Boolean themeOathDone, Boolean themeBirthdaysDone,
                              String themeActivities, Integer version) {
    }

    /** The secretary marks one attendee: status and, for leave or absence, the reason. */
    public record AttendanceForm(AttendanceStatus status, String reason) {
    }

    public record CheckIn(String code) {
    }

    public record LeaveRequest(String reason) {
    }

    public record NonVotingAttendee(String name) {
    }

    public record RevisionForm(String text) {
    }

    public record MakeupDone(String note) {
    }

    /** A member's own attendance record with make-up tasks (补学). */
    public record MyAttendance(long attendanceId, MeetingSummary meeting, AttendanceStatus status, boolean makeupDue,
                               OffsetDateTime makeupDoneAt) {
    }

    /** A proposed meeting of the year's calendar (from the §6 frequencies). */
    public record CalendarProposal(MeetingType type, LocalDate date) {
    }
}
