package io.zhibu.meeting.web;

import io.zhibu.meeting.ComplianceService;
import io.zhibu.meeting.DeliberationStep;
import io.zhibu.meeting.MeetingRecords.*;
import io.zhibu.meeting.MeetingService;
import io.zhibu.meeting.MeetingType;
import io.zhibu.shared.ConflictException;
import io.zhibu.meeting.ThemeDayPicks;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organization-life pages: list, my meetings, plan, detail (check-in, leave, attendance, minutes), compliance. */
@Controller
@RequestMapping("/meetings")
public class MeetingPageController {
    private final MeetingService meetings;
    private final ComplianceService compliance;
    private final io.zhibu.meeting.AttachmentService attachments;
    private final Messages messages;
    private final Clock clock;
    private final io.zhibu.meeting.MemberCalendar calendar;

    private org.springframework.beans.factory.ObjectProvider<ThemeDayPicks> themePicks;

    /** The 主题党日 content library (optional port, issue 21 point 6): the form's picker, the detail's link. */
    @org.springframework.beans.factory.annotation.Autowired
    void setThemePicks(org.springframework.beans.factory.ObjectProvider<ThemeDayPicks> themePicks) {
        this.themePicks = themePicks;
    }

    public MeetingPageController(MeetingService meetings, ComplianceService compliance,
                                 io.zhibu.meeting.AttachmentService attachments, Messages messages, Clock clock,
                                 io.zhibu.meeting.MemberCalendar calendar) {
        this.meetings = meetings;
        this.calendar = calendar;
        this.compliance = compliance;
        this.attachments = attachments;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    public String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
                       Model model) {
        DataScope scope = CurrentScope.get();
        if (scope.selfOnly()) {
            return "redirect:/meetings/my";
        }
        model.addAttribute("result", meetings.list(scope, orgId, page, 20));
        model.addAttribute("orgId", orgId);
        model.addAttribute("canPlan", MeetingService.canWrite(scope));
        model.addAttribute("pageBase", "/meetings" + (orgId == null ? "" : "?orgId=" + orgId));
        return "meeting/list";
    }

    @GetMapping("/my")
    public String my(Model model) {
        List<MyAttendance> items = meetings.my(CurrentScope.get());
        int year = LocalDate.now(clock).getYear();
        // R6.3: attendance rate per member per year, over the locked meetings the member was called to
        List<MyAttendance> closed = items.stream().filter(x -> x.meeting().status() == MeetingStatus.LOCKED
                && x.meeting().startsAt().getYear() == year).toList();
        long present = closed.stream().filter(x -> x.status() == AttendanceStatus.PRESENT).count();
        model.addAttribute("items", items);
        model.addAttribute("year", year);
        model.addAttribute("present", present);
        model.addAttribute("closed", closed.size());
        // 固定学习日 from the learning module (CalendarMarks), the next one highlighted
        LocalDate today = LocalDate.now(clock);
        List<LocalDate> studyDays = io.zhibu.meeting.MemberCalendar.datesOf(calendar.of(CurrentScope.get(), year), "STUDY_DAY");
        model.addAttribute("studyDays", studyDays);
        model.addAttribute("nextStudyDay", studyDays.stream().filter(d -> !d.isBefore(today)).findFirst()
                .orElseGet(() -> io.zhibu.meeting.MemberCalendar.datesOf(calendar.of(CurrentScope.get(), year + 1), "STUDY_DAY")
                        .stream().findFirst().orElse(null)));
        model.addAttribute("today", today);
        return "meeting/my";
    }

    @GetMapping("/new")
    public String newForm(@RequestParam(required = false) MeetingType type,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                          Model model) {
        DataScope scope = CurrentScope.get();
        if (!MeetingService.canWrite(scope)) {
            throw new io.zhibu.shared.ForbiddenException("only the branch secretary plans meetings");
        }
        if (!model.containsAttribute("form")) {
            LocalDate d = date == null ? LocalDate.now(clock) : date;
            model.addAttribute("form", new MeetingForm(scope.scopeOrgId(), type == null ? List.of() : List.of(type), null,
                    type == null ? null : messages.get("meeting.type." + type), LocalDateTime.of(d, LocalTime.of(9, 0)),
                    LocalDateTime.of(d, LocalTime.of(11, 0)), null, null, null));
        }
        // 主题党日 library (issue 21 point 6): themes published to the branch for the months around the meeting
        model.addAttribute("themeChoices", themeChoices(scope, (MeetingForm) model.getAttribute("form")));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("types", MeetingType.values());
        model.addAttribute("steps", DeliberationStep.values());
        return "meeting/form";
    }

