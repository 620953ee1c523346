package io.zhibu.meeting;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.MeetingMatterRecord;
import io.zhibu.db.tables.records.MeetingMatterStepRecord;
import io.zhibu.meeting.FourDeliberationsRules.Done;
import io.zhibu.meeting.FourDeliberationsRules.MatterStatus;
import io.zhibu.meeting.internal.DeliberationRepository;
import io.zhibu.meeting.internal.MeetingRepository;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import io.zhibu.shared.rollup.FactsChanged;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 四议两公开 matters of villages (rules.md §1.5; issue 18 point 3): the village branch secretary opens a matter and
 * records its six steps in order ({@link FourDeliberationsRules}), each with its date and evidence — for a meeting
 * step optionally the meeting record it was held at; superiors read them and the 落实率 per village and subtree
 * (completed over started, by the month of 党组织提议), which also reaches the supervision dashboards as the
 * {@code deliberation} rollup. Every write and refusal is audited.
 */
@Service
public class FourDeliberations {
    /** A new matter: the village organization and what is to be decided. */
    public record MatterForm(Long orgId, String title, String summary) {
    }

    /** One step: which, when, the meeting it was held at (meeting steps, optional) and the evidence (where published …). */
    public record StepForm(DeliberationStep step, LocalDate heldOn, Long meetingId, String evidence, Integer version) {
    }

    public record StepView(DeliberationStep step, boolean publication, LocalDate heldOn, Long meetingId,
                           String meetingTitle, String evidence, String recordedBy, List<StepPhoto> photos) {
    }

    /** A photo of a recorded step (the meeting held, the notice posted). */
    public record StepPhoto(long id, String fileName, String uploadedBy) {
    }

    /** A photo's bytes for display. */
    public record PhotoContent(String fileName, String contentType, byte[] bytes) {
    }

    public record MatterView(long id, long orgId, String orgName, String title, String summary, MatterStatus status,
                             LocalDate startedOn, LocalDate completedOn, List<StepView> steps, DeliberationStep next,
                             int version) {
    }

    /** 落实率 of one organization (or the subtree total, orgId = the root asked for): matters started and completed. */
    public record Rate(long orgId, String orgName, long started, long completed, Integer ratePerMille) {
    }

    /** The subtree's rate and each village's. */
    public record Rates(int year, Rate total, List<Rate> villages) {
    }

    private final DeliberationRepository repo;
    private final MeetingRepository meetings;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private io.zhibu.shared.files.FileStore files;
    private io.zhibu.shared.upload.UploadCheck uploads;

