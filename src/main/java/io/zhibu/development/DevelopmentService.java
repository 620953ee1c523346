package io.zhibu.development;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.DevPersonRecord;
import io.zhibu.db.tables.records.DevStepRecord;
import io.zhibu.development.DevelopmentModel.AmendForm;
import io.zhibu.development.DevelopmentModel.ApplicantForm;
import io.zhibu.development.DevelopmentModel.ChecklistItem;
import io.zhibu.development.DevelopmentModel.CloseForm;
import io.zhibu.development.DevelopmentModel.Deadline;
import io.zhibu.development.DevelopmentModel.DeadlineStatus;
import io.zhibu.development.DevelopmentModel.LogEntry;
import io.zhibu.development.DevelopmentModel.NextStep;
import io.zhibu.development.DevelopmentModel.PersonDetail;
import io.zhibu.development.DevelopmentModel.PersonSummary;
import io.zhibu.development.DevelopmentModel.Pipeline;
import io.zhibu.development.DevelopmentModel.PlanForm;
import io.zhibu.development.DevelopmentModel.StepForm;
import io.zhibu.development.DevelopmentModel.StepRecord;
import io.zhibu.development.internal.DevelopmentRepository;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberCodes;
import io.zhibu.member.MemberForm;
import io.zhibu.member.MemberGroups;
import io.zhibu.member.MemberService;
import io.zhibu.member.MemberStanding;
import io.zhibu.member.MemberView;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.IdCardNumber;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 发展党员: registers applicants and moves each person through the 25 steps of rules.md §2.2, gate by gate (通关式).
 * One transaction per command; everything is validated before the first write; the person's {@code version}
 * makes concurrent completions of the same step conflict (exactly one wins).
 */
@Service
public class DevelopmentService {
    /** Open files evaluated per to-do/pipeline request (a city has ~10,000 in development; see the benchmark). */
    static final int OPEN_LIMIT = 20_000;
    static final Set<String> BALLOTS = Set.of("ANONYMOUS", "SHOW_OF_HANDS");

    private final DevelopmentRepository repo;
    private final OrgService orgs;
    private final MemberService members;
    private final MemberGroups groups;
    private final io.zhibu.member.MemberLifecycle lifecycle;
    private final AuditLog audit;
    private final Clock clock;
    private final DevelopmentProperties props;
    private final WorkingDayCalendar calendar;
    private final org.springframework.context.ApplicationEventPublisher events;

    public DevelopmentService(DevelopmentRepository repo, OrgService orgs, MemberService members, MemberGroups groups,
                              io.zhibu.member.MemberLifecycle lifecycle, AuditLog audit, Clock clock,
                              DevelopmentProperties props, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repo = repo;
        this.lifecycle = lifecycle;
        this.orgs = orgs;
        this.members = members;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
        this.props = props;
        this.calendar = new WorkingDayCalendar(props.holidays(), props.adjustedWorkdays());
    }

    /** The pipeline figures of the person's branch changed (supervision rollups follow). */
    private void pipelineChanged(DataScope scope, long personId) {
        repo.find(personId).ifPresent(p -> events.publishEvent(
                io.zhibu.shared.rollup.FactsChanged.stock("dev", java.util.List.of(p.getOrgId()))));
    }