    private List<ThemeDayPicks.Choice> themeChoices(DataScope scope, MeetingForm form) {
        ThemeDayPicks picks = themePicks == null ? null : themePicks.getIfAvailable();
        if (picks == null || form == null || form.orgId() == null) {
            return List.of();
        }
        try {
            return picks.choices(scope, form.orgId(), form.startsAt() == null ? LocalDate.now(clock) : form.startsAt().toLocalDate());
        } catch (io.zhibu.shared.NotFoundException e) {
            return List.of();
        }
    }

    @PostMapping
    public String plan(MeetingForm form, Model model, RedirectAttributes flash) {
        try {
            MeetingView m = meetings.plan(CurrentScope.get(), form);
            flash.addFlashAttribute("notice", messages.get("meeting.planned", m.counts().due()));
            return "redirect:/meetings/" + m.id();
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            return newForm(null, null, model);
        }
    }

    /** Detail; {@code code} pre-fills the check-in form (the QR code's URL). */
    @GetMapping("/{id}")
    public String detail(@PathVariable long id, @RequestParam(required = false) String code, Model model) {
        DataScope scope = CurrentScope.get();
        MeetingView m = meetings.get(scope, id);
        model.addAttribute("m", m);
        model.addAttribute("code", code);
        model.addAttribute("isSecretary", MeetingService.canWrite(scope));
        model.addAttribute("isMember", scope.selfOnly());
        model.addAttribute("statuses", List.of(AttendanceStatus.PRESENT, AttendanceStatus.LEAVE, AttendanceStatus.ABSENT,
                AttendanceStatus.EXPECTED));
        model.addAttribute("voteKinds", VoteKind.values());
        model.addAttribute("voteMethods", VoteMethod.values());
        model.addAttribute("voteResults", VoteResult.values());
        if (!model.containsAttribute("minutes")) {
            Vote v = m.vote();
            model.addAttribute("minutes", new MinutesForm(m.host(), m.recorder(), m.speeches(), m.decisions(),
                    v == null ? null : v.kind(), v == null ? null : v.subject(), v == null ? null : v.method(),
                    v == null ? null : v.votingDue(), v == null ? null : v.votingPresent(), v == null ? null : v.yes(),
                    v == null ? null : v.no(), v == null ? null : v.abstain(), v == null ? null : v.writtenYes(),
                    v == null ? null : v.recordedResult(), m.themeDay() != null && m.themeDay().duesDone(),
                    m.themeDay() != null && m.themeDay().oathDone(), m.themeDay() != null && m.themeDay().birthdaysDone(),
                    m.themeDay() == null ? null : m.themeDay().activities(), m.version()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        // 主题党日 交纳党费: who has not paid the month's dues (from the dues ledger; for those who may read it)
        model.addAttribute("themeDues", m.themeDay() != null && !scope.selfOnly() && scope.canManageMembers()
                ? meetings.themeDues(scope, id) : null);
        ThemeDayPicks picks = themePicks == null ? null : themePicks.getIfAvailable();
        model.addAttribute("theme", picks == null ? null : picks.pickOf(id).orElse(null));
        return "meeting/detail";
    }

    @PostMapping("/{id}/checkin")
    public String checkIn(@PathVariable long id, CheckIn body, RedirectAttributes flash) {
        return act(id, flash, "meeting.checkedIn", () -> meetings.checkIn(CurrentScope.get(), id, body));
    }

    @PostMapping("/{id}/leave")
    public String leave(@PathVariable long id, LeaveRequest body, RedirectAttributes flash) {
        return act(id, flash, "meeting.leaveRequested", () -> meetings.requestLeave(CurrentScope.get(), id, body));
    }

    @PostMapping("/{id}/attendance/{attendanceId}")
    public String mark(@PathVariable long id, @PathVariable long attendanceId, AttendanceForm body,
                       RedirectAttributes flash) {
        return act(id, flash, "meeting.saved", () -> meetings.mark(CurrentScope.get(), id, attendanceId, body));
    }

    /** Bulk attendance: the whole list in one form ({@code status_<attendanceId>}, {@code reason_<attendanceId>}), saved once. */
    @PostMapping("/{id}/attendance")
    public String markAll(@PathVariable long id, @org.springframework.web.bind.annotation.RequestParam
                          java.util.Map<String, String> form, RedirectAttributes flash) {
        List<io.zhibu.meeting.MeetingService.BulkMark> marks = new java.util.ArrayList<>();
        for (var e : form.entrySet()) {
            if (!e.getKey().startsWith("status_")) {
                continue;
            }
            long attendanceId;
            try {
                attendanceId = Long.parseLong(e.getKey().substring("status_".length()));
            } catch (NumberFormatException x) {
                throw io.zhibu.shared.InvalidInputException.of(e.getKey(), "validation.invalid");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue; // left as it is (e.g. a leave request still to be decided)
            }
            io.zhibu.meeting.MeetingRecords.AttendanceStatus status;
            String submitted = e.getValue(); // a form field, not a stored status
            try {
                status = io.zhibu.meeting.MeetingRecords.AttendanceStatus.valueOf(submitted);
            } catch (IllegalArgumentException x) {
                throw io.zhibu.shared.InvalidInputException.of(e.getKey(), "validation.invalid");
            }
            marks.add(new io.zhibu.meeting.MeetingService.BulkMark(attendanceId, status, form.get("reason_" + attendanceId)));
        }
        return act(id, flash, "meeting.savedAll", () -> meetings.markAll(CurrentScope.get(), id, marks));
    }

    @PostMapping("/{id}/non-voting")
    public String nonVoting(@PathVariable long id, NonVotingAttendee body, RedirectAttributes flash) {
        return act(id, flash, "meeting.saved", () -> meetings.addNonVoting(CurrentScope.get(), id, body));
    }

    @PostMapping("/{id}/minutes")
    public String minutes(@PathVariable long id, MinutesForm body, Model model, RedirectAttributes flash) {
        try {
            meetings.saveMinutes(CurrentScope.get(), id, body);
            flash.addFlashAttribute("notice", messages.get("meeting.saved"));
            return "redirect:/meetings/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("minutes", body);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            return detail(id, null, model);
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
            return "redirect:/meetings/" + id;
        }
    }

    @PostMapping("/{id}/lock")
    public String lock(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, "meeting.lockedNotice", () -> meetings.lock(CurrentScope.get(), id));
    }

    @PostMapping("/{id}/revisions")
    public String revision(@PathVariable long id, RevisionForm body, RedirectAttributes flash) {
        return act(id, flash, "meeting.saved", () -> meetings.addRevision(CurrentScope.get(), id, body));
    }

    @PostMapping("/makeups/{attendanceId}/done")
    public String makeupDone(@PathVariable long attendanceId, MakeupDone body, RedirectAttributes flash) {
        try {
            meetings.makeupDone(CurrentScope.get(), attendanceId, body);
            flash.addFlashAttribute("notice", messages.get("meeting.makeup.doneNotice"));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", new java.util.ArrayList<>(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/meetings/my";
    }

    @GetMapping("/compliance")
    public String compliance(@RequestParam(required = false) Long orgId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                             Model model) {
        model.addAttribute("r", compliance.report(CurrentScope.get(), orgId, date));
        return "meeting/compliance";
    }

    @GetMapping("/calendar")
    public String calendar(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                           Model model) {
        DataScope scope = CurrentScope.get();
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        long org = orgId != null ? orgId : scope.scopeOrgIdOrZero();
        model.addAttribute("items", meetings.proposeCalendar(scope, org, y, 10));
        model.addAttribute("year", y);
        model.addAttribute("orgId", org);
        model.addAttribute("canPlan", MeetingService.canWrite(scope));
        return "meeting/calendar";
    }

    /** QR code of the check-in URL ({@code /meetings/{id}?code=...}), shown by the host. */
    @GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
    @org.springframework.web.bind.annotation.ResponseBody
    public org.springframework.http.ResponseEntity<String> qr(@PathVariable long id) {
        String code = meetings.checkinCode(CurrentScope.get(), id);
        String url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/meetings/{id}").queryParam("code", code).buildAndExpand(id).toUriString();
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.valueOf("image/svg+xml"))
                .cacheControl(org.springframework.http.CacheControl.noStore()).body(io.zhibu.shared.web.QrSvg.of(url));
    }

    @PostMapping("/{id}/attachments")
    public String upload(@PathVariable long id, @RequestParam(required = false) io.zhibu.meeting.AttachmentService.Kind kind,
                         @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                         RedirectAttributes flash) {
        return act(id, flash, "meeting.saved", () -> {
            try {
                attachments.upload(CurrentScope.get(), id, kind, file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @org.springframework.web.bind.annotation.ResponseBody
    public org.springframework.http.ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        return AttachmentResponses.of(attachments.download(CurrentScope.get(), id, attachmentId));
    }

    /** Runs a detail-page action: on bad input or a conflict the page shows the message and nothing changed. */
    private String act(long id, RedirectAttributes flash, String okKey, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get(okKey));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", new java.util.ArrayList<>(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/meetings/" + id;
    }
}