    /** Step photos: the shared file store and the one upload checker (JPEG/PNG only). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setFiles(io.zhibu.shared.files.FileStore files, io.zhibu.shared.upload.UploadCheck uploads) {
        this.files = files;
        this.uploads = uploads;
    }

    public FourDeliberations(DeliberationRepository repo, MeetingRepository meetings, OrgService orgs, AuditLog audit,
                             Clock clock, ApplicationEventPublisher events) {
        this.repo = repo;
        this.meetings = meetings;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public MatterView open(DataScope scope, MatterForm f) {
        requireSecretary(scope, "deliberation.open");
        List<Violation> errors = new ArrayList<>();
        String title = InvalidInputException.collect(errors, () -> TextInput.required(f.title(), "title", 200));
        String summary = InvalidInputException.collect(errors, () -> TextInput.optional(f.summary(), "summary", 2000));
        Organization o = null;
        if (f.orgId() == null) {
            errors.add(new Violation("orgId", "validation.required"));
        } else {
            try {
                o = orgs.get(scope, f.orgId());
                if (!FourDeliberationsRules.village(o.type(), o.domain())) {
                    errors.add(new Violation("orgId", "deliberation.notVillage"));
                }
            } catch (NotFoundException e) {
                errors.add(new Violation("orgId", "deliberation.orgNotFound"));
            }
        }
        if (!errors.isEmpty()) {
            audit.refused("deliberation.open", "organization", f.orgId(), scope.orgPath(), "invalid input");
            throw new InvalidInputException(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        MeetingMatterRecord m = new MeetingMatterRecord();
        m.setRegionOrgId(o.regionOrgId());
        m.setOrgId(o.id());
        m.setOrgPath(o.path());
        m.setOrgName(o.name());
        m.setTitle(title);
        m.setSummary(summary);
        m.setStatus(MatterStatus.IN_PROGRESS);
        m.setCreatedBy(scope.username());
        m.setCreatedAt(now);
        m.setUpdatedAt(now);
        long id = repo.insert(m);
        audit.success("deliberation.open", "matter", id, o.path(), title);
        return view(repo.find(id).orElseThrow());
    }

    /** Records the next step (R §1.5 order); a wrong step, date or meeting is refused naming the field. */
    @Transactional
    public MatterView record(DataScope scope, long matterId, StepForm f) {
        requireSecretary(scope, "deliberation.step");
        MeetingMatterRecord m = repo.findForUpdate(matterId).filter(x -> scope.covers(x.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("matter", matterId));
        List<Done> done = repo.steps(matterId).stream().map(s -> new Done(s.getStep(), s.getHeldOn())).toList();
        List<Violation> errors = new ArrayList<>();
        String evidence = InvalidInputException.collect(errors, () -> f.meetingId() == null
                ? TextInput.required(f.evidence(), "evidence", 1000) : TextInput.optional(f.evidence(), "evidence", 1000));
        LocalDate heldOn = f.heldOn();
        String meetingTitle = null;
        if (f.meetingId() != null) {
            var meeting = meetings.find(f.meetingId()).filter(x -> scope.covers(x.getOrgPath())).orElse(null);
            if (meeting == null || !meeting.getOrgId().equals(m.getOrgId())) {
                errors.add(new Violation("meetingId", "deliberation.meeting.otherOrg"));
            } else if (!FourDeliberationsRules.meetingFits(f.step(), MeetingService.types(meeting),
                    meeting.getDeliberationStep())) {
                errors.add(new Violation("meetingId", "deliberation.meeting.wrongKind"));
            } else {
                heldOn = meeting.getStartsAt().atZoneSameInstant(clock.getZone()).toLocalDate();
                meetingTitle = meeting.getTitle();
            }
        }
        if (f.version() != null && f.version() != m.getVersion().intValue()) {
            throw new ConflictException("error.concurrentChange");
        }
        errors.addAll(FourDeliberationsRules.check(done, f.step(), heldOn, LocalDate.now(clock)));
        if (!errors.isEmpty()) {
            audit.refused("deliberation.step", "matter", matterId, m.getOrgPath(), String.valueOf(f.step()));
            throw new InvalidInputException(errors);
        }
        MeetingMatterStepRecord s = new MeetingMatterStepRecord();
        s.setMatterId(matterId);
        s.setStep(f.step());
        s.setHeldOn(heldOn);
        s.setMeetingId(meetingTitle == null ? null : f.meetingId());
        s.setEvidence(evidence != null ? evidence : meetingTitle);
        s.setRecordedBy(scope.username());
        s.setRecordedAt(OffsetDateTime.now(clock));
        repo.insertStep(s);
        List<Done> after = new ArrayList<>(done);
        after.add(new Done(f.step(), heldOn));
        MatterStatus status = FourDeliberationsRules.status(after);
        LocalDate started = after.getFirst().heldOn();
        LocalDate previousStart = m.getStartedOn();
        if (!repo.advance(matterId, m.getVersion(), status, started,
                status == MatterStatus.COMPLETED ? heldOn : null, OffsetDateTime.now(clock))) {
            throw new ConflictException("error.concurrentChange");
        }
        audit.success("deliberation.step", "matter", matterId, m.getOrgPath(), f.step() + " " + heldOn + ": "
                + s.getEvidence());
        YearMonth month = YearMonth.from(previousStart != null ? previousStart : started);
        events.publishEvent(FactsChanged.months("deliberation", List.of(m.getOrgId()), month, month));
        return view(repo.find(matterId).orElseThrow());
    }

    /** A photo (JPEG/PNG) of a recorded step, by the village's secretary; checked whole before it is stored; audited. */
    @Transactional
    public MatterView addPhoto(DataScope scope, long matterId, DeliberationStep step, String fileName, byte[] bytes) {
        requireSecretary(scope, "deliberation.photo");
        MeetingMatterRecord m = repo.find(matterId).filter(x -> scope.covers(x.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("matter", matterId));
        if (step == null || repo.steps(matterId).stream().noneMatch(s -> s.getStep() == step)) {
            audit.refused("deliberation.photo", "matter", matterId, m.getOrgPath(), "step not recorded: " + step);
            throw InvalidInputException.of("step", "deliberation.photo.stepNotRecorded");
        }
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "validation.required");
        }
        String type = uploads.check("file", fileName, bytes, io.zhibu.shared.upload.FileType.PHOTOS).contentType();
        String name = TextInput.optional(fileName == null ? null : fileName.replaceAll("[\\\\/]", "_"), "file", 200);
        String key = "deliberation/" + matterId + "/" + java.util.UUID.randomUUID();
        files.put(key, bytes);
        var p = new io.zhibu.db.tables.records.MeetingMatterPhotoRecord();
        p.setMatterId(matterId);
        p.setStep(step);
        p.setOrgPath(m.getOrgPath());
        p.setFileKey(key);
        p.setFileName(name == null ? "photo" : name);
        p.setContentType(type);
        p.setUploadedBy(scope.username());
        p.setUploadedAt(OffsetDateTime.now(clock));
        repo.insertPhoto(p);
        audit.success("deliberation.photo", "matter", matterId, m.getOrgPath(), step + " " + p.getFileName());
        return view(repo.find(matterId).orElseThrow());
    }

