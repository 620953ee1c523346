package io.zhibu.assessment;

import static io.zhibu.db.Tables.ASSESSMENT_RESULT;

import io.zhibu.assessment.WeakLaxRules.BranchSignals;
import io.zhibu.assessment.WeakLaxRules.Signal;
import io.zhibu.assessment.internal.AssessmentRepository;
import io.zhibu.assessment.internal.CampaignEngine;
import io.zhibu.assessment.internal.RectificationRepository;
import io.zhibu.assessment.internal.SurveyFactSource;
import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.AssessmentCampaignRecord;
import io.zhibu.db.tables.records.AssessmentWeakEventRecord;
import io.zhibu.db.tables.records.AssessmentWeakRecord;
import io.zhibu.db.tables.records.AssessmentWeakTaskRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgTermFacts;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 软弱涣散 (rules.md §8.2): rule-based candidates ({@link WeakLaxRules}) from a campaign's results, the secretary
 * vacancy and the latest satisfaction; designation by the branch's superior with a reason; a rectification plan of
 * tasks (owner, deadline, status); progress reports by the branch; a review by the superior that lifts the
 * designation (摘帽) with the reviewer's conclusion. All audited; the history is never deleted.
 */
@Service
public class WeakLaxService {
    static final Set<String> TASK_STATUSES = Set.of("OPEN", "DOING", "DONE");
    private final RectificationRepository repo;
    private final AssessmentRepository results;
    private final SurveyFactSource surveys;
    private final OrgTermFacts terms;
    private final CampaignEngine engine;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    public WeakLaxService(RectificationRepository repo, AssessmentRepository results, SurveyFactSource surveys,
                          OrgTermFacts terms, CampaignEngine engine, OrgService orgs, AuditLog audit, Clock clock,
                          TransactionTemplate tx) {
        this.repo = repo;
        this.results = results;
        this.surveys = surveys;
        this.terms = terms;
        this.engine = engine;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public record Candidate(long orgId, String orgName, BigDecimal score, int stars, Integer rank,
                            int secretaryVacantMonths, BigDecimal satisfaction, List<Signal> signals, Long activeDesignationId) {
    }

    /**
     * {@code rectifyYear} the year of the 集中整顿: optional, by default the year after the campaign's assessed year
     * ({@link WeakLaxRules#defaultRectifyYear}); the assessed year or the one after it.
     */
    public record DesignateForm(Long orgId, Long campaignId, List<String> signals, String reason, Integer rectifyYear) {
        public DesignateForm(Long orgId, Long campaignId, List<String> signals, String reason) {
            this(orgId, campaignId, signals, reason, null);
        }
    }

    public record TaskForm(String title, String owner, LocalDate dueOn) {
    }

    /** A progress report; with {@code taskId} it also sets that task's status (OPEN, DOING, DONE). */
    public record ProgressForm(Long taskId, String taskStatus, String note) {
    }

    /** The review: {@code lift} true = 摘帽 (all tasks must be DONE), false = stays on the list; conclusion mandatory. */
    public record ReviewForm(Boolean lift, String conclusion) {
    }

    /** {@code assessYear} the year whose assessment found the branch weak; {@code rectifyYear} the year of its 集中整顿. */
    public record Summary(long id, long orgId, String orgName, int assessYear, String status, List<String> signals,
                          String reason, String designatedBy, OffsetDateTime designatedAt, OffsetDateTime liftedAt,
                          int tasks, int tasksDone, int rectifyYear) {
    }

    public record Task(long id, String title, String owner, LocalDate dueOn, String status, boolean overdue) {
    }

    public record Event(String kind, Long taskId, String taskStatus, String note, Boolean lifted, String actor,
                        OffsetDateTime at) {
    }

    /** {@code assessYear} the assessed year; {@code rectifyYear} the year of the 集中整顿 (§8.1: the next year). */
    public record Detail(long id, long orgId, String orgName, int assessYear, Long campaignId, String status,
                         List<String> signals, String reason, String designatedBy, OffsetDateTime designatedAt,
                         String liftedBy, OffsetDateTime liftedAt, String conclusion, List<Task> tasks,
                         List<Event> history, boolean canReview, boolean canReport, int version, int rectifyYear) {
    }

    /** Candidates among the branches of a campaign the caller covers (not the caller's own organization). */
    public List<Candidate> candidates(DataScope scope, long campaignId) {
        requireManager(scope);
        AssessmentCampaignRecord c = results.campaign(campaignId)
                .filter(x -> scope.covers(x.getOrgPath()) || scope.orgPath().startsWith(x.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("campaign", campaignId));
        int year = c.getAssessYear();
        List<Record> lines = results.resultLines(campaignId, null);
        int lastRank = lines.stream().map(r -> r.get(ASSESSMENT_RESULT.SCORE_RANK)).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).max().orElse(0);
        Map<Long, OrgTermFacts.TermFact> vacancy = terms.branchesUnder(scope.orgPath(), year, engine.asOf(year));
        Map<Long, BigDecimal> satisfaction = surveys.satisfaction(year, scope.orgPath());
        Map<Long, Long> active = repo.activeByOrg(scope.orgPath());
        List<Candidate> out = new ArrayList<>();
        for (Record r : lines) {
            String path = r.get(ASSESSMENT_RESULT.ORG_PATH);
            if (!scope.covers(path) || scope.orgPath().equals(path)) {
                continue;
            }
            long orgId = r.get(ASSESSMENT_RESULT.ORG_ID);
            OrgTermFacts.TermFact t = vacancy.get(orgId);
            int vacant = t == null ? 0 : t.secretaryVacantMonths();
            List<Signal> signals = WeakLaxRules.signals(new BranchSignals(r.get(ASSESSMENT_RESULT.STARS),
                    r.get(ASSESSMENT_RESULT.VETOES) != null, r.get(ASSESSMENT_RESULT.SCORE_RANK), lastRank == 0 ? null : lastRank,
                    lines.size(), vacant, satisfaction.get(orgId)));
            if (!signals.isEmpty()) {
                out.add(new Candidate(orgId, r.get(ASSESSMENT_RESULT.ORG_NAME), r.get(ASSESSMENT_RESULT.TOTAL_SCORE),
                        r.get(ASSESSMENT_RESULT.STARS), r.get(ASSESSMENT_RESULT.SCORE_RANK), vacant, satisfaction.get(orgId),
                        signals, active.get(orgId)));
            }
        }
        out.sort(java.util.Comparator.comparingInt((Candidate x) -> -x.signals().size()).thenComparing(Candidate::score));
        return out;
    }

    public Detail designate(DataScope scope, DesignateForm form) {
        requireManager(scope);
        List<Violation> errors = new ArrayList<>();
        if (form == null || form.orgId() == null) {
            errors.add(new Violation("orgId", "validation.required"));
        }
        String reason = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.reason(), "reason", 2000));
        Set<String> signals = new LinkedHashSet<>();
        for (String s : form == null || form.signals() == null ? List.<String>of() : form.signals()) {
            if (Arrays.stream(Signal.values()).noneMatch(x -> x.name().equals(s))) {
                errors.add(new Violation("signals", "assessment.weak.signal", s));
            } else {
                signals.add(s);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization org = orgs.get(scope, form.orgId());
        requireSuperiorOf(scope, org.path());
        if (!org.type().holdsMembers()) {
            throw InvalidInputException.of("orgId", "assessment.survey.branchOnly");
        }
        Integer year = null;
        if (form.campaignId() != null) {
            AssessmentCampaignRecord c = results.campaign(form.campaignId())
                    .filter(x -> scope.covers(x.getOrgPath()) || scope.orgPath().startsWith(x.getOrgPath()))
                    .orElseThrow(() -> new NotFoundException("campaign", form.campaignId()));
            year = c.getAssessYear();
        }
        int y = year != null ? year : LocalDate.now(clock).getYear();
        int rectify = form.rectifyYear() != null ? form.rectifyYear() : WeakLaxRules.defaultRectifyYear(y, year != null);
        if (!WeakLaxRules.validRectifyYear(y, rectify)) {
            throw InvalidInputException.of("rectifyYear", "assessment.weak.rectifyYear.invalid", y, y + 1);
        }
        AssessmentWeakRecord saved = tx.execute(st -> {
            if (repo.activeExists(org.id())) {
                throw new ConflictException("assessment.weak.active");
            }
            AssessmentWeakRecord r = new AssessmentWeakRecord();
            r.setRegionOrgId(org.regionOrgId());
            r.setOrgId(org.id());
            r.setOrgPath(org.path());
            r.setOrgName(org.name());
            r.setAssessYear(y);
            r.setRectifyYear(rectify);
            r.setCampaignId(form.campaignId());
            r.setSignals(signals.isEmpty() ? null : String.join(",", signals));
            r.setReason(reason);
            r.setStatus("ACTIVE");
            r.setDesignatedBy(scope.username());
            r.setDesignatedAt(OffsetDateTime.now(clock));
            r.setVersion(0);
            AssessmentWeakRecord out = repo.insertWeak(r);
            audit.success("assessment.weak.designate", "assessment_weak", out.getId(), org.path(),
                    org.name() + " " + y + " → " + rectify + (signals.isEmpty() ? "" : " [" + String.join(",", signals) + "]") + ": " + reason);
            return out;
        });
        return detail(scope, saved.getId());
    }

    public List<Summary> list(DataScope scope, String status) {
        requireReader(scope);
        if (status != null && !"ACTIVE".equals(status) && !"LIFTED".equals(status)) {
            throw InvalidInputException.of("status", "assessment.weak.status");
        }
        List<Summary> out = new ArrayList<>();
        for (AssessmentWeakRecord w : repo.weakIn(scope.orgPath(), status)) {
            List<AssessmentWeakTaskRecord> tasks = repo.tasks(w.getId());
            out.add(new Summary(w.getId(), w.getOrgId(), w.getOrgName(), w.getAssessYear(), w.getStatus(), signals(w),
                    w.getReason(), w.getDesignatedBy(), w.getDesignatedAt(), w.getLiftedAt(), tasks.size(),
                    (int) tasks.stream().filter(t -> "DONE".equals(t.getStatus())).count(), w.getRectifyYear()));
        }
        return out;
    }

    public Detail detail(DataScope scope, long id) {
        AssessmentWeakRecord w = visible(scope, id);
        LocalDate today = LocalDate.now(clock);
        List<Task> tasks = repo.tasks(id).stream().map(t -> new Task(t.getId(), t.getTitle(), t.getOwner(), t.getDueOn(),
                t.getStatus(), !"DONE".equals(t.getStatus()) && t.getDueOn().isBefore(today))).toList();
        List<Event> history = repo.events(id).stream().map(e -> new Event(e.getKind(), e.getTaskId(), e.getTaskStatus(),
                e.getNote(), e.getLifted(), e.getActor(), e.getCreatedAt())).toList();
        boolean active = "ACTIVE".equals(w.getStatus());
        return new Detail(w.getId(), w.getOrgId(), w.getOrgName(), w.getAssessYear(), w.getCampaignId(), w.getStatus(),
                signals(w), w.getReason(), w.getDesignatedBy(), w.getDesignatedAt(), w.getLiftedBy(), w.getLiftedAt(),
                w.getConclusion(), tasks, history, active && isSuperior(scope, w.getOrgPath()),
                active && scope.canManageMembers(), w.getVersion(), w.getRectifyYear());
    }

    /** A task of the rectification plan: the superior or the branch itself plans. */
    public Detail addTask(DataScope scope, long id, TaskForm form) {
        AssessmentWeakRecord w = visible(scope, id);
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("rectification plans are the branch's and its superior's");
        }
        List<Violation> errors = new ArrayList<>();
        String title = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.title(), "title", 200));
        String owner = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.owner(), "owner", 64));
        if (form == null || form.dueOn() == null) {
            errors.add(new Violation("dueOn", "validation.required"));
        } else if (form.dueOn().isBefore(w.getDesignatedAt().toLocalDate())) {
            errors.add(new Violation("dueOn", "assessment.weak.dueBeforeDesignation"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireActive(w);
        tx.executeWithoutResult(st -> {
            AssessmentWeakTaskRecord t = new AssessmentWeakTaskRecord();
            t.setWeakId(id);
            t.setTitle(title);
            t.setOwner(owner);
            t.setDueOn(form.dueOn());
            t.setStatus("OPEN");
            t.setCreatedBy(scope.username());
            t.setCreatedAt(OffsetDateTime.now(clock));
            AssessmentWeakTaskRecord saved = repo.insertTask(t);
            audit.success("assessment.weak.task", "assessment_weak", id, w.getOrgPath(),
                    "task " + saved.getId() + ": " + title + ", " + owner + ", due " + form.dueOn());
        });
        return detail(scope, id);
    }

    /** 整改进展: the branch reports (optionally moving one task's status). */
    public Detail report(DataScope scope, long id, ProgressForm form) {
        AssessmentWeakRecord w = visible(scope, id);
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("progress is reported by the branch");
        }
        List<Violation> errors = new ArrayList<>();
        String note = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.note(), "note", 2000));
        Long taskId = form == null ? null : form.taskId();
        String status = form == null ? null : form.taskStatus();
        if (taskId != null && repo.tasks(id).stream().noneMatch(t -> t.getId().equals(taskId))) {
            errors.add(new Violation("taskId", "assessment.weak.task.unknown"));
        }
        if (taskId != null && (status == null || !TASK_STATUSES.contains(status))) {
            errors.add(new Violation("taskStatus", "assessment.weak.task.status"));
        } else if (taskId == null && status != null) {
            errors.add(new Violation("taskId", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireActive(w);
        tx.executeWithoutResult(st -> {
            if (taskId != null) {
                repo.taskStatus(taskId, status);
            }
            repo.insertEvent(event(id, "PROGRESS", taskId, status, note, null, scope));
            audit.success("assessment.weak.progress", "assessment_weak", id, w.getOrgPath(),
                    (taskId == null ? "" : "task " + taskId + " → " + status + ": ") + note);
        });
        return detail(scope, id);
    }

    /** 摘帽 review by the superior: lifting needs a plan whose tasks are all DONE; the conclusion is kept. */
    public Detail review(DataScope scope, long id, ReviewForm form) {
        requireManager(scope);
        AssessmentWeakRecord w = visible(scope, id);
        requireSuperiorOf(scope, w.getOrgPath());
        List<Violation> errors = new ArrayList<>();
        String conclusion = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.conclusion(), "conclusion", 2000));
        if (form == null || form.lift() == null) {
            errors.add(new Violation("lift", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireActive(w);
        boolean lift = form.lift();
        if (lift) {
            List<AssessmentWeakTaskRecord> tasks = repo.tasks(id);
            if (tasks.isEmpty() || tasks.stream().anyMatch(t -> !"DONE".equals(t.getStatus()))) {
                throw new ConflictException("assessment.weak.tasksOpen");
            }
        }
        tx.executeWithoutResult(st -> {
            if (lift && !repo.lift(id, w.getVersion(), scope.username(), conclusion, OffsetDateTime.now(clock))) {
                throw new ConflictException("error.concurrentChange");
            }
            repo.insertEvent(event(id, "REVIEW", null, null, conclusion, lift, scope));
            audit.success(lift ? "assessment.weak.lift" : "assessment.weak.review", "assessment_weak", id, w.getOrgPath(),
                    (lift ? "lifted: " : "not lifted: ") + conclusion);
        });
        return detail(scope, id);
    }

    // ------------------------------------------------------------------ helpers

    private AssessmentWeakEventRecord event(long id, String kind, Long taskId, String status, String note, Boolean lifted,
                                            DataScope scope) {
        AssessmentWeakEventRecord e = new AssessmentWeakEventRecord();
        e.setWeakId(id);
        e.setKind(kind);
        e.setTaskId(taskId);
        e.setTaskStatus(status);
        e.setNote(note);
        e.setLifted(lifted);
        e.setActor(scope.username());
        e.setCreatedAt(OffsetDateTime.now(clock));
        return e;
    }

    private static List<String> signals(AssessmentWeakRecord w) {
        return w.getSignals() == null ? List.of() : List.of(w.getSignals().split(","));
    }

    private AssessmentWeakRecord visible(DataScope scope, long id) {
        requireReader(scope);
        return repo.weak(id).filter(w -> scope.covers(w.getOrgPath())).orElseThrow(() -> new NotFoundException("designation", id));
    }

    private static void requireActive(AssessmentWeakRecord w) {
        if (!"ACTIVE".equals(w.getStatus())) {
            throw new ConflictException("assessment.weak.lifted");
        }
    }

    static boolean isSuperior(DataScope scope, String path) {
        return scope.canManageOrgs() && scope.covers(path) && !scope.orgPath().equals(path);
    }

    private static void requireSuperiorOf(DataScope scope, String path) {
        if (!isSuperior(scope, path)) {
            throw new ForbiddenException("only the branch's superior designates and lifts");
        }
    }

    private static void requireReader(DataScope scope) {
        if (scope.selfOnly() || !scope.canReadOrgs()) {
            throw new ForbiddenException("weak-and-lax lists are for organizations");
        }
    }

    private static void requireManager(DataScope scope) {
        if (!scope.canManageOrgs()) {
            throw new ForbiddenException("designations are the superior's");
        }
    }
}
