package io.zhibu.meeting;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.MeetingAttendanceRecord;
import io.zhibu.db.tables.records.MeetingMeetingRecord;
import io.zhibu.meeting.MeetingRecords.*;
import io.zhibu.meeting.internal.MeetingRepository;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberFilter;
import io.zhibu.member.MemberService;
import io.zhibu.member.MemberSummary;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import io.zhibu.shared.VoteArithmetic;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 组织生活 organization life: planning with notices to the branch's members, check-in and leave (R6.3), minutes with
 * lock and appended revisions (R6.2), votes computed with {@link VoteArithmetic} beside the recorded result (R6.4).
 * Branch secretaries write; superiors read their subtree; members see the meetings they are called to.
 */
@Service
public class MeetingService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final MeetingRepository repo;
    private final OrgService orgs;
    private final MemberService members;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration checkinBefore;
    private final Duration checkinAfterEnd;
    private final VoteArithmetic.MajorityBase electionBase;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final io.zhibu.meeting.internal.CheckinAttempts attempts;
    private final java.util.Set<MeetingType> evidenceTypes;
    private final io.zhibu.dues.DuesService dues;

    public MeetingService(MeetingRepository repo, OrgService orgs, MemberService members, AuditLog audit, Clock clock,
                          io.zhibu.meeting.internal.CheckinAttempts attempts,
                          @Value("${zhibu.meeting.checkin-before:30m}") Duration checkinBefore,
                          @Value("${zhibu.meeting.checkin-after-end:30m}") Duration checkinAfterEnd,
                          @Value("${zhibu.meeting.election-majority-base:DUE}") VoteArithmetic.MajorityBase electionBase,
                          org.springframework.context.ApplicationEventPublisher events,
                          @Value("${zhibu.meeting.evidence-types:BRANCH_ASSEMBLY,THEME_DAY,ORG_LIFE}") List<String> evidenceTypes,
                          io.zhibu.dues.DuesService dues) {
        this.events = events;
        this.dues = dues;
        this.evidenceTypes = evidenceTypes.stream().filter(t -> !t.isBlank()).map(t -> MeetingType.valueOf(t.strip()))
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(MeetingType.class)));
        this.attempts = attempts;
        this.repo = repo;
        this.orgs = orgs;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
        this.checkinBefore = checkinBefore;
        this.checkinAfterEnd = checkinAfterEnd;
        this.electionBase = electionBase;
    }

    private org.springframework.beans.factory.ObjectProvider<ThemeDayPicks> themePicks;

    /** The 主题党日 content library (optional port, issue 21 point 6). */
    @org.springframework.beans.factory.annotation.Autowired
    void setThemePicks(org.springframework.beans.factory.ObjectProvider<ThemeDayPicks> themePicks) {
        this.themePicks = themePicks;
    }

    // ---------------------------------------------------------------- planning and reading

    @Transactional
    public MeetingView plan(DataScope scope, MeetingForm f) {
        requireSecretary(scope);
        List<Violation> errors = new ArrayList<>();
        Organization org = null;
        if (f.orgId() == null) {
            errors.add(new Violation("orgId", "validation.required"));
        } else {
            try {
                org = orgs.get(scope, f.orgId());
                if (!org.active() || !org.type().holdsMembers()) {
                    errors.add(new Violation("orgId", "meeting.org.notABranch"));
                    org = null;
                }
            } catch (NotFoundException e) {
                errors.add(new Violation("orgId", "meeting.org.unknown"));
            }
        }
        List<MeetingType> types = f.types() == null ? List.of() : List.copyOf(new LinkedHashSet<>(f.types()));
        if (types.isEmpty()) {
            errors.add(new Violation("types", "validation.required"));
        }
        if (types.contains(MeetingType.FOUR_DELIBERATIONS)) {
            if (f.deliberationStep() == null) {
                errors.add(new Violation("deliberationStep", "validation.required"));
            } else if (org != null && org.domain() != OrgDomain.RURAL) {
                errors.add(new Violation("types", "meeting.deliberation.villageOnly"));
            }
        }
        String title = InvalidInputException.collect(errors, () -> TextInput.required(f.title(), "title", 100));
        String place = InvalidInputException.collect(errors, () -> TextInput.required(f.place(), "place", 100));
        String agenda = InvalidInputException.collect(errors, () -> TextInput.optional(f.agenda(), "agenda", 2000));
        if (f.startsAt() == null) {
            errors.add(new Violation("startsAt", "validation.required"));
        }
        if (f.endsAt() == null) {
            errors.add(new Violation("endsAt", "validation.required"));
        } else if (f.startsAt() != null && (!f.endsAt().isAfter(f.startsAt())
                || Duration.between(f.startsAt(), f.endsAt()).toHours() >= 24)) {
            errors.add(new Violation("endsAt", "meeting.endsAt.order"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<MemberSummary> roster = roster(scope, org.id());
        OffsetDateTime now = now();
        MeetingMeetingRecord m = repo.newMeeting();
        m.setRegionOrgId(org.regionOrgId());
        m.setOrgId(org.id());
        m.setOrgPath(org.path());
        m.setOrgName(org.name());
        m.setTypes(String.join(",", types.stream().map(Enum::name).toList()));
        m.setDeliberationStep(types.contains(MeetingType.FOUR_DELIBERATIONS) ? f.deliberationStep() : null);
        m.setTitle(title);
        m.setStartsAt(at(f.startsAt()));
        m.setEndsAt(at(f.endsAt()));
        m.setPlace(place);
        m.setAgenda(agenda);
        m.setStatus(MeetingStatus.PLANNED);
        m.setCheckinCode(String.format("%06d", RANDOM.nextInt(1_000_000)));
        m.setCreatedBy(scope.username());
        m.setThemeDuesDone(false);
        m.setThemeOathDone(false);
        m.setThemeBirthdaysDone(false);
        m.setVersion(0);
        m.setCreatedAt(now);
        m.setUpdatedAt(now);
        m.store();
        for (MemberSummary s : roster) {
            MeetingAttendanceRecord a = repo.newAttendance();
            a.setRegionOrgId(m.getRegionOrgId());
            a.setOrgPath(m.getOrgPath());
            a.setMeetingId(m.getId());
            a.setMemberId(s.id());
            a.setName(s.name());
            a.setJoinedOn(s.joinedOn());
            a.setProbationary(s.category() == MemberCategory.PROBATIONARY);
            a.setNonVoting(false);
            a.setStatus(AttendanceStatus.EXPECTED);
            a.setMakeupDue(false);
            a.setVersion(0);
            a.store();
        }
        if (f.themeId() != null) {
            // the 主题党日 library's theme, linked in this transaction (a theme not offered rolls the plan back)
            ThemeDayPicks picks = themePicks == null ? null : themePicks.getIfAvailable();
            if (picks == null) {
                throw InvalidInputException.of("themeId", "meeting.theme.unavailable");
            }
            picks.pick(scope, m.getId(), org.id(), org.path(), f.themeId());
        }
        audit.success("meeting.plan", "meeting", m.getId(), m.getOrgPath(),
                m.getTypes() + " " + title + " @" + m.getStartsAt() + ", " + roster.size() + " notified");
        return view(scope, m);
    }

    /** Meetings of the caller's subtree (or of {@code orgId}'s subtree); members: the meetings they are called to. */
    @Transactional(readOnly = true)
    public Page<MeetingSummary> list(DataScope scope, Long orgId, Integer page, Integer size) {
        requireReader(scope);
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        if (scope.selfOnly()) {
            List<MeetingSummary> mine = my(scope).stream().map(MyAttendance::meeting).toList();
            int from = Math.min(p * s, mine.size());
            return new Page<>(mine.subList(from, Math.min(from + s, mine.size())), p, s, mine.size());
        }
        Condition c = MeetingRepository.subtree(scope.orgPath());
        if (orgId != null) {
            c = c.and(MeetingRepository.subtree(orgs.get(scope, orgId).path()));
        }
        List<MeetingSummary> items = repo.page(c, p, s).stream().map(m -> summary(m, null)).toList();
        return new Page<>(items, p, s, repo.count(c));
    }

    /** "My meetings": the caller's notices, attendance record and make-up tasks (members only). */
    @Transactional(readOnly = true)
    public List<MyAttendance> my(DataScope scope) {
        if (scope.role() != Role.MEMBER || scope.selfMemberId() == null) {
            throw new ForbiddenException("only members have their own meetings");
        }
        return repo.myAttendance(scope.selfMemberId(), 500).stream()
                .filter(r -> scope.covers(r.get(io.zhibu.db.Tables.MEETING_MEETING.ORG_PATH))).map(r -> {
            MeetingMeetingRecord m = r.into(io.zhibu.db.Tables.MEETING_MEETING);
            MeetingAttendanceRecord a = r.into(io.zhibu.db.Tables.MEETING_ATTENDANCE);
            AttendanceStatus st = a.getStatus();
            return new MyAttendance(a.getId(), summary(m, st), st, a.getMakeupDue(), a.getMakeupDoneAt());
        }).toList();
    }

    @Transactional(readOnly = true)
    public MeetingView get(DataScope scope, long id) {
        return view(scope, load(scope, id));
    }

    /** A proposal for the year's meetings from the required frequencies (§6); the secretary plans from it. */
    @Transactional(readOnly = true)
    public List<CalendarProposal> proposeCalendar(DataScope scope, long orgId, int year, int themeDay) {
        requireReader(scope);
        if (scope.selfOnly()) {
            throw new ForbiddenException("members do not plan");
        }
        Organization org = orgs.get(scope, orgId);
        if (!org.type().holdsMembers()) {
            throw InvalidInputException.of("orgId", "meeting.org.notABranch");
        }
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "validation.invalid");
        }
        return ComplianceRules.proposeCalendar(year, org.hasChildren(), themeDay);
    }

    // ---------------------------------------------------------------- attendance (R6.3)

    /** A member checks in with the code the host shows; valid only around the meeting time, anywhere. */
    @Transactional
    public MeetingView checkIn(DataScope scope, long id, CheckIn cmd) {
        MeetingMeetingRecord m = loadForUpdate(scope, id);
        if (!scope.selfOnly()) {
            throw new ForbiddenException("only members check in; secretaries mark attendance");
        }
        MeetingAttendanceRecord a = repo.attendee(id, scope.selfMemberId()).orElseThrow(() -> new NotFoundException("meeting", id));
        requireUnlocked(m);
        attempts.countIp(); // per client IP: a 429 for a guessing burst
        if (a.getCheckinLockedAt() != null) {
            throw new ConflictException("meeting.checkin.locked");
        }
        OffsetDateTime now = now();
        String code = cmd == null || cmd.code() == null ? "" : cmd.code().strip();
        if (code.isEmpty()) {
            throw InvalidInputException.of("code", "validation.required");
        }
        if (!java.security.MessageDigest.isEqual(code.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                m.getCheckinCode().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            int failures = attempts.wrongCode(a.getId());
            int max = attempts.limits().maxWrongCodes();
            if (failures >= max) {
                // the secretary sees it on the to-do list (CheckinLockTodos) and marks attendance in person
                audit.refused("meeting.checkin.locked", "meeting", id, m.getOrgPath(),
                        "member " + a.getMemberId() + " after " + failures + " wrong codes");
                throw new ConflictException("meeting.checkin.locked");
            }
            throw InvalidInputException.of("code", "meeting.checkin.badCode.left", max - failures);
        }
        if (now.isBefore(m.getStartsAt().minus(checkinBefore)) || now.isAfter(m.getEndsAt().plus(checkinAfterEnd))) {
            throw InvalidInputException.of("code", "meeting.checkin.closed");
        }
        if (a.getStatus() == AttendanceStatus.PRESENT) {
            throw new ConflictException("meeting.checkin.already");
        }
        a.setStatus(AttendanceStatus.PRESENT);
        a.setReason(null);
        a.setCheckedInAt(now);
        saveAttendance(a);
        publishAttendance(m, a);
        audit.success("meeting.checkin", "meeting", id, m.getOrgPath(), "member " + a.getMemberId());
        return view(scope, m);
    }

    /** A member asks for leave, before the meeting starts (R6.3); the secretary approves. */
    @Transactional
    public MeetingView requestLeave(DataScope scope, long id, LeaveRequest cmd) {
        MeetingMeetingRecord m = loadForUpdate(scope, id);
        if (!scope.selfOnly()) {
            throw new ForbiddenException("only members ask for leave");
        }
        MeetingAttendanceRecord a = repo.attendee(id, scope.selfMemberId()).orElseThrow(() -> new NotFoundException("meeting", id));
        requireUnlocked(m);
        String reason = TextInput.required(cmd == null ? null : cmd.reason(), "reason", 200);
        if (!now().isBefore(m.getStartsAt())) {
            throw InvalidInputException.of("reason", "meeting.leave.tooLate");
        }
        if (a.getStatus() != AttendanceStatus.EXPECTED) {
            throw new ConflictException("meeting.leave.notExpected");
        }
        a.setStatus(AttendanceStatus.LEAVE_REQUESTED);
        a.setReason(reason);
        saveAttendance(a);
        audit.success("meeting.leave.request", "meeting", id, m.getOrgPath(), "member " + a.getMemberId());
        return view(scope, m);
    }

    /** The secretary marks an attendee (present, approved leave, absent) or approves/refuses a leave request. */
    @Transactional
    public MeetingView mark(DataScope scope, long id, long attendanceId, AttendanceForm f) {
        MeetingMeetingRecord m = loadForUpdate(scope, id);
        requireSecretary(scope);
        requireUnlocked(m);
        MeetingAttendanceRecord a = repo.attendanceRow(attendanceId).filter(x -> x.getMeetingId() == id)
                .orElseThrow(() -> new NotFoundException("attendance", attendanceId));
        if (f == null || f.status() == null) {
            throw InvalidInputException.of("status", "validation.required");
        }
        String reason = TextInput.optional(f.reason(), "reason", 200);
        if (f.status() == AttendanceStatus.LEAVE_REQUESTED) {
            throw InvalidInputException.of("status", "validation.invalid");
        }
        if (f.status() == AttendanceStatus.LEAVE && reason == null && a.getReason() == null) {
            throw InvalidInputException.of("reason", "validation.required");
        }
        apply(m, a, f.status(), reason);
        audit.success("meeting.attendance", "meeting", id, m.getOrgPath(), a.getName() + " " + f.status());
        return view(scope, m);
    }

    /** Sets and saves one attendee's status (R6.3), keeping the check-in time and the reason as the status needs them. */
    private void apply(MeetingMeetingRecord m, MeetingAttendanceRecord a, AttendanceStatus status, String reason) {
        a.setStatus(status);
        if (status == AttendanceStatus.PRESENT) {
            a.setCheckedInAt(a.getCheckedInAt() == null ? now() : a.getCheckedInAt());
            a.setReason(null);
        } else if (status == AttendanceStatus.EXPECTED) {
            a.setReason(null);
        } else if (reason != null) {
            a.setReason(reason);
        } else if (status == AttendanceStatus.ABSENT) {
            a.setReason(null); // R6.3: absence without reason is stored as such
        }
        saveAttendance(a);
        publishAttendance(m, a);
    }

    /** One line of a bulk attendance save: the attendee and the status (and reason) the secretary chose. */
    public record BulkMark(long attendanceId, AttendanceStatus status, String reason) {
    }

    /**
     * Bulk attendance: the secretary marks the whole list and saves once. Every line is checked first; if any is
     * invalid nothing is changed (the fields are named {@code status_<attendanceId>}/{@code reason_<attendanceId>}).
     * Lines whose status and reason are unchanged are skipped. One audit entry names the count.
     */
    @Transactional
    public MeetingView markAll(DataScope scope, long id, List<BulkMark> marks) {
        MeetingMeetingRecord m = loadForUpdate(scope, id);
        requireSecretary(scope);
        requireUnlocked(m);
        java.util.Map<Long, MeetingAttendanceRecord> rows = new java.util.HashMap<>();
        for (MeetingAttendanceRecord r : repo.attendance(id)) {
            rows.put(r.getId(), r);
        }
        List<io.zhibu.shared.Violation> errors = new java.util.ArrayList<>();
        List<Object[]> todo = new java.util.ArrayList<>();
        for (BulkMark b : marks == null ? List.<BulkMark>of() : marks) {
            MeetingAttendanceRecord a = rows.get(b.attendanceId());
            if (a == null || Boolean.TRUE.equals(a.getNonVoting())) {
                throw new NotFoundException("attendance", b.attendanceId());
            }
            String field = "status_" + b.attendanceId();
            if (b.status() == null || b.status() == AttendanceStatus.LEAVE_REQUESTED) {
                errors.add(new io.zhibu.shared.Violation(field, b.status() == null ? "validation.required" : "validation.invalid"));
                continue;
            }
            String reason;
            try {
                reason = TextInput.optional(b.reason(), "reason_" + b.attendanceId(), 200);
            } catch (InvalidInputException e) {
                errors.addAll(e.violations());
                continue;
            }
            if (b.status() == AttendanceStatus.LEAVE && reason == null && a.getReason() == null) {
                errors.add(new io.zhibu.shared.Violation("reason_" + b.attendanceId(), "meeting.bulk.leaveReason", a.getName()));
                continue;
            }
            if (b.status() == a.getStatus() && reason == null) {
                continue;
            }
            todo.add(new Object[] {a, b.status(), reason});
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (Object[] t : todo) {
            MeetingAttendanceRecord a = (MeetingAttendanceRecord) t[0];
            apply(m, a, (AttendanceStatus) t[1], (String) t[2]);
        }
        audit.success("meeting.attendance.bulk", "meeting", id, m.getOrgPath(), todo.size() + " attendees marked");
        return view(scope, m);
    }

    /** 列席: a non-voting attendee, by name (not necessarily a member of the branch). */
    @Transactional
    public MeetingView addNonVoting(DataScope scope, long id, NonVotingAttendee cmd) {
        MeetingMeetingRecord m = loadForUpdate(scope, id);
        requireSecretary(scope);
        requireUnlocked(m);
        String name = TextInput.personName(cmd == null ? null : cmd.name(), "name");
        MeetingAttendanceRecord a = repo.newAttendance();
        a.setRegionOrgId(m.getRegionOrgId());
        a.setOrgPath(m.getOrgPath());
        a.setMeetingId(id);
        a.setName(name);
        a.setNonVoting(true);
        a.setProbationary(false);
        a.setStatus(AttendanceStatus.PRESENT);
        a.setMakeupDue(false);
        a.setVersion(0);
        a.store();
        audit.success("meeting.nonVoting", "meeting", id, m.getOrgPath(), name);
        return view(scope, m);
    }

    /** The member finishes a make-up study task (补学) for a meeting they missed. */
    @Transactional
    public void makeupDone(DataScope scope, long attendanceId, MakeupDone cmd) {
        requireReader(scope);
        MeetingAttendanceRecord a = repo.attendanceRow(attendanceId).filter(x -> scope.covers(x.getOrgPath()))
                .filter(x -> !scope.selfOnly() || Objects.equals(x.getMemberId(), scope.selfMemberId()))
                .orElseThrow(() -> new NotFoundException("attendance", attendanceId));
        if (!scope.selfOnly()) {
            throw new ForbiddenException("make-up study is the member's own task");
        }
        String note = TextInput.required(cmd == null ? null : cmd.note(), "note", 500);
        if (!a.getMakeupDue() || a.getMakeupDoneAt() != null) {
            throw new ConflictException("meeting.makeup.notDue");
        }
        a.setMakeupDoneAt(now());
        a.setMakeupNote(note);
        saveAttendance(a);
        audit.success("meeting.makeup", "meeting", a.getMeetingId(), a.getOrgPath(), "member " + a.getMemberId());
    }

    // ---------------------------------------------------------------- minutes (R6.2) and votes (R6.4)

    @Transactional
    public MeetingView saveMinutes(DataScope scope, long id, MinutesForm f) {
        MeetingMeetingRecord m = loadForUpdate(scope, id);
        requireSecretary(scope);
        requireUnlocked(m);
        List<Violation> errors = new ArrayList<>();
        if (f.version() == null) {
            errors.add(new Violation("version", "validation.required"));
        }
        String host = InvalidInputException.collect(errors, () -> f.host() == null || f.host().isBlank() ? null : TextInput.personName(f.host(), "host"));
        String recorder = InvalidInputException.collect(errors, () -> f.recorder() == null || f.recorder().isBlank() ? null : TextInput.personName(f.recorder(), "recorder"));
        String speeches = InvalidInputException.collect(errors, () -> TextInput.optional(f.speeches(), "speeches", 4000));
        String decisions = InvalidInputException.collect(errors, () -> TextInput.optional(f.decisions(), "decisions", 2000));
        String subject = InvalidInputException.collect(errors, () -> TextInput.optional(f.voteSubject(), "voteSubject", 200));
        String activities = InvalidInputException.collect(errors, () -> TextInput.optional(f.themeActivities(), "themeActivities", 2000));
        Vote vote = f.voteKind() == null ? null : computeVote(f, subject, errors,
                repo.attendance(id).stream().filter(a -> !Boolean.TRUE.equals(a.getNonVoting())).count());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        m.setHost(host);
        m.setRecorder(recorder);
        m.setSpeeches(speeches);
        m.setDecisions(decisions);
        m.setVoteKind(vote == null ? null : vote.kind());
        m.setVoteSubject(vote == null ? null : subject);
        m.setVoteMethod(vote == null ? null : vote.method());
        m.setVotingDue(vote == null ? null : vote.votingDue());
        m.setVotingPresent(vote == null ? null : vote.votingPresent());
        m.setVotesYes(vote == null ? null : vote.yes());
        m.setVotesNo(vote == null ? null : vote.no());
        m.setVotesAbstain(vote == null ? null : vote.abstain());
        m.setVotesWrittenYes(vote == null ? null : vote.writtenYes());
        m.setVoteValid(vote == null ? null : vote.computedValid());
        m.setVotePassed(vote == null ? null : vote.computedPassed());
        m.setVoteRecordedResult(vote == null || vote.recordedResult() == null ? null : vote.recordedResult());
        boolean theme = types(m).contains(MeetingType.THEME_DAY);
        m.setThemeDuesDone(theme && Boolean.TRUE.equals(f.themeDuesDone()));
        m.setThemeOathDone(theme && Boolean.TRUE.equals(f.themeOathDone()));
        m.setThemeBirthdaysDone(theme && Boolean.TRUE.equals(f.themeBirthdaysDone()));
        m.setThemeActivities(theme ? activities : null);
        m.setUpdatedAt(now());
        if (!repo.updateMeeting(m, f.version())) {
            throw new ConflictException("error.concurrentChange");
        }
        audit.success("meeting.minutes", "meeting", id, m.getOrgPath(), vote == null ? "minutes saved"
                : "vote " + vote.kind() + " computed valid=" + vote.computedValid() + " passed=" + vote.computedPassed()
                + " recorded=" + vote.recordedResult());
        return view(scope, m);
    }

    /** R6.4: the platform's computation from the counts (R1.11–R1.14, R2.9); the recorded result is kept as entered. */
    private Vote computeVote(MinutesForm f, String subject, List<Violation> errors, long roll) {
        int before = errors.size();
        for (var e : new Object[][] {{"votingDue", f.votingDue()}, {"votingPresent", f.votingPresent()},
                {"yes", f.yes()}, {"no", f.no()}, {"abstain", f.abstain()}}) {
            if (e[1] == null) {
                errors.add(new Violation((String) e[0], "validation.required"));
            }
        }
        if (f.voteMethod() == null) {
            errors.add(new Violation("voteMethod", "validation.required"));
        }
        if (f.writtenYes() != null && f.writtenYes() < 0) {
            errors.add(new Violation("writtenYes", "validation.negative"));
        }
        // counts ≤ the members called to the meeting, yes + no + abstain ≤ present ≤ due (R6.2, R6.4), in long
        VoteArithmetic.checkCounts(roll, f.votingDue(), f.votingPresent(), f.yes(), f.no(), f.abstain(),
                new VoteArithmetic.Fields("votingDue", "votingPresent", "yes", "no", "abstain"), errors);
        if (errors.size() > before) {
            return null;
        }
        int due = f.votingDue();
        int present = f.votingPresent();
        int written = f.writtenYes() == null ? 0 : f.writtenYes();
        if (f.voteKind() == VoteKind.ADMISSION && written > due - present) {
            errors.add(new Violation("writtenYes", "meeting.vote.writtenOverAbsent", due - present));
            return null;
        }
        VoteOutcome o = VoteOutcome.of(f.voteKind(), due, present, f.yes(), written, electionBase);
        return new Vote(f.voteKind(), subject, f.voteMethod(), due, present, f.yes(), f.no(), f.abstain(),
                f.voteKind() == VoteKind.ADMISSION ? written : null, o.valid(), o.passed(), f.recordedResult());
    }

    /** Locks the minutes (R6.2): from now on only appended revisions; absentees get make-up study (R6.3). */
    @Transactional
    public MeetingView lock(DataScope scope, long id) {
        MeetingMeetingRecord m = loadForUpdate(scope, id);
        requireSecretary(scope);
        requireUnlocked(m);
        OffsetDateTime now = now();
        if (now.isBefore(m.getStartsAt())) {
            throw new ConflictException("meeting.lock.notHeld");
        }
        List<Violation> errors = new ArrayList<>();
        if (m.getHost() == null) {
            errors.add(new Violation("host", "validation.required"));
        }
        if (m.getRecorder() == null) {
            errors.add(new Violation("recorder", "validation.required"));
        }
        if (m.getVoteKind() != null && m.getVoteRecordedResult() == null) {
            errors.add(new Violation("recordedResult", "meeting.vote.resultRequired"));
        }
        if (LockEvidenceRules.gated(types(m), evidenceTypes)) { // issue 18: evidence-gated organization life
            var files = repo.attachments(id);
            errors.addAll(LockEvidenceRules.missing(types(m), evidenceTypes, new LockEvidenceRules.Evidence(
                    repo.attendance(id).stream().anyMatch(a -> a.getStatus() == AttendanceStatus.PRESENT),
                    files.stream().anyMatch(f -> AttachmentService.Kind.SIGN_IN.name().equals(f.getKind())),
                    files.stream().anyMatch(f -> AttachmentService.Kind.PHOTO.name().equals(f.getKind())), m.getAgenda())));
            errors.addAll(LockEvidenceRules.missingThemeItems(types(m), evidenceTypes, m.getThemeDuesDone(),
                    m.getThemeOathDone(), m.getThemeBirthdaysDone(), !birthdays(m, repo.attendance(id).stream()
                            .filter(a -> !a.getNonVoting()).map(a -> new Attendee(a.getId(), a.getMemberId(), a.getName(),
                                    false, false, a.getStatus(), null, null, false, null, null,
                                    a.getJoinedOn())).toList()).isEmpty()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        repo.closeAttendance(id);
        int version = m.getVersion();
        m.setStatus(MeetingStatus.LOCKED);
        m.setLockedAt(now);
        m.setLockedBy(scope.username());
        m.setUpdatedAt(now);
        if (!repo.updateMeeting(m, version)) {
            throw new ConflictException("error.concurrentChange");
        }
        events.publishEvent(new MeetingEvents.AttendanceClosed(id, m.getOrgId(), local(m.getStartsAt()).toLocalDate(),
                types(m), repo.attendance(id).stream().filter(x -> x.getMemberId() != null)
                .map(x -> new MeetingEvents.Outcome(x.getMemberId(), x.getStatus())).toList()));
        audit.success("meeting.lock", "meeting", id, m.getOrgPath(), m.getTypes() + " " + m.getTitle());
        // a locked meeting counts for periods ending from its month to December (monthly, quarterly, yearly kinds)
        java.time.YearMonth held = java.time.YearMonth.from(m.getStartsAt().atZoneSameInstant(clock.getZone()));
        events.publishEvent(io.zhibu.shared.rollup.FactsChanged.months("meeting", List.of(m.getOrgId()), held,
                held.withMonth(12)));
        return view(scope, m);
    }

    /** A correction to locked minutes: appended, never an edit (R6.2). */
    @Transactional
    public MeetingView addRevision(DataScope scope, long id, RevisionForm f) {
        MeetingMeetingRecord m = loadForUpdate(scope, id);
        requireSecretary(scope);
        if (m.getStatus() != MeetingStatus.LOCKED) {
            throw new ConflictException("meeting.revision.notLocked");
        }
        String text = TextInput.required(f == null ? null : f.text(), "text", 2000);
        repo.insertRevision(m, text, scope.username(), now());
        audit.success("meeting.revision", "meeting", id, m.getOrgPath(), text.length() + " chars");
        return view(scope, m);
    }

    /** The check-in code of a meeting, for the host's QR code: branch secretary only, not after locking. */
    @Transactional(readOnly = true)
    public String checkinCode(DataScope scope, long id) {
        MeetingMeetingRecord m = load(scope, id);
        requireSecretary(scope);
        requireUnlocked(m);
        return m.getCheckinCode();
    }

    // ---------------------------------------------------------------- internals

    /** The meeting if inside the caller's scope; members only for meetings they are called to (else 404). */
    MeetingMeetingRecord load(DataScope scope, long id) {
        requireReader(scope);
        MeetingMeetingRecord m = repo.find(id).filter(r -> scope.covers(r.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("meeting", id));
        if (scope.selfOnly() && (scope.selfMemberId() == null || repo.attendee(id, scope.selfMemberId()).isEmpty())) {
            throw new NotFoundException("meeting", id);
        }
        return m;
    }

    private MeetingMeetingRecord loadForUpdate(DataScope scope, long id) {
        load(scope, id);
        return repo.findForUpdate(id).orElseThrow(() -> new NotFoundException("meeting", id));
    }

    /** For the attachment service: the meeting's org path after the scope check. */
    public String scopedPath(DataScope scope, long id, boolean write) {
        MeetingMeetingRecord m = load(scope, id);
        if (write) {
            requireSecretary(scope);
            requireUnlocked(m);
        }
        return m.getOrgPath() + "|" + m.getRegionOrgId();
    }

    List<MemberSummary> roster(DataScope scope, long orgId) {
        List<MemberSummary> all = new ArrayList<>();
        for (int p = 0; ; p++) {
            Page<MemberSummary> page = members.search(scope, new MemberFilter(orgId, null, null, null, null, null, null),
                    p, Page.MAX_SIZE);
            all.addAll(page.items());
            if (page.items().size() < Page.MAX_SIZE) {
                return all;
            }
        }
    }

    /** Attendance facts for other modules (member points): members only, not 列席 guests. */
    private void publishAttendance(MeetingMeetingRecord m, MeetingAttendanceRecord a) {
        if (a.getMemberId() != null) {
            events.publishEvent(new MeetingEvents.AttendanceRecorded(m.getId(), m.getOrgId(), a.getMemberId(),
                    a.getStatus(), local(m.getStartsAt()).toLocalDate(), types(m)));
        }
    }

    private void saveAttendance(MeetingAttendanceRecord a) {
        if (!repo.updateAttendance(a)) {
            throw new ConflictException("error.concurrentChange");
        }
    }

    private static void requireUnlocked(MeetingMeetingRecord m) {
        if (m.getStatus() == MeetingStatus.LOCKED) {
            throw new ConflictException("meeting.locked");
        }
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role cannot read organization life");
        }
    }

    /** Only the branch secretary (支部书记/支委) and the platform administrator write; superiors browse read-only. */
    public static boolean canWrite(DataScope scope) {
        return scope.role() == Role.BRANCH_SECRETARY || scope.role() == Role.ADMIN;
    }

    private static void requireSecretary(DataScope scope) {
        if (scope.role() != Role.BRANCH_SECRETARY && scope.role() != Role.ADMIN) {
            throw new ForbiddenException("only the branch secretary manages meetings");
        }
    }

    public static List<MeetingType> types(MeetingMeetingRecord m) {
        return Arrays.stream(m.getTypes().split(",")).map(MeetingType::valueOf).toList();
    }

    /** 过政治生日: members whose admission (入党) month is the meeting's month, admitted in an earlier year. */
    private List<String> birthdays(MeetingMeetingRecord m, List<Attendee> all) {
        int month = local(m.getStartsAt()).getMonthValue();
        int year = local(m.getStartsAt()).getYear();
        return all.stream().filter(a -> a.joinedOn() != null && a.joinedOn().getMonthValue() == month
                && a.joinedOn().getYear() < year).map(a -> a.name() + " (" + a.joinedOn().getYear() + ")").toList();
    }

    /** One member with dues unpaid for the theme day's month (交纳党费 item, from the dues ledger). */
    public record UnpaidDues(long memberId, String name, java.math.BigDecimal due, java.math.BigDecimal paid) {
    }

    /** The theme day's month and the branch's members whose dues of that month are not (fully) paid. */
    public record ThemeDues(java.time.YearMonth month, List<UnpaidDues> unpaid) {
    }

    /**
     * 主题党日 交纳党费: the members of the branch with dues of the meeting's month unpaid, read from the dues ledger
     * (the dues module's publicity list, R5.7) — secretaries and superiors, not members.
     */
    @Transactional(readOnly = true)
    public ThemeDues themeDues(DataScope scope, long id) {
        requireReader(scope);
        if (scope.selfOnly()) {
            throw new ForbiddenException("the dues list is for the branch secretary");
        }
        MeetingMeetingRecord m = load(scope, id);
        if (!types(m).contains(MeetingType.THEME_DAY)) {
            throw InvalidInputException.of("id", "meeting.theme.notThemeDay");
        }
        java.time.YearMonth month = java.time.YearMonth.from(local(m.getStartsAt()));
        var list = dues.publicity(scope, m.getOrgId(), month, month);
        return new ThemeDues(month, list.lines().stream().filter(l -> l.paid().compareTo(l.due()) < 0)
                .map(l -> new UnpaidDues(l.memberId(), l.memberName(), l.due(), l.paid())).toList());
    }

    private MeetingSummary summary(MeetingMeetingRecord m, AttendanceStatus mine) {
        return new MeetingSummary(m.getId(), m.getOrgId(), m.getOrgName(), types(m), m.getTitle(), local(m.getStartsAt()),
                local(m.getEndsAt()), m.getPlace(), m.getStatus(), mine);
    }

    private MeetingView view(DataScope scope, MeetingMeetingRecord m) {
        List<Attendee> attendees = repo.attendance(m.getId()).stream().map(a -> new Attendee(a.getId(), a.getMemberId(),
                a.getName(), a.getNonVoting(), a.getProbationary(), a.getStatus(), a.getReason(),
                local(a.getCheckedInAt()), a.getMakeupDue(), local(a.getMakeupDoneAt()), a.getMakeupNote(), a.getJoinedOn()))
                .filter(a -> !scope.selfOnly() || Objects.equals(a.memberId(), scope.selfMemberId()))
                .toList();
        List<Attendee> all = repo.attendance(m.getId()).stream().map(a -> new Attendee(a.getId(), a.getMemberId(),
                a.getName(), a.getNonVoting(), false, a.getStatus(), null, null, false, null,
                null, a.getJoinedOn())).toList();
        Counts counts = new Counts((int) all.stream().filter(a -> !a.nonVoting()).count(),
                (int) all.stream().filter(a -> !a.nonVoting() && a.status() == AttendanceStatus.PRESENT).count(),
                (int) all.stream().filter(a -> !a.nonVoting() && a.status() == AttendanceStatus.LEAVE).count(),
                (int) all.stream().filter(a -> !a.nonVoting() && a.status() == AttendanceStatus.ABSENT).count(),
                (int) all.stream().filter(Attendee::nonVoting).count());
        Vote vote = m.getVoteKind() == null ? null : new Vote(m.getVoteKind(), m.getVoteSubject(),
                m.getVoteMethod(), m.getVotingDue(), m.getVotingPresent(), m.getVotesYes(),
                m.getVotesNo(), m.getVotesAbstain(), m.getVotesWrittenYes(), m.getVoteValid(), m.getVotePassed(),
                m.getVoteRecordedResult());
        List<MeetingType> types = types(m);
        ThemeDay theme = null;
        if (types.contains(MeetingType.THEME_DAY)) {
            List<String> birthdays = birthdays(m, all);
            theme = new ThemeDay(m.getThemeDuesDone(), m.getThemeOathDone(), m.getThemeBirthdaysDone(), birthdays,
                    m.getThemeActivities());
        }
        List<Revision> revisions = repo.revisions(m.getId()).stream()
                .map(r -> new Revision(r.getId(), r.getText(), r.getCreatedBy(), local(r.getCreatedAt()))).toList();
        List<Attachment> attachments = repo.attachments(m.getId()).stream().map(x -> new Attachment(x.getId(),
                x.getKind(), x.getFileName(), x.getContentType(), x.getSizeBytes(), local(x.getCreatedAt()))).toList();
        return new MeetingView(m.getId(), m.getOrgId(), m.getOrgName(), types,
                m.getDeliberationStep(), m.getTitle(),
                local(m.getStartsAt()), local(m.getEndsAt()), m.getPlace(), m.getAgenda(),
                m.getStatus(), canWrite(scope) ? m.getCheckinCode() : null,
                m.getHost(), m.getRecorder(), m.getSpeeches(), m.getDecisions(), vote, theme, counts, attendees,
                revisions, attachments, local(m.getLockedAt()), m.getLockedBy(), m.getVersion());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private OffsetDateTime at(LocalDateTime t) {
        return t.atZone(clock.getZone()).toOffsetDateTime();
    }

    private OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

}