    public DevelopmentProperties properties() {
        return props;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    // ------------------------------------------------------------------ commands

    /** Step 1: register a 入党申请人 with the date of the written application (R2.1: ≥18 on that date). */
    @Transactional
    public PersonDetail register(DataScope scope, ApplicantForm f) {
        requireManager(scope);
        LocalDate today = today();
        List<Violation> errors = new ArrayList<>();
        Organization org = branch(scope, f.orgId(), errors);
        String name = InvalidInputException.collect(errors, () -> TextInput.personName(f.name(), "name"));
        IdCardNumber idn = InvalidInputException.collect(errors, () -> IdCardNumber.parse(f.idNumber(), "idNumber", today));
        if (f.ethnicity() == null || !MemberCodes.ETHNICITY.containsKey(f.ethnicity())) {
            errors.add(new Violation("ethnicity", f.ethnicity() == null ? "validation.required" : "validation.unknownCode"));
        }
        String attachments = InvalidInputException.collect(errors, () -> TextInput.required(f.attachments(), "attachments", 400));
        if (f.appliedOn() == null) {
            errors.add(new Violation("appliedOn", "validation.required"));
        } else if (f.appliedOn().isAfter(today)) {
            errors.add(new Violation("appliedOn", "validation.futureDate"));
        } else if (idn != null && !DevelopmentRules.oldEnough(idn.birthDate(), f.appliedOn())) {
            errors.add(new Violation("appliedOn", "dev.gate.age", idn.adulthood())); // R2.1
        }
        if (idn != null && repo.inPipeline(repo.idIndex(idn.value()))) {
            errors.add(new Violation("idNumber", "dev.idNumber.inPipeline"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DevPersonRecord p = repo.newPerson();
        p.setRegionOrgId(org.regionOrgId());
        p.setOrgId(org.id());
        p.setOrgPath(org.path());
        p.setName(name);
        p.setGender(idn.gender().code());
        p.setEthnicity(f.ethnicity());
        p.setBirthDate(idn.birthDate());
        p.setIdNumberEnc(repo.encrypt(idn.value()));
        p.setIdNumberBidx(repo.idIndex(idn.value()));
        p.setIdNumberMasked(idn.masked());
        p.setAppliedOn(f.appliedOn());
        p.setState(DevState.APPLICANT);
        p.setInPipeline(true);
        p.setLastStep(1);
        p.setLastStepOn(f.appliedOn());
        p.setConversionRound(1);
        p.setExtensionMonths(0);
        p.setVersion(0);
        p.setCreatedAt(OffsetDateTime.now());
        p.setUpdatedAt(OffsetDateTime.now());
        p.setPipelineKey(p.getIdNumberBidx());
        try {
            p.store();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw InvalidInputException.of("idNumber", "dev.idNumber.inPipeline"); // a concurrent registration won
        }
        DevStepRecord s = stepRow(p, 1, 1, f.appliedOn(), scope);
        s.setAttachments(attachments);
        s.store();
        repo.log(p, scope.username(), "REGISTER", 1, name + " " + idn.masked() + " applied " + f.appliedOn());
        audit.success("development.register", "dev_person", p.getId(), org.path(), name + " " + idn.masked());
        pipelineChanged(scope, p.getId());
        return detail(scope, p.getId());
    }

    /** Completes step {@code stepNo}, or records another review (steps 6 and 21), after every gate has passed. */
    @Transactional
    public PersonDetail complete(DataScope scope, long personId, int stepNo, StepForm f) {
        requireManager(scope);
        DevPersonRecord p = load(scope, personId);
        if (stepNo < 1 || stepNo > 25) {
            throw new NotFoundException("step", stepNo);
        }
        DevTimeline t = timeline(p);
        DevState state = p.getState();
        if (!state.open()) {
            throw new ConflictException("dev.closed");
        }
        int next = t.next();
        if (next == 0) {
            throw new ConflictException("dev.complete");
        }
        if (stepNo != next && !t.repeatable().contains(stepNo)) {
            if (t.done(stepNo)) {
                throw new ConflictException("dev.order.done", stepNo);
            }
            throw new InvalidInputException(List.of(orderViolation(stepNo, next)));
        }
        DevStep step = DevStep.of(stepNo);
        List<Violation> errors = new ArrayList<>();
        if (f.version() == null) {
            errors.add(new Violation("version", "validation.required"));
        }
        LocalDate date = checkDate(f.date(), t.lastDate(), errors);
        Inputs in = inputs(step, f, errors);
        gates(scope, p, t, step, date, in, f, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // --- writes (all checks passed)
        int round = t.roundFor(stepNo);
        boolean firstTime = !t.done(stepNo);
        if (firstTime) {
            p.setLastStep(Math.max(p.getLastStep(), stepNo));
            p.setState(DevState.afterStep(stepNo, state));
        }
        p.setLastStepOn(date);
        Outcome outcome = outcome(scope, p, t, step, date, in);
        if (!repo.update(p, f.version())) {
            throw new ConflictException("error.concurrentChange");
        }
        DevStepRecord s = stepRow(p, stepNo, round, date, scope);
        in.fill(s);
        try {
            s.store();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new ConflictException("error.concurrentChange");
        }
        outcome.apply(p);
        repo.log(p, scope.username(), "STEP", stepNo, "step " + stepNo + " round " + round + " on " + date
                + (in.decision == null ? "" : " " + in.decision) + outcome.detail);
        audit.success("development.step", "dev_person", p.getId(), p.getOrgPath(), "step " + stepNo + " " + date
                + outcome.detail);
        pipelineChanged(scope, p.getId());
        return detail(scope, p.getId());
    }

    /** A correction of a recorded date: logged with its reason, checked against the neighbouring steps. */
    @Transactional
    public PersonDetail amend(DataScope scope, long personId, AmendForm f) {
        requireManager(scope);
        DevPersonRecord p = load(scope, personId);
        List<DevStepRecord> rows = repo.steps(personId);
        List<Violation> errors = new ArrayList<>();
        if (f.version() == null) {
            errors.add(new Violation("version", "validation.required"));
        }
        String reason = InvalidInputException.collect(errors, () -> TextInput.required(f.reason(), "reason", 200));
        DevStepRecord target = rows.stream().filter(r -> f.stepNo() != null && r.getStepNo().equals(f.stepNo())
                && r.getRound().equals(f.round() == null ? 1 : f.round())).findFirst().orElse(null);
        if (target == null) {
            errors.add(new Violation("stepNo", "dev.amend.noSuchStep"));
        }
        LocalDate date = checkDate(f.date(), null, errors);
        if (target != null && date != null) {
            DevTimeline after = timeline(p, rows.stream().map(r -> r == target
                    ? new DevTimeline.Done(r.getStepNo(), r.getRound(), date, decision(r), r.getExtensionMonths())
                    : done(r)).toList());
            // every gate and date rule of the amended step and of the steps whose dates depend on it (issue 19)
            errors.addAll(amendmentViolations(p, rows, target, date, after));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate old = target.getDoneOn();
        // derived fields follow the amended dates: the application date (step 1), the last step's date
        if (target.getStepNo() == DevStep.APPLICATION.no() && target.getRound() == 1) {
            p.setAppliedOn(date);
        }
        LocalDate last = rows.stream().map(r -> r == target ? date : r.getDoneOn()).max(java.util.Comparator.naturalOrder())
                .orElse(date);
        p.setLastStepOn(last);
        if (!repo.update(p, f.version())) {
            throw new ConflictException("error.concurrentChange");
        }
        repo.setStepDate(target.getId(), date);
        if (target.getStepNo() == DevStep.BRANCH_MEETING.no() && p.getMemberId() != null) {
            // R2.8/R2.10: joining date = branch meeting, full membership = probation end; the member record follows
            // (a refusal by the member module rolls the whole amendment back)
            MemberView m = members.get(scope, p.getMemberId());
            LocalDate fullOn = p.getState() == DevState.FULL
                    ? DevelopmentRules.probationEnd(date, p.getExtensionMonths()) : m.fullMemberOn();
            members.update(scope, m.id(), new MemberForm(m.orgId(), m.name(), null, m.gender(), m.birthDate(),
                    m.ethnicity(), m.education(), m.personCategory(), m.jobTitle(), null, null, m.category(), date,
                    fullOn, m.probationExtensionMonths(), m.flowMember(), m.flowDestination(), m.lostContact(),
                    m.lostContactOn(), m.version()));
        }
        String detail = "step " + target.getStepNo() + " round " + target.getRound() + ": " + old + " -> " + date
                + "; reason: " + reason;
        repo.log(p, scope.username(), "AMEND", target.getStepNo(), detail);
        audit.success("development.amend", "dev_person", p.getId(), p.getOrgPath(), detail);
        pipelineChanged(scope, personId);
        return detail(scope, personId);
    }

    /**
     * The gates and date rules a timeline must still meet after an amendment, for every recorded step (so the steps
     * whose dates depend on the amended one are re-checked too): R2.12 order, R2.1 age on the application date,
     * art.13 one year of cultivation before step 7, R2.7 公示 ending by its decision (steps 7 and 23), art.25
     * approval within 3 (special: 6) months of the branch meeting, R2.8/R2.10 no conversion before probation ends.
     */
    private List<Violation> amendmentViolations(DevPersonRecord p, List<DevStepRecord> rows, DevStepRecord target,
                                                LocalDate date, DevTimeline after) {
        List<Violation> v = new ArrayList<>();
        for (DevStepRecord r : rows) {
            if (r.getStepNo() < target.getStepNo() && date.isBefore(r.getDoneOn())
                    || r.getStepNo() > target.getStepNo() && date.isAfter(r.getDoneOn())) {
                v.add(new Violation("date", "dev.gate.order", r.getStepNo(), r.getDoneOn()));
                return v;
            }
        }
        LocalDate applied = after.date(DevStep.APPLICATION);
        if (applied != null && p.getBirthDate() != null && !DevelopmentRules.oldEnough(p.getBirthDate(), applied)) {
            v.add(new Violation("date", "dev.gate.age", p.getBirthDate().plusYears(18))); // R2.1
        }
        if (after.done(DevStep.TARGET) && after.date(DevStep.ACTIVIST) != null && !DevelopmentRules.cultivatedOneYear(after.date(DevStep.ACTIVIST), after.date(DevStep.TARGET))) {
            v.add(new Violation("date", "dev.gate.activistYear", DevelopmentRules.earliestTarget(after.date(DevStep.ACTIVIST))));
        }
        for (DevStepRecord r : rows) {
            LocalDate on = r == target ? date : r.getDoneOn();
            if ((r.getStepNo() == DevStep.TARGET.no() || r.getStepNo() == DevStep.CONVERSION_MEETING.no()) && r.getNoticeTo() != null && r.getNoticeTo().isAfter(on)) {
                v.add(new Violation("date", "dev.gate.noticeDates")); // R2.7: the 公示 ends by the decision
            }
        }
        if (after.done(DevStep.APPROVAL) && after.date(DevStep.BRANCH_MEETING) != null) {
            LocalDate approval = after.date(DevStep.APPROVAL);
            LocalDate meeting = after.date(DevStep.BRANCH_MEETING);
            DevStepRecord s17 = rows.stream().filter(r -> r.getStepNo() == DevStep.APPROVAL.no()).findFirst().orElse(null);
            if (approval.isAfter(DevelopmentRules.approvalLatest(meeting))) {
                v.add(new Violation("date", "dev.gate.approvalLate", DevelopmentRules.approvalLatest(meeting)));
            } else if (approval.isAfter(DevelopmentRules.approvalDue(meeting))
                    && (s17 == null || s17.getExceptionReason() == null)) {
                v.add(new Violation("date", "dev.gate.approvalSpecial", DevelopmentRules.approvalDue(meeting)));
            }
        }
        for (DevStepRecord r : rows) {
            if (r.getStepNo() == DevStep.CONVERSION_MEETING.no() && r.getDecision() == Decision.CONVERT && after.date(DevStep.BRANCH_MEETING) != null) {
                LocalDate on = r == target ? date : r.getDoneOn();
                int extension = p.getExtensionMonths() == null ? 0 : p.getExtensionMonths();
                if (!DevelopmentRules.conversionAllowed(after.date(DevStep.BRANCH_MEETING), extension, on)) {
                    v.add(new Violation("date", "dev.gate.probationNotOver",
                            DevelopmentRules.probationEnd(after.date(DevStep.BRANCH_MEETING), extension))); // R2.10
                }
            }
        }
        return v;
    }

    /** 终止培养 (§3.1 side state) before admission, with a reason. */
    @Transactional
    public PersonDetail terminate(DataScope scope, long personId, CloseForm f) {
        requireManager(scope);
        DevPersonRecord p = load(scope, personId);
        DevState state = p.getState();
        if (!state.open() || p.getMemberId() != null) {
            throw new ConflictException("dev.terminate.notOpen");
        }
        List<Violation> errors = new ArrayList<>();
        if (f.version() == null) {
            errors.add(new Violation("version", "validation.required"));
        }
        String reason = InvalidInputException.collect(errors, () -> TextInput.required(f.reason(), "reason", 200));
        LocalDate date = checkDate(f.date(), timeline(p).lastDate(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        p.setState(DevState.TERMINATED);
        p.setInPipeline(false);
        p.setClosedOn(date);
        p.setClosedReason(reason);
        if (!repo.update(p, f.version())) {
            throw new ConflictException("error.concurrentChange");
        }
        repo.log(p, scope.username(), "TERMINATE", null, date + ": " + reason);
        audit.success("development.terminate", "dev_person", p.getId(), p.getOrgPath(), reason);
        pipelineChanged(scope, personId);
        return detail(scope, personId);
    }

    /** This year's development plan (计划发展数) of a branch. */
    @Transactional
    public void savePlan(DataScope scope, PlanForm f) {
        requireManager(scope);
        List<Violation> errors = new ArrayList<>();
        Organization org = branch(scope, f.orgId(), errors);
        if (f.year() == null || f.year() < 2000 || f.year() > 2100) {
            errors.add(new Violation("year", "validation.invalid"));
        }
        if (f.planned() == null || f.planned() < 0 || f.planned() > 10000) {
            errors.add(new Violation("planned", "validation.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        repo.savePlan(org.id(), org.path(), org.regionOrgId(), f.year(), f.planned());
        audit.success("development.plan", "org", org.id(), org.path(), f.year() + ": " + f.planned());
    }

    // ------------------------------------------------------------------ queries

    @Transactional(readOnly = true)
    public Page<PersonSummary> search(DataScope scope, Long orgId, DevState state, Integer page, Integer size) {
        requireManager(scope);
        String subtree = orgId == null ? null : orgs.get(scope, orgId).path();
        var c = repo.filter(scope.orgPath(), subtree, state);
        int pg = Page.clampPage(page);
        int sz = Page.clampSize(size);
        List<DevPersonRecord> rows = repo.page(c, pg, sz);
        return new Page<>(summaries(rows), pg, sz, repo.count(c));
    }

    @Transactional(readOnly = true)
    public PersonDetail detail(DataScope scope, long id) {
        requireManager(scope);
        DevPersonRecord p = load(scope, id);
        List<DevStepRecord> rows = repo.steps(id);
        DevTimeline t = timeline(p, rows.stream().map(DevelopmentService::done).toList());
        String orgName = orgs.namesOf(List.of(p.getOrgId())).get(p.getOrgId());
        int next = t.next();
        NextStep ns = next == 0 && t.repeatable().isEmpty() ? null
                : new NextStep(next, next == 0 ? 0 : DevStep.of(next).stage(), next == 0 ? 0 : t.roundFor(next),
                next == 0 ? List.of() : List.copyOf(DevStep.of(next).inputs()), next == 0 ? null : t.earliest(next),
                next == 0 ? null : t.due(next), next == 0 ? null : t.latest(next), t.repeatable());
        List<LogEntry> log = repo.logs(id).stream().map(l -> new LogEntry(l.getLoggedAt(), l.getActor(),
                l.getAction(), l.getStepNo(), l.getDetail())).toList();
        return new PersonDetail(summary(p, orgName, next), p.getGender(), p.getBirthDate(), p.getEthnicity(),
                p.getMemberId(), p.getExtensionMonths(), p.getConversionRound(), t.probationEnd(), p.getClosedOn(),
                p.getClosedReason(), rows.stream().map(DevelopmentService::record).toList(), ns,
                deadlines(p, t, orgName, false), checklist(rows), log, p.getVersion());
    }

    /** The secretary's to-do list: deadlines within the reminder lead time, and overdue ones, earliest first. */
    @Transactional(readOnly = true)
    public List<Deadline> todo(DataScope scope, Long orgId) {
        requireManager(scope);
        String subtree = orgId == null ? null : orgs.get(scope, orgId).path();
        List<DevPersonRecord> open = repo.open(scope.orgPath(), subtree, OPEN_LIMIT);
        Map<Long, List<DevStepRecord>> steps = open.isEmpty() ? Map.of() : repo.openSteps(scope.orgPath(), subtree);
        List<Deadline> out = new ArrayList<>();
        for (DevPersonRecord p : open) {
            DevTimeline t = timeline(p, steps.getOrDefault(p.getId(), List.of()).stream().map(DevelopmentService::done).toList());
            out.addAll(deadlines(p, t, null, true));
        }
        out.sort(Comparator.comparing(Deadline::dueOn));
        return out;
    }

    @Transactional(readOnly = true)
    public Pipeline pipeline(DataScope scope, Long orgId, Integer year) {
        requireManager(scope);
        Organization org = orgId == null ? null : orgs.get(scope, orgId);
        String subtree = org == null ? null : org.path();
        int y = year == null ? today().getYear() : year;
        LocalDate stuckBefore = today().minusMonths(props.stuckAfterMonths());
        List<DevPersonRecord> open = repo.open(scope.orgPath(), subtree, OPEN_LIMIT);
        List<PersonSummary> stuck = summaries(open.stream().filter(p -> p.getLastStepOn().isBefore(stuckBefore)
                && p.getState() != DevState.FULL).limit(50).toList());
        List<Deadline> overdue = todo(scope, orgId).stream().filter(d -> d.status() == DeadlineStatus.OVERDUE).toList();
        return new Pipeline(org == null ? scope.scopeOrgIdOrZero() : org.id(), org == null ? null : org.name(), y,
                repo.countsByState(scope.orgPath(), subtree), repo.planned(scope.orgPath(), subtree, y),
                repo.admitted(scope.orgPath(), subtree, y), stuck, overdue);
    }

    // ------------------------------------------------------------------ gates

    /** The inputs of one step, checked for presence and form (what the step needs before it can be completed). */
    private static final class Inputs {
        String people;
        List<Long> memberIds = List.of();
        Decision decision;
        VoteCounts votes;
        String ballot;
        LocalDate noticeFrom;
        LocalDate noticeTo;
        Boolean noticeProvisional;
        Integer trainingDays;
        Integer trainingHours;
        String exceptionReason;
        String exceptionApprover;
        String documentNo;
        Integer extensionMonths;
        String attachments;
        String note;
        Long groupOrgId;

        void fill(DevStepRecord s) {
            s.setGroupOrgId(groupOrgId);
            s.setPeople(people);
            s.setMemberIds(memberIds.isEmpty() ? null : String.join(",", memberIds.stream().map(String::valueOf).toList()));
            s.setDecision(decision);
            if (votes != null) {
                s.setVotesDue(votes.due());
                s.setVotesPresent(votes.present());
                s.setVotesYes(votes.yes());
                s.setVotesWrittenYes(votes.writtenYes());
                s.setVotesNo(votes.no());
                s.setVotesAbstain(votes.abstain());
                s.setBallot(ballot);
            }
            s.setNoticeFrom(noticeFrom);
            s.setNoticeTo(noticeTo);
            s.setNoticeProvisional(noticeProvisional);
            s.setTrainingDays(trainingDays);
            s.setTrainingHours(trainingHours);
            s.setExceptionReason(exceptionReason);
            s.setExceptionApprover(exceptionApprover);
            s.setDocumentNo(documentNo);
            s.setExtensionMonths(extensionMonths);
            s.setAttachments(attachments);
            s.setNote(note);
        }
    }

    private Inputs inputs(DevStep step, StepForm f, List<Violation> errors) {
        Inputs in = new Inputs();
        in.note = InvalidInputException.collect(errors, () -> TextInput.optional(f.note(), "note", 400));
        in.exceptionReason = InvalidInputException.collect(errors, () -> TextInput.optional(f.exceptionReason(), "exceptionReason", 200));
        in.exceptionApprover = InvalidInputException.collect(errors, () -> TextInput.optional(f.exceptionApprover(), "exceptionApprover", 50));
        in.attachments = InvalidInputException.collect(errors, () -> step.needs(DevStep.Input.ATTACHMENTS)
                ? TextInput.required(f.attachments(), "attachments", 400) : TextInput.optional(f.attachments(), "attachments", 400));
        if (step.needs(DevStep.Input.PEOPLE)) {
            in.people = InvalidInputException.collect(errors, () -> TextInput.required(f.people(), "people", 400));
        }
        if (step.needs(DevStep.Input.MEMBERS)) {
            in.memberIds = memberIds(f.memberIds(), errors);
        }
        if (step.needs(DevStep.Input.DOCUMENT_NO)) {
            in.documentNo = InvalidInputException.collect(errors, () -> TextInput.required(f.documentNo(), "documentNo", 50));
        }
        if (step.needs(DevStep.Input.DECISION)) {
            in.decision = f.decision();
            if (in.decision == null) {
                errors.add(new Violation("decision", "validation.required"));
            }
        }
        if (step.needs(DevStep.Input.VOTES)) {
            Integer[] v = {f.votesDue(), f.votesPresent(), f.votesYes(), f.votesWrittenYes(), f.votesNo(), f.votesAbstain()};
            String[] names = {"votesDue", "votesPresent", "votesYes", "votesWrittenYes", "votesNo", "votesAbstain"};
            boolean complete = true;
            for (int i = 0; i < v.length; i++) {
                if (v[i] == null && i != 3) {
                    errors.add(new Violation(names[i], "validation.required"));
                    complete = false;
                }
            }
            if (complete) {
                int before = errors.size();
                // R2.9 counts in long and bounded: none negative, yes + no + abstain ≤ present ≤ due
                io.zhibu.shared.VoteArithmetic.checkCounts(null, v[0], v[1], v[2], v[4], v[5],
                        new io.zhibu.shared.VoteArithmetic.Fields("votesDue", "votesPresent", "votesYes", "votesNo",
                                "votesAbstain"), errors);
                if (v[3] != null && v[3] < 0) {
                    errors.add(new Violation("votesWrittenYes", "validation.negative"));
                } else if (errors.size() == before && (long) v[1] + (v[3] == null ? 0 : v[3]) > v[0]) {
                    errors.add(new Violation("votesWrittenYes", "dev.votes.inconsistent"));
                }
                in.votes = errors.size() > before ? null : new VoteCounts(v[0], v[1], v[2], v[3] == null ? 0 : v[3], v[4], v[5]);
            }
            in.ballot = f.ballot() == null || f.ballot().isBlank() ? (props.anonymousBallotDefault() ? "ANONYMOUS" : "SHOW_OF_HANDS") : f.ballot();
            if (!BALLOTS.contains(in.ballot)) {
                errors.add(new Violation("ballot", "validation.unknownCode"));
            }
        }
        if (step.needs(DevStep.Input.TRAINING)) {
            in.trainingDays = f.trainingDays();
            in.trainingHours = f.trainingHours();
            if (in.trainingDays == null || in.trainingDays < 0) {
                errors.add(new Violation("trainingDays", "validation.required"));
            }
            if (in.trainingHours == null || in.trainingHours < 0) {
                errors.add(new Violation("trainingHours", "validation.required"));
            }
        }
        in.groupOrgId = step.needs(DevStep.Input.GROUP) ? f.groupOrgId() : null;
        in.noticeFrom = f.noticeFrom();
        in.noticeTo = f.noticeTo();
        in.extensionMonths = f.extensionMonths();
        return in;
    }

    /** The hard gates of rules.md §2 (R2.7–R2.12), each refusal citing its rule. */
    private void gates(DataScope scope, DevPersonRecord p, DevTimeline t, DevStep step, LocalDate date, Inputs in,
                       StepForm f, List<Violation> errors) {
        switch (step) {
            case CONTACTS -> {
                if (!in.memberIds.isEmpty() && !DevelopmentRules.contactsOk(in.memberIds.size(), goodStanding(scope, in.memberIds, errors))) {
                    errors.add(new Violation("memberIds", "dev.gate.contacts"));
                }
            }
            case TARGET -> {
                if (date != null && t.date(DevStep.ACTIVIST) != null && !DevelopmentRules.cultivatedOneYear(t.date(DevStep.ACTIVIST), date)) {
                    errors.add(new Violation("date", "dev.gate.activistYear", DevelopmentRules.earliestTarget(t.date(DevStep.ACTIVIST))));
                }
                notice(in, date, props.targetNoticeWorkingDays(), errors);
            }
            case SPONSORS -> {
                if (!in.memberIds.isEmpty() && !DevelopmentRules.sponsorsOk(in.memberIds.size(), goodStanding(scope, in.memberIds, errors))) {
                    errors.add(new Violation("memberIds", "dev.gate.sponsors"));
                }
            }
            case ASSIGNMENT -> {
                if (in.groupOrgId != null) {
                    InvalidInputException.collect(errors, () -> groups.checkGroup(scope, p.getOrgId(), in.groupOrgId, "groupOrgId"));
                } else if (groups.hasGroups(scope, p.getOrgId())) {
                    errors.add(new Violation("groupOrgId", "dev.group.required"));
                }
            }
            case POLITICAL_REVIEW -> {
                if (in.decision != null && in.decision != Decision.QUALIFIED) {
                    errors.add(new Violation("decision", "dev.gate.politicalReview"));
                }
            }
            case TRAINING -> {
                boolean exception = in.exceptionReason != null && in.exceptionApprover != null;
                if ((in.exceptionReason == null) != (in.exceptionApprover == null)) {
                    errors.add(new Violation(in.exceptionReason == null ? "exceptionReason" : "exceptionApprover", "validation.required"));
                }
                if (in.trainingDays != null && in.trainingHours != null
                        && !DevelopmentRules.trainingOk(in.trainingDays, in.trainingHours, exception)) {
                    errors.add(new Violation("trainingDays", "dev.gate.training"));
                }
            }
            case PRE_REVIEW -> {
                if (in.decision != null && in.decision != Decision.QUALIFIED) {
                    errors.add(new Violation("decision", "dev.gate.preReview"));
                }
            }
            case BRANCH_MEETING -> votes(in, errors);
            case APPROVAL -> {
                if (in.decision != null && in.decision != Decision.APPROVED) {
                    errors.add(new Violation("decision", "dev.gate.approvalRejected"));
                }
                if (date != null && t.date(DevStep.BRANCH_MEETING) != null) {
                    if (date.isAfter(DevelopmentRules.approvalLatest(t.date(DevStep.BRANCH_MEETING)))) {
                        errors.add(new Violation("date", "dev.gate.approvalLate", DevelopmentRules.approvalLatest(t.date(DevStep.BRANCH_MEETING))));
                    } else if (date.isAfter(DevelopmentRules.approvalDue(t.date(DevStep.BRANCH_MEETING))) && in.exceptionReason == null) {
                        errors.add(new Violation("exceptionReason", "dev.gate.approvalSpecial", DevelopmentRules.approvalDue(t.date(DevStep.BRANCH_MEETING))));
                    }
                }
            }
            case CONVERSION_MEETING -> {
                votes(in, errors);
                if (in.decision != null && in.decision != Decision.CONVERT && in.decision != Decision.EXTEND
                        && in.decision != Decision.CANCEL) {
                    errors.add(new Violation("decision", "dev.gate.conversionOutcome"));
                }
                if (in.decision == Decision.CONVERT) {
                    if (date != null && !DevelopmentRules.conversionAllowed(t.date(DevStep.BRANCH_MEETING), p.getExtensionMonths(), date)) {
                        errors.add(new Violation("date", "dev.gate.probationNotOver", t.probationEnd()));
                    }
                    notice(in, date, props.conversionNoticeWorkingDays(), errors);
                }
                if (in.decision == Decision.EXTEND) {
                    if (p.getExtensionMonths() > 0) {
                        errors.add(new Violation("extensionMonths", "dev.gate.extensionOnce"));
                    } else if (in.extensionMonths == null || !DevelopmentRules.extensionOk(0, in.extensionMonths)) {
                        errors.add(new Violation("extensionMonths", "dev.gate.extensionRange"));
                    }
                }
            }
            case CONVERSION_APPROVAL -> {
                if (in.decision != null && in.decision != Decision.APPROVED) {
                    errors.add(new Violation("decision", "dev.gate.approvalRejected"));
                }
            }
            case ARCHIVE -> {
                List<String> missing = checklist(repo.steps(p.getId())).stream().filter(c -> !c.present())
                        .map(ChecklistItem::key).toList();
                if (!missing.isEmpty()) {
                    errors.add(new Violation("attachments", "dev.gate.checklist", String.join(", ", missing)));
                }
            }
            default -> {
            }
        }
    }

    /** R2.9: quorum and majority from the counts entered, one candidate per vote. */
    private static void votes(Inputs in, List<Violation> errors) {
        if (in.votes == null) {
            return;
        }
        VoteCounts v = in.votes;
        if (!DevelopmentRules.quorum(v.due(), v.present())) {
            errors.add(new Violation("votesPresent", "dev.gate.quorum", v.present(), v.due()));
        } else if (!DevelopmentRules.passes(v.due(), v.yes(), v.writtenYes())) {
            errors.add(new Violation("votesYes", "dev.gate.majority", v.yes() + v.writtenYes(), v.due()));
        }
    }

    /** R2.7: a 公示 of at least {@code required} working days, ended by the decision date; provisional without a calendar. */
    private void notice(Inputs in, LocalDate date, int required, List<Violation> errors) {
        if (required <= 0) {
            return;
        }
        if (in.noticeFrom == null || in.noticeTo == null) {
            errors.add(new Violation(in.noticeFrom == null ? "noticeFrom" : "noticeTo", "validation.required"));
            return;
        }
        if (in.noticeTo.isBefore(in.noticeFrom) || date != null && in.noticeTo.isAfter(date)) {
            errors.add(new Violation("noticeTo", "dev.gate.noticeDates"));
            return;
        }
        WorkingDayCalendar.Count c = calendar.between(in.noticeFrom, in.noticeTo);
        if (c.days() < required) {
            errors.add(new Violation("noticeTo", "dev.gate.notice", c.days(), required));
        }
        in.noticeProvisional = c.provisional();
    }

    /** Contacts and sponsors: roster members in scope, 正式党员 with 党籍 正常. */
    private boolean goodStanding(DataScope scope, List<Long> ids, List<Violation> errors) {
        boolean ok = true;
        for (Long id : ids) {
            try {
                MemberView m = members.get(scope, id);
                ok &= m.category() == MemberCategory.FULL && m.standing() == MemberStanding.NORMAL;
                // Row 9 / R3.3: no sponsor under 留党察看 whose rights are not yet restored.
                var state = lifecycle.state(scope, id);
                ok &= state.disciplineType() != io.zhibu.member.DisciplineType.PROBATION_IN_PARTY
                        || (state.disciplineUntil() != null && state.disciplineUntil().isBefore(LocalDate.now(clock)));
            } catch (NotFoundException e) {
                errors.add(new Violation("memberIds", "dev.member.unknown", id));
                return true;
            }
        }
        return ok;
    }

    private static List<Long> memberIds(String raw, List<Violation> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new Violation("memberIds", "validation.required"));
            return List.of();
        }
        try {
            return java.util.Arrays.stream(raw.split("[,，\\s]+")).filter(s -> !s.isBlank()).map(Long::valueOf)
                    .distinct().toList();
        } catch (NumberFormatException e) {
            errors.add(new Violation("memberIds", "validation.invalid"));
            return List.of();
        }
    }

    private LocalDate checkDate(LocalDate date, LocalDate predecessor, List<Violation> errors) {
        if (date == null) {
            errors.add(new Violation("date", "validation.required"));
            return null;
        }
        if (date.isAfter(today())) {
            errors.add(new Violation("date", "validation.futureDate"));
            return null;
        }
        if (!DevelopmentRules.inOrder(predecessor, date)) { // R2.12
            errors.add(new Violation("date", "dev.gate.beforePredecessor", predecessor));
            return null;
        }
        return date;
    }

    /** Wrong order, with the rule-specific reason where a hard gate is the cause (steps 10 and 13). */
    private static Violation orderViolation(int stepNo, int next) {
        if (next == DevStep.PRE_REVIEW.no() && stepNo == DevStep.APPLICATION_FORM.no()) {
            return new Violation("stepNo", "dev.gate.noPreReview");
        }
        if (next == DevStep.POLITICAL_REVIEW.no() && stepNo > DevStep.POLITICAL_REVIEW.no()) {
            return new Violation("stepNo", "dev.gate.noPoliticalReview");
        }
        return new Violation("stepNo", "dev.order.wrong", stepNo, next);
    }

    // ------------------------------------------------------------------ outcomes into the roster

    private record Outcome(Runnable action, String detail) {
        void apply(DevPersonRecord p) {
            action.run();
        }
    }

    /** Step 17 admits to the roster (joinedOn = branch meeting, R2.8); step 24 applies the conversion outcome (R2.10/R2.11). */
    private Outcome outcome(DataScope scope, DevPersonRecord p, DevTimeline t, DevStep step, LocalDate date, Inputs in) {
        switch (step) {
            case APPROVAL -> {
                LocalDate joinedOn = t.date(DevStep.BRANCH_MEETING);
                return new Outcome(() -> {
                    MemberView m = members.create(scope, new MemberForm(p.getOrgId(), p.getName(),
                            repo.decrypt(p.getIdNumberEnc()), null, null, p.getEthnicity(), null, null, null, null,
                            null, MemberCategory.PROBATIONARY, joinedOn, null, 0, false, null, false, null, null));
                    p.setMemberId(m.id());
                    repo.linkMember(p.getId(), m.id());
                }, " admitted, joinedOn " + joinedOn);
            }
            case CONVERSION_APPROVAL -> {
                Decision d = t.decision(DevStep.CONVERSION_MEETING);
                if (d == Decision.CONVERT) {
                    LocalDate fullOn = t.probationEnd();
                    p.setState(DevState.FULL);
                    return new Outcome(() -> updateMember(scope, p.getMemberId(), MemberCategory.FULL, fullOn,
                            p.getExtensionMonths()), " converted, fullMemberOn " + fullOn);
                }
                if (d == Decision.EXTEND) {
                    int months = t.extensionOf(DevStep.CONVERSION_MEETING);
                    p.setExtensionMonths(months);
                    p.setConversionRound(p.getConversionRound() + 1);
                    return new Outcome(() -> updateMember(scope, p.getMemberId(), MemberCategory.PROBATIONARY, null,
                            months), " probation extended by " + months + " months");
                }
                p.setState(DevState.CANCELLED);
                p.setInPipeline(false);
                p.setClosedOn(date);
                p.setClosedReason("取消预备党员资格");
                // R2.11: the person leaves the roster through the member lifecycle, with the decision date.
                return new Outcome(() -> lifecycle.record(scope, p.getMemberId(), new io.zhibu.member.LifecycleChange(
                        io.zhibu.member.MemberEventType.EXITED, date, "取消预备党员资格", "党委审批",
                        io.zhibu.member.ExitType.PROBATION_CANCELLED, null, null, null, null)),
                        " probationary membership cancelled");
            }
            case ASSIGNMENT -> {
                Long group = in.groupOrgId;
                return new Outcome(() -> {
                    if (group != null) {
                        groups.assign(scope, p.getMemberId(), group);
                    }
                }, group == null ? " branch only (no groups)" : " group " + group);
            }
            case ARCHIVE -> {
                p.setInPipeline(false);
                return new Outcome(() -> {
                }, " archived");
            }
            default -> {
                return new Outcome(() -> {
                }, "");
            }
        }
    }

    private void updateMember(DataScope scope, long memberId, MemberCategory category, LocalDate fullOn, int extension) {
        MemberView v = members.get(scope, memberId);
        members.update(scope, memberId, new MemberForm(v.orgId(), v.name(), null, v.gender(), v.birthDate(),
                v.ethnicity(), v.education(), v.personCategory(), v.jobTitle(), null, null, category, v.joinedOn(),
                fullOn, extension, v.flowMember(), v.flowDestination(), v.lostContact(), v.lostContactOn(), v.version()));
    }

    // ------------------------------------------------------------------ helpers

    /** Step 25 checklist: 志愿书, 申请书, 政审材料, 转正申请, 考察材料 (art.36). */
    static List<ChecklistItem> checklist(List<DevStepRecord> rows) {
        return List.of(
                new ChecklistItem("applicationLetter", has(rows, 1, r -> r.getAttachments() != null)),
                new ChecklistItem("applicationForm", has(rows, 14, r -> r.getDocumentNo() != null)),
                new ChecklistItem("politicalReview", has(rows, 10, r -> r.getAttachments() != null)),
                new ChecklistItem("conversionApplication", has(rows, 22, r -> r.getAttachments() != null)),
                new ChecklistItem("reviews", has(rows, 6, r -> r.getAttachments() != null)));
    }

    private static boolean has(List<DevStepRecord> rows, int no, java.util.function.Predicate<DevStepRecord> p) {
        return rows.stream().anyMatch(r -> r.getStepNo() == no && p.test(r));
    }

    private List<Deadline> deadlines(DevPersonRecord p, DevTimeline t, String orgName, boolean onlyActionable) {
        LocalDate today = today();
        List<Deadline> out = new ArrayList<>();
        for (DevTimeline.Due d : t.deadlines()) {
            if (d.dueOn() == null) {
                continue;
            }
            DeadlineStatus s = DevTimeline.status(d, today, props.reminderLeadDays());
            if (!onlyActionable || s != DeadlineStatus.UPCOMING) {
                out.add(new Deadline(d.kind(), d.stepNo(), p.getId(), p.getName(), p.getOrgId(), d.dueOn(),
                        d.latestOn(), s));
            }
        }
        return out;
    }

    private List<PersonSummary> summaries(List<DevPersonRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = orgs.namesOf(rows.stream().map(DevPersonRecord::getOrgId).distinct().toList());
        var steps = repo.stepsOf(rows.stream().map(DevPersonRecord::getId).toList());
        return rows.stream().map(p -> summary(p, names.get(p.getOrgId()),
                timeline(p, steps.getOrDefault(p.getId(), List.of()).stream().map(DevelopmentService::done).toList()).next()))
                .toList();
    }

    private static PersonSummary summary(DevPersonRecord p, String orgName, int next) {
        return new PersonSummary(p.getId(), p.getName(), p.getOrgId(), orgName, p.getState(),
                p.getLastStep(), p.getLastStepOn(), next == 0 ? null : next, p.getIdNumberMasked(), p.getAppliedOn());
    }

    private DevTimeline timeline(DevPersonRecord p) {
        return timeline(p, repo.steps(p.getId()).stream().map(DevelopmentService::done).toList());
    }

    private DevTimeline timeline(DevPersonRecord p, List<DevTimeline.Done> steps) {
        return new DevTimeline(steps, p.getState(), p.getConversionRound(), p.getExtensionMonths(), props);
    }

    private static DevTimeline.Done done(DevStepRecord r) {
        return new DevTimeline.Done(r.getStepNo(), r.getRound(), r.getDoneOn(), decision(r), r.getExtensionMonths());
    }

    private static Decision decision(DevStepRecord r) {
        return r.getDecision();
    }

    private static StepRecord record(DevStepRecord r) {
        return new StepRecord(r.getId(), r.getStepNo(), r.getRound(), r.getDoneOn(), r.getPeople(), r.getMemberIds(),
                decision(r), r.getVotesDue(), r.getVotesPresent(), r.getVotesYes(), r.getVotesWrittenYes(),
                r.getVotesNo(), r.getVotesAbstain(), r.getBallot(), r.getNoticeFrom(), r.getNoticeTo(),
                r.getNoticeProvisional(), r.getTrainingDays(), r.getTrainingHours(), r.getExceptionReason(),
                r.getExceptionApprover(), r.getDocumentNo(), r.getExtensionMonths(), r.getAttachments(), r.getNote(),
                r.getCreatedBy(), r.getGroupOrgId());
    }

    private DevStepRecord stepRow(DevPersonRecord p, int no, int round, LocalDate date, DataScope scope) {
        DevStepRecord s = repo.newStep();
        s.setPersonId(p.getId());
        s.setRegionOrgId(p.getRegionOrgId());
        s.setOrgPath(p.getOrgPath());
        s.setStepNo(no);
        s.setRound(round);
        s.setDoneOn(date);
        s.setCreatedBy(scope.username());
        s.setCreatedAt(OffsetDateTime.now());
        return s;
    }

    private Organization branch(DataScope scope, Long orgId, List<Violation> errors) {
        Long id = orgId != null ? orgId : scope.scopeOrgId();
        if (id == null) {
            errors.add(new Violation("orgId", "validation.required"));
            return null;
        }
        try {
            Organization org = orgs.get(scope, id);
            if (!org.active() || !org.type().holdsMembers()) {
                errors.add(new Violation("orgId", "member.org.notABranch"));
                return null;
            }
            if (org.type() == io.zhibu.org.OrgType.TEMPORARY_BRANCH) {
                errors.add(new Violation("orgId", "dev.org.temporary")); // rules.md §1.1: no development [L/U]
                return null;
            }
            return org;
        } catch (NotFoundException e) {
            errors.add(new Violation("orgId", "member.org.unknown"));
            return null;
        }
    }

    private DevPersonRecord load(DataScope scope, long id) {
        return repo.find(id).filter(r -> scope.covers(r.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("development", id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireManager(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot manage member development");
        }
    }

}