    /** A step photo's bytes, for whoever may read the matter. */
    @Transactional(readOnly = true)
    public PhotoContent photo(DataScope scope, long matterId, long photoId) {
        requireReader(scope);
        repo.find(matterId).filter(x -> scope.covers(x.getOrgPath())).orElseThrow(() -> new NotFoundException("matter", matterId));
        var p = repo.photo(matterId, photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
        byte[] bytes = files.get(p.getFileKey()).orElseThrow(() -> new NotFoundException("photo", photoId));
        return new PhotoContent(p.getFileName(), p.getContentType(), bytes);
    }

    @Transactional(readOnly = true)
    public MatterView get(DataScope scope, long id) {
        requireReader(scope);
        return view(repo.find(id).filter(x -> scope.covers(x.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("matter", id)));
    }

    /** Matters of the subtree (default: the caller's) started in the year, and those not started yet. */
    @Transactional(readOnly = true)
    public List<MatterView> list(DataScope scope, Long orgId, int year) {
        requireReader(scope);
        String path = orgId == null ? scope.orgPath() : orgs.get(scope, orgId).path();
        return repo.inSubtree(path, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 500).stream()
                .map(this::view).toList();
    }

    /** 落实率 of the subtree and of each village in it with a matter started in the year. */
    @Transactional(readOnly = true)
    public Rates rates(DataScope scope, Long orgId, int year) {
        requireReader(scope);
        Organization root = orgId != null ? orgs.get(scope, orgId) : scope.scopeOrgId() != null
                ? orgs.get(scope, scope.scopeOrgId()) : orgs.scopeRoots(scope).getFirst();
        Map<Long, long[]> counts = repo.countsByOrg(root.path(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Map<Long, String> names = orgs.namesOf(counts.keySet());
        long started = 0;
        long completed = 0;
        List<Rate> villages = new ArrayList<>();
        for (var e : counts.entrySet()) {
            started += e.getValue()[0];
            completed += e.getValue()[1];
            villages.add(new Rate(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1],
                    FourDeliberationsRules.ratePerMille(e.getValue()[1], e.getValue()[0])));
        }
        villages.sort(Comparator.comparing(Rate::ratePerMille, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
                .thenComparing(Rate::orgName, Comparator.nullsLast(Comparator.<String>naturalOrder())));
        return new Rates(year, new Rate(root.id(), root.name(), started, completed,
                FourDeliberationsRules.ratePerMille(completed, started)), villages);
    }

    /** Villages in the caller's scope (the org picker of a new matter). */
    @Transactional(readOnly = true)
    public List<Organization> villages(DataScope scope) {
        requireReader(scope);
        Organization root = scope.scopeOrgId() != null ? orgs.get(scope, scope.scopeOrgId()) : orgs.scopeRoots(scope).getFirst();
        List<Organization> out = new ArrayList<>();
        if (FourDeliberationsRules.village(root.type(), root.domain())) {
            out.add(root);
        }
        orgs.activeIn(scope, root.id(), List.of(io.zhibu.org.OrgType.GENERAL_BRANCH, io.zhibu.org.OrgType.BRANCH,
                        io.zhibu.org.OrgType.JOINT_BRANCH)).stream()
                .filter(o -> o.id() != root.id() && FourDeliberationsRules.village(o.type(), o.domain()))
                .limit(500).forEach(out::add);
        return out;
    }

    /** A meeting the next step may be linked to (the picker). */
    public record MeetingChoice(long id, String title, LocalDate heldOn) {
    }

    /** The matter's village meetings of the last two years that fit its next step, newest first. */
    @Transactional(readOnly = true)
    public List<MeetingChoice> meetingChoices(DataScope scope, long matterId) {
        MatterView v = get(scope, matterId);
        if (v.next() == null || FourDeliberationsRules.publication(v.next())) {
            return List.of();
        }
        return meetings.page(io.zhibu.db.Tables.MEETING_MEETING.ORG_ID.eq(v.orgId()), 0, 100).stream()
                .filter(x -> FourDeliberationsRules.meetingFits(v.next(), MeetingService.types(x),
                        x.getDeliberationStep()))
                .map(x -> new MeetingChoice(x.getId(), x.getTitle(),
                        x.getStartsAt().atZoneSameInstant(clock.getZone()).toLocalDate()))
                .filter(c -> v.steps().isEmpty() || !c.heldOn().isBefore(v.steps().getLast().heldOn()))
                .limit(30).toList();
    }

    private MatterView view(MeetingMatterRecord m) {
        List<MeetingMatterStepRecord> steps = repo.steps(m.getId());
        java.util.Map<DeliberationStep, List<StepPhoto>> photos = new java.util.EnumMap<>(DeliberationStep.class);
        for (var p : repo.photos(m.getId())) {
            photos.computeIfAbsent(p.getStep(), k -> new ArrayList<>()).add(new StepPhoto(p.getId(), p.getFileName(), p.getUploadedBy()));
        }
        List<StepView> views = new ArrayList<>();
        for (var s : steps) {
            String title = s.getMeetingId() == null ? null
                    : meetings.find(s.getMeetingId()).map(x -> x.getTitle()).orElse(null);
            views.add(new StepView(s.getStep(), FourDeliberationsRules.publication(s.getStep()), s.getHeldOn(),
                    s.getMeetingId(), title, s.getEvidence(), s.getRecordedBy(), photos.getOrDefault(s.getStep(), List.of())));
        }
        DeliberationStep next = FourDeliberationsRules.next(steps.stream().map(s -> new Done(s.getStep(), s.getHeldOn())).toList());
        return new MatterView(m.getId(), m.getOrgId(), m.getOrgName(), m.getTitle(), m.getSummary(), m.getStatus(),
                m.getStartedOn(), m.getCompletedOn(), views, next, m.getVersion());
    }

    private void requireSecretary(DataScope scope, String action) {
        if (!MeetingService.canWrite(scope)) {
            audit.refused(action, "matter", null, scope.orgPath(), "role " + scope.role());
            throw new ForbiddenException("only the village branch secretary records 四议两公开");
        }
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role cannot read organization life");
        }
    }
}
