package io.zhibu.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.meeting.ComplianceRecords.ComplianceReport;
import io.zhibu.meeting.AttachmentService;
import io.zhibu.meeting.ComplianceService;
import io.zhibu.meeting.MeetingRecords.*;
import io.zhibu.meeting.MeetingService;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organization life API (组织生活): meetings, attendance, minutes, compliance; scoped like the roster. */
@RestController
@RequestMapping("/api/v1/meetings")
@Tag(name = "meetings", description = "Organization life (三会一课, 主题党日, 组织生活会)")
public class MeetingApiController {
    private final MeetingService meetings;
    private final ComplianceService compliance;
    private final AttachmentService attachments;
    private final io.zhibu.meeting.MemberCalendar calendar;
    private final java.time.Clock clock;
    private final io.zhibu.meeting.AttendanceRates attendanceRates;

    public MeetingApiController(MeetingService meetings, ComplianceService compliance, AttachmentService attachments,
                                io.zhibu.meeting.MemberCalendar calendar, java.time.Clock clock,
                                io.zhibu.meeting.AttendanceRates attendanceRates) {
        this.attendanceRates = attendanceRates;
        this.meetings = meetings;
        this.calendar = calendar;
        this.clock = clock;
        this.compliance = compliance;
        this.attachments = attachments;
    }

    @PostMapping("/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a photo or sign-in sheet (request body = the file; JPEG/PNG, sign-in also PDF; checked by content)")
    public Attachment upload(@PathVariable long id, @RequestParam(required = false) AttachmentService.Kind kind,
                             @RequestParam(required = false) String name, @RequestBody(required = false) byte[] body) {
        return attachments.upload(CurrentScope.get(), id, kind, name, body);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment")
    public org.springframework.http.ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        return AttachmentResponses.of(attachments.download(CurrentScope.get(), id, attachmentId));
    }

    @GetMapping
    @Operation(summary = "Meetings of the caller's subtree (orgId narrows to a subtree); members: their own")
    public Page<MeetingSummary> list(@RequestParam(required = false) Long orgId,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return meetings.list(CurrentScope.get(), orgId, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a meeting (branch secretary); the branch's members are notified")
    public MeetingView plan(@RequestBody MeetingForm form) {
        return meetings.plan(CurrentScope.get(), form);
    }

    @GetMapping("/my")
    @Operation(summary = "The member's own meetings, attendance record and make-up tasks (补学)")
    public List<MyAttendance> my() {
        return meetings.my(CurrentScope.get());
    }

    @GetMapping("/my/calendar")
    @Operation(summary = "The member's calendar of a year: meetings called to (kind MEETING) and the fixed monthly "
            + "study days (kind STUDY_DAY, 固定学习日, default the 23rd), in date order")
    public io.zhibu.meeting.MemberCalendar.Calendar myCalendar(@RequestParam(required = false) Integer year) {
        return calendar.of(CurrentScope.get(), year == null ? java.time.LocalDate.now(clock).getYear() : year);
    }

    @GetMapping("/attendance-rates")
    @Operation(summary = "R6.3 attendance rate per member for the year: the branch's publicity list (orgId: a branch, default the caller's)")
    public io.zhibu.meeting.AttendanceRates.Publicity attendanceRates(@RequestParam(required = false) Long orgId,
                                                                      @RequestParam(required = false) Integer year) {
        return attendanceRates.publicity(CurrentScope.get(), orgId, year);
    }

    @GetMapping("/{id}/theme-dues")
    @Operation(summary = "主题党日 交纳党费: the branch's members with dues of the meeting's month unpaid (from the dues ledger)")
    public MeetingService.ThemeDues themeDues(@PathVariable long id) {
        return meetings.themeDues(CurrentScope.get(), id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One meeting with attendance, minutes, vote, revisions and attachments")
    public MeetingView get(@PathVariable long id) {
        return meetings.get(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/checkin")
    @Operation(summary = "Member check-in with the meeting's code (valid around the meeting time)")
    public MeetingView checkIn(@PathVariable long id, @RequestBody CheckIn body) {
        return meetings.checkIn(CurrentScope.get(), id, body);
    }

    @PostMapping("/{id}/leave")
    @Operation(summary = "Member asks for leave (before the meeting)")
    public MeetingView leave(@PathVariable long id, @RequestBody LeaveRequest body) {
        return meetings.requestLeave(CurrentScope.get(), id, body);
    }

    @PutMapping("/{id}/attendance/{attendanceId}")
    @Operation(summary = "Secretary marks an attendee or approves (LEAVE) / refuses (EXPECTED) a leave request")
    public MeetingView mark(@PathVariable long id, @PathVariable long attendanceId, @RequestBody AttendanceForm body) {
        return meetings.mark(CurrentScope.get(), id, attendanceId, body);
    }

    @PostMapping("/{id}/non-voting")
    @Operation(summary = "Add a non-voting attendee (列席)")
    public MeetingView nonVoting(@PathVariable long id, @RequestBody NonVotingAttendee body) {
        return meetings.addNonVoting(CurrentScope.get(), id, body);
    }

    @PutMapping("/{id}/minutes")
    @Operation(summary = "Save the minutes (R6.2) and vote counts (R6.4) while not locked; send the version")
    public MeetingView minutes(@PathVariable long id, @RequestBody MinutesForm body) {
        return meetings.saveMinutes(CurrentScope.get(), id, body);
    }

    @PostMapping("/{id}/lock")
    @Operation(summary = "Lock the minutes; absentees get make-up study; counts for compliance from now on")
    public MeetingView lock(@PathVariable long id) {
        return meetings.lock(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/revisions")
    @Operation(summary = "Append a correction to locked minutes")
    public MeetingView revision(@PathVariable long id, @RequestBody RevisionForm body) {
        return meetings.addRevision(CurrentScope.get(), id, body);
    }

    @PostMapping("/makeups/{attendanceId}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Member reports a make-up study (补学) done")
    public void makeupDone(@PathVariable long attendanceId, @RequestBody MakeupDone body) {
        meetings.makeupDone(CurrentScope.get(), attendanceId, body);
    }

    @GetMapping("/calendar")
    @Operation(summary = "Proposed meetings of a year from the required frequencies (§6)")
    public List<CalendarProposal> calendar(@RequestParam long orgId, @RequestParam int year,
                                           @RequestParam(defaultValue = "10") int themeDay) {
        return meetings.proposeCalendar(CurrentScope.get(), orgId, year, themeDay);
    }

    @GetMapping("/compliance")
    @Operation(summary = "Compliance (R6.1) of a branch or subtree for the quarter containing date; derived from locked records")
    public ComplianceReport compliance(@RequestParam(required = false) Long orgId,
                                       @RequestParam(required = false) LocalDate date) {
        return compliance.report(CurrentScope.get(), orgId, date);
    }
}
