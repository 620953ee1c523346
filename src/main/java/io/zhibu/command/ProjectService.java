package io.zhibu.command;

import static io.zhibu.db.Tables.COMMAND_PROJECT;
import static io.zhibu.db.Tables.COMMAND_PROJECT_ORG;

import io.zhibu.audit.AuditLog;
import io.zhibu.command.ProjectViews.Board;
import io.zhibu.command.ProjectViews.Book;
import io.zhibu.command.ProjectViews.Dispatch;
import io.zhibu.command.ProjectViews.Evaluation;
import io.zhibu.command.ProjectViews.NewDispatch;
import io.zhibu.command.ProjectViews.NewProject;
import io.zhibu.command.ProjectViews.OrgBoard;
import io.zhibu.command.ProjectViews.Participation;
import io.zhibu.command.ProjectViews.Plan;
import io.zhibu.command.ProjectViews.Progress;
import io.zhibu.command.internal.ProjectRepository;
import io.zhibu.command.internal.TaskRepository.Target;
import io.zhibu.db.tables.records.CommandProjectDispatchRecord;
import io.zhibu.db.tables.records.CommandProjectOrgRecord;
import io.zhibu.db.tables.records.CommandProjectRecord;
import io.zhibu.db.tables.records.CommandProjectReportRecord;
import io.zhibu.shared.files.FileStore;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import io.zhibu.shared.upload.FileType;
import io.zhibu.shared.upload.UploadCheck;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 项目书 the project book (issue 17 point 6; seed 002 Ulanqab). An organization's staff publish a year's catalogue
 * (code, 重点/基础/创新, goal, standard, measures, responsible department) for their subtree: a basic project applies
 * to every organization of one type, a key project is assigned, an innovation project is claimed (认领). Each
 * carrying organization files its plan (responsible leader, measures, milestones, deadline), reports its progress
 * every quarter with evidence, and is scored at the year-end evaluation, which announces {@link ProjectEvaluated}.
 * The owner records the half-year dispatch meetings. Each organization's project follows rule P1
 * ({@link ProjectStateMachine}).
 * <p>Scope: a project is visible to the staff whose scope covers its owner, and below the owner to the
 * organizations that carry it (an innovation project: to every organization that may claim it); rows are shown
 * inside the caller's scope only. Anything else is 404. Every write is audited.
 */
@Service
public class ProjectService {
    private static final int TEXT = 2000;

    private final ProjectRepository repo;
    private final TargetResolver resolver;
    private final OrgService orgs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final FileStore files;
    private final UploadCheck uploads;
    private final Clock clock;
    private final long maxBytes;

    public ProjectService(ProjectRepository repo, TargetResolver resolver, OrgService orgs, AuditLog audit,
                          ApplicationEventPublisher events, FileStore files, UploadCheck uploads, Clock clock,
                          @Value("${zhibu.command.max-evidence-bytes:20971520}") long maxBytes) {
        this.repo = repo;
        this.resolver = resolver;
        this.orgs = orgs;
        this.audit = audit;
        this.events = events;
        this.files = files;
        this.uploads = uploads;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Adds a project to the caller's organization's catalogue of {@code year}; returns its id. */
    @Transactional
    public long create(DataScope scope, NewProject n) {
        requireOwner(scope);
        if (n == null) {
            throw InvalidInputException.of("title", "validation.required");
        }
        List<Violation> errors = new ArrayList<>();
        int thisYear = today().getYear();
        if (n.year() == null) {
            errors.add(new Violation("year", "validation.required"));
        } else if (n.year() < thisYear - 1 || n.year() > thisYear + 1) {
            errors.add(new Violation("year", "command.project.year", thisYear - 1, thisYear + 1));
        }
        String code = InvalidInputException.collect(errors, () -> TextInput.required(n.code(), "code", 20));
        String title = InvalidInputException.collect(errors, () -> TextInput.required(n.title(), "title", 100));
        String goal = InvalidInputException.collect(errors, () -> TextInput.required(n.goal(), "goal", TEXT));
        String standard = InvalidInputException.collect(errors, () -> TextInput.optional(n.standard(), "standard", TEXT));
        String measures = InvalidInputException.collect(errors, () -> TextInput.optional(n.measures(), "measures", TEXT));
        String department = InvalidInputException.collect(errors,
                () -> TextInput.required(n.department(), "department", 100));
        if (n.kind() == null) {
            errors.add(new Violation("kind", "validation.required"));
        } else if (n.kind() == ProjectKind.BASIC && n.appliesTo() == null) {
            errors.add(new Violation("appliesTo", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization owner = orgs.get(scope, scope.scopeOrgId());
        if (repo.codeTaken(owner.id(), n.year(), code)) {
            throw InvalidInputException.of("code", "command.project.codeTaken");
        }
        List<Target> carriers = switch (n.kind()) {
            case KEY -> resolver.resolve(scope, owner, n.targets()).list();
            case BASIC -> resolver.resolve(scope, owner, new TaskTargets(null, owner.id(), null, n.appliesTo(), null)).list();
            case INNOVATION -> List.of();
        };
        CommandProjectRecord r = new CommandProjectRecord();
        r.setRegionOrgId(owner.regionOrgId());
        r.setOrgId(owner.id());
        r.setOrgPath(owner.path());
        r.setOrgName(owner.name());
        r.setProjectYear(n.year());
        r.setCode(code);
        r.setKind(n.kind());
        r.setTitle(title);
        r.setGoal(goal);
        r.setStandard(standard);
        r.setMeasures(measures);
        r.setDepartment(department);
        r.setAppliesTo(n.kind() == ProjectKind.BASIC ? n.appliesTo() : null);
        r.setCreatedBy(scope.username());
        long id = repo.insert(r);
        repo.insertCarriers(id, carriers);
        audit.success("command.project.create", "project", id, owner.path(),
                n.year() + " " + code + " " + n.kind() + " " + title + " → " + carriers.size());
        return id;
    }

    /** The year's catalogue the caller sees, its own organization's projects and the dispatch records. */
    @Transactional(readOnly = true)
    public Book book(DataScope scope, Integer year) {
        requireReader(scope);
        int y = year == null ? today().getYear() : year;
        List<CommandProjectRecord> projects = repo.visible(scope.orgPath(), y);
        Map<Long, List<CommandProjectOrgRecord>> rows = projects.isEmpty() ? Map.of()
                : repo.rows(projects.stream().map(CommandProjectRecord::getId).toList(), scope.orgPath()).stream()
                        .collect(Collectors.groupingBy(CommandProjectOrgRecord::getProjectId));
        List<ProjectViews.Project> out = projects.stream()
                .map(p -> project(scope, p, rows.getOrDefault(p.getId(), List.of()))).toList();
        List<Participation> mine = participations(repo.rowsOf(scope.scopeOrgId(), y));
        List<Dispatch> dispatches = repo.dispatches(scope.orgPath(), y).stream().map(ProjectService::dispatch).toList();
        return new Book(y, out, mine, dispatches);
    }

    /** One project with the rows inside the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public Board board(DataScope scope, long id) {
        requireReader(scope);
        CommandProjectRecord p = visible(scope, id);
        List<CommandProjectOrgRecord> rows = repo.rows(id, owner(scope, p) ? p.getOrgPath() : scope.orgPath());
        return new Board(project(scope, p, rows), participations(p, rows));
    }

    /** One organization's projects of a year (404 outside the caller's scope). */
    @Transactional(readOnly = true)
    public OrgBoard orgBoard(DataScope scope, long orgId, Integer year) {
        requireReader(scope);
        Organization org = orgs.get(scope, orgId);
        int y = year == null ? today().getYear() : year;
        List<Participation> rows = participations(repo.rowsOf(orgId, y));
        long completed = rows.stream().filter(r -> ProjectStateMachine.completed(r.state())).count();
        BigDecimal total = rows.stream().map(Participation::score).filter(s -> s != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrgBoard(org.id(), org.name(), y, rows, completed, total);
    }

    /**
     * 认领 / 推进计划: the caller's organization claims an innovation project issued above it, or files (revises)
     * its plan of a project it carries (rule P1).
     */
    @Transactional
    public Participation plan(DataScope scope, long id, Plan plan) {
        requireCarrier(scope);
        CommandProjectRecord p = visible(scope, id);
        List<Violation> errors = new ArrayList<>();
        String leader = InvalidInputException.collect(errors,
                () -> TextInput.required(plan == null ? null : plan.leader(), "leader", 50));
        String measures = InvalidInputException.collect(errors,
                () -> TextInput.required(plan == null ? null : plan.measures(), "measures", TEXT));
        String milestones = InvalidInputException.collect(errors,
                () -> TextInput.optional(plan == null ? null : plan.milestones(), "milestones", TEXT));
        LocalDate deadline = plan == null ? null : plan.deadline();
        if (deadline == null) {
            errors.add(new Violation("deadline", "validation.required"));
        } else if (deadline.getYear() != p.getProjectYear()) {
            errors.add(new Violation("deadline", "command.project.deadline", p.getProjectYear()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Optional<CommandProjectOrgRecord> row = repo.row(id, scope.scopeOrgId());
        if (row.isEmpty()) {
            if (p.getKind() != ProjectKind.INNOVATION || !above(p, scope.orgPath())) {
                throw new NotFoundException("project", id);
            }
            Organization org = orgs.get(scope, scope.scopeOrgId());
            CommandProjectOrgRecord r = new CommandProjectOrgRecord();
            r.setProjectId(id);
            r.setOrgId(org.id());
            r.setRegionOrgId(org.regionOrgId());
            r.setOrgPath(org.path());
            r.setOrgName(org.name());
            r.setState(ProjectState.CLAIMED);
            r.setLeader(leader);
            r.setMeasures(measures);
            r.setMilestones(milestones);
            r.setDeadline(deadline);
            r.setClaimedBy(scope.username());
            r.setVersion(0);
            repo.claim(r);
            audit.success("command.project.claim", "project", id, org.path(), p.getCode() + " " + org.name() + " " + leader);
        } else {
            CommandProjectOrgRecord r = row.get();
            ProjectState to = ProjectStateMachine.next(p.getKind(), r.getState(), ProjectAction.PLAN);
            checkVersion(plan.version(), r);
            if (!repo.plan(id, r.getOrgId(), r.getVersion(), to, leader, measures, milestones, deadline, scope.username())) {
                throw new ConflictException("command.conflict.concurrent");
            }
            audit.success("command.project.plan", "project", id, r.getOrgPath(), p.getCode() + " " + r.getOrgName() + " " + leader);
        }
        return own(scope, p);
    }

    /** 撤回认领: the caller's organization gives up an innovation claim it has not reported on (rule P1). */
    @Transactional
    public Participation withdraw(DataScope scope, long id) {
        requireCarrier(scope);
        CommandProjectRecord p = visible(scope, id);
        CommandProjectOrgRecord r = repo.row(id, scope.scopeOrgId()).orElseThrow(() -> new NotFoundException("project", id));
        ProjectState to = ProjectStateMachine.next(p.getKind(), r.getState(), ProjectAction.WITHDRAW);
        if (!repo.setState(id, r.getOrgId(), r.getVersion(), to)) {
            throw new ConflictException("command.conflict.concurrent");
        }
        audit.success("command.project.withdraw", "project", id, r.getOrgPath(), p.getCode() + " " + r.getOrgName());
        return own(scope, p);
    }

    /** 季度进展: the caller's organization reports a quarter (again: replaces that quarter's text) (rule P1). */
    @Transactional
    public Participation report(DataScope scope, long id, Progress progress) {
        requireCarrier(scope);
        CommandProjectRecord p = visible(scope, id);
        CommandProjectOrgRecord r = repo.row(id, scope.scopeOrgId()).orElseThrow(() -> new NotFoundException("project", id));
        List<Violation> errors = new ArrayList<>();
        Integer quarter = progress == null ? null : progress.quarter();
        if (quarter == null) {
            errors.add(new Violation("quarter", "validation.required"));
        } else if (quarter < 1 || quarter > 4 || !quarterBegun(p.getProjectYear(), quarter)) {
            errors.add(new Violation("quarter", "command.project.quarter"));
        }
        String text = InvalidInputException.collect(errors,
                () -> TextInput.required(progress == null ? null : progress.progress(), "progress", 4000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean done = Boolean.TRUE.equals(progress.done());
        ProjectState to = ProjectStateMachine.next(p.getKind(), r.getState(),
                done ? ProjectAction.REPORT_DONE : ProjectAction.REPORT);
        if (!repo.setState(id, r.getOrgId(), r.getVersion(), to)) {
            throw new ConflictException("command.conflict.concurrent");
        }
        repo.putReport(id, r.getOrgId(), quarter, text, done, scope.username());
        audit.success("command.project.report", "project", id, r.getOrgPath(),
                p.getCode() + " " + r.getOrgName() + " Q" + quarter + (done ? " done" : ""));
        return own(scope, p);
    }

    /** Attaches the evidence (photo, PDF, office file) to the caller's organization's report of one quarter. */
    @Transactional
    public Participation evidence(DataScope scope, long id, int quarter, String fileName, byte[] bytes) {
        requireCarrier(scope);
        CommandProjectRecord p = visible(scope, id);
        CommandProjectOrgRecord r = repo.row(id, scope.scopeOrgId()).orElseThrow(() -> new NotFoundException("project", id));
        if (repo.report(id, r.getOrgId(), quarter).isEmpty()) {
            throw new ConflictException("command.project.noReport");
        }
        if (bytes != null && bytes.length > maxBytes) {
            throw InvalidInputException.of("file", "command.file.tooLarge", maxBytes / (1024 * 1024));
        }
        String type = uploads.check("file", fileName, bytes, FileType.DOCUMENTS).contentType();
        String name = TextInput.optional(fileName, "file", 200);
        String key = "command/projects/" + id + "/" + r.getOrgId() + "/q" + quarter + "-" + UUID.randomUUID();
        store(key, bytes);
        repo.setEvidence(id, r.getOrgId(), quarter, key, name == null ? "evidence" : name, type);
        audit.success("command.project.evidence", "project", id, r.getOrgPath(),
                p.getCode() + " " + r.getOrgName() + " Q" + quarter + " " + name);
        return own(scope, p);
    }

    /** The evidence of one quarter's report, for the project's owner and the scopes covering the organization. */
    @Transactional(readOnly = true)
    public Evidence evidenceContent(DataScope scope, long id, long orgId, int quarter) {
        requireReader(scope);
        CommandProjectRecord p = visible(scope, id);
        CommandProjectOrgRecord r = repo.row(id, orgId).filter(x -> owner(scope, p) || scope.covers(x.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("project", id));
        CommandProjectReportRecord rep = repo.report(id, r.getOrgId(), quarter).filter(x -> x.getFileKey() != null)
                .orElseThrow(() -> new NotFoundException("evidence", id));
        byte[] bytes = files.get(rep.getFileKey()).orElseThrow(() -> new NotFoundException("evidence", id));
        return new Evidence(rep.getFileName(), rep.getContentType(), bytes);
    }

    /** The evidence file of a report. */
    public record Evidence(String fileName, String contentType, byte[] bytes) {
    }

    /** 年终评价: the project's owner scores one organization's project (rule P1); announced as a fact. */
    @Transactional
    public Participation evaluate(DataScope scope, long id, long orgId, Evaluation e) {
        requireOwner(scope);
        CommandProjectRecord p = visible(scope, id);
        if (!owner(scope, p)) {
            throw new ForbiddenException("only the project's owner evaluates it");
        }
        CommandProjectOrgRecord r = repo.row(id, orgId).orElseThrow(() -> new NotFoundException("project", id));
        List<Violation> errors = new ArrayList<>();
        BigDecimal score = e == null ? null : e.score();
        if (score == null) {
            errors.add(new Violation("score", "validation.required"));
        } else if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 2) {
            errors.add(new Violation("score", "command.project.score"));
        }
        String comment = InvalidInputException.collect(errors,
                () -> TextInput.optional(e == null ? null : e.comment(), "comment", 1000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean completed = ProjectStateMachine.completed(r.getState());
        ProjectStateMachine.next(p.getKind(), r.getState(), ProjectAction.EVALUATE);
        if (!repo.evaluate(id, orgId, r.getVersion(), score, comment, scope.username())) {
            throw new ConflictException("command.conflict.concurrent");
        }
        audit.success("command.project.evaluate", "project", id, r.getOrgPath(),
                p.getCode() + " " + r.getOrgName() + " " + score + (completed ? " completed" : ""));
        events.publishEvent(new ProjectEvaluated(p.getProjectYear(), id, p.getCode(), p.getKind(), orgId, r.getOrgPath(),
                r.getOrgName(), completed, score));
        return participation(p, repo.row(id, orgId).orElseThrow(),
                reports(List.of(id), List.of(orgId)).getOrDefault(id + ":" + orgId, List.of()));
    }

    /** 半年调度: records a dispatch meeting of the caller's organization's catalogue. */
    @Transactional
    public Dispatch dispatch(DataScope scope, NewDispatch d) {
        requireOwner(scope);
        List<Violation> errors = new ArrayList<>();
        if (d == null || d.year() == null) {
            errors.add(new Violation("year", "validation.required"));
        }
        if (d == null || d.heldOn() == null) {
            errors.add(new Violation("heldOn", "validation.required"));
        } else if (d.year() != null && d.heldOn().getYear() != d.year()) {
            errors.add(new Violation("heldOn", "command.project.deadline", d.year()));
        } else if (d.heldOn().isAfter(today())) {
            errors.add(new Violation("heldOn", "command.project.heldOnFuture"));
        }
        String notes = InvalidInputException.collect(errors, () -> TextInput.required(d == null ? null : d.notes(), "notes", 4000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization owner = orgs.get(scope, scope.scopeOrgId());
        CommandProjectDispatchRecord r = new CommandProjectDispatchRecord();
        r.setOrgId(owner.id());
        r.setOrgPath(owner.path());
        r.setProjectYear(d.year());
        r.setHeldOn(d.heldOn());
        r.setNotes(notes);
        r.setCreatedBy(scope.username());
        long id = repo.insertDispatch(r);
        audit.success("command.project.dispatch", "project-dispatch", id, owner.path(), d.year() + " " + d.heldOn());
        r.setId(id);
        return dispatch(r);
    }

    /** The evaluated projects below {@code subtreePath} in {@code year}: the facts for the assessment module. */
    @Transactional(readOnly = true)
    public List<ProjectEvaluated> results(int year, String subtreePath) {
        java.util.Set<String> done = repo.doneKeys(year, subtreePath);
        return repo.evaluated(year, subtreePath).stream().map(x -> {
            CommandProjectRecord p = x.into(COMMAND_PROJECT);
            CommandProjectOrgRecord r = x.into(COMMAND_PROJECT_ORG);
            return new ProjectEvaluated(year, p.getId(), p.getCode(), p.getKind(), r.getOrgId(), r.getOrgPath(),
                    r.getOrgName(), done.contains(p.getId() + ":" + r.getOrgId()), r.getScore());
        }).toList();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The project if the caller sees it (owner side, or a carrier / claimer below the owner), else 404. */
    private CommandProjectRecord visible(DataScope scope, long id) {
        CommandProjectRecord p = repo.project(id).orElseThrow(() -> new NotFoundException("project", id));
        if (owner(scope, p)) {
            return p;
        }
        if (above(p, scope.orgPath())
                && (p.getKind() == ProjectKind.INNOVATION || repo.carriedWithin(id, scope.orgPath()))) {
            return p;
        }
        throw new NotFoundException("project", id);
    }

    private static boolean owner(DataScope scope, CommandProjectRecord p) {
        return scope.canManageOrgs() && scope.covers(p.getOrgPath());
    }

    /** Whether the project was issued strictly above {@code path}. */
    private static boolean above(CommandProjectRecord p, String path) {
        return path != null && path.startsWith(p.getOrgPath()) && path.length() > p.getOrgPath().length();
    }

    private ProjectViews.Project project(DataScope scope, CommandProjectRecord p, List<CommandProjectOrgRecord> rows) {
        long planned = rows.stream().filter(r -> r.getState() != ProjectState.ASSIGNED && r.getState() != ProjectState.WITHDRAWN).count();
        long completed = rows.stream().filter(r -> ProjectStateMachine.completed(r.getState())).count();
        List<BigDecimal> scores = rows.stream().map(CommandProjectOrgRecord::getScore).filter(s -> s != null).toList();
        BigDecimal avg = scores.isEmpty() ? null : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
        ProjectState mine = rows.stream().filter(r -> r.getOrgId().equals(scope.scopeOrgId())).findFirst()
                .map(CommandProjectOrgRecord::getState).orElse(null);
        boolean claimable = p.getKind() == ProjectKind.INNOVATION && mine == null && above(p, scope.orgPath())
                && (scope.role() == Role.BRANCH_SECRETARY || scope.role() == Role.ORG_STAFF);
        return new ProjectViews.Project(p.getId(), p.getProjectYear(), p.getOrgId(), p.getOrgName(), p.getCode(),
                p.getKind(), p.getTitle(), p.getGoal(), p.getStandard(), p.getMeasures(), p.getDepartment(),
                p.getAppliesTo(), rows.stream().filter(r -> r.getState() != ProjectState.WITHDRAWN).count(), planned,
                completed, scores.size(), avg, mine, owner(scope, p), claimable);
    }

    private Participation own(DataScope scope, CommandProjectRecord p) {
        CommandProjectOrgRecord r = repo.row(p.getId(), scope.scopeOrgId()).orElseThrow();
        return participation(p, r, reports(List.of(p.getId()), List.of(r.getOrgId()))
                .getOrDefault(p.getId() + ":" + r.getOrgId(), List.of()));
    }

    private List<Participation> participations(CommandProjectRecord p, List<CommandProjectOrgRecord> rows) {
        Map<String, List<ProjectViews.Report>> reports = rows.size() > 500 ? Map.of()
                : reports(List.of(p.getId()), rows.stream().map(CommandProjectOrgRecord::getOrgId).toList());
        return rows.stream().map(r -> participation(p, r, reports.getOrDefault(p.getId() + ":" + r.getOrgId(), List.of())))
                .toList();
    }

    private List<Participation> participations(List<org.jooq.Record> joined) {
        if (joined.isEmpty()) {
            return List.of();
        }
        List<Long> ids = joined.stream().map(x -> x.get(COMMAND_PROJECT.ID)).toList();
        long orgId = joined.getFirst().get(COMMAND_PROJECT_ORG.ORG_ID);
        Map<String, List<ProjectViews.Report>> reports = reports(ids, List.of(orgId));
        return joined.stream().map(x -> {
            CommandProjectRecord p = x.into(COMMAND_PROJECT);
            CommandProjectOrgRecord r = x.into(COMMAND_PROJECT_ORG);
            return participation(p, r, reports.getOrDefault(p.getId() + ":" + r.getOrgId(), List.of()));
        }).toList();
    }

    private Map<String, List<ProjectViews.Report>> reports(List<Long> projectIds, List<Long> orgIds) {
        return repo.reports(projectIds, orgIds).stream().collect(Collectors.groupingBy(
                x -> x.getProjectId() + ":" + x.getOrgId(), Collectors.mapping(x -> new ProjectViews.Report(x.getQuarter(),
                        x.getProgress(), x.getDone(), x.getFileName(), x.getReportedAt().atZoneSameInstant(clock.getZone())
                        .toLocalDate()), Collectors.toList())));
    }

    private static Participation participation(CommandProjectRecord p, CommandProjectOrgRecord r,
                                               List<ProjectViews.Report> reports) {
        return new Participation(p.getId(), p.getProjectYear(), p.getCode(), p.getTitle(), p.getKind(), r.getOrgId(),
                r.getOrgName(), r.getState(), r.getLeader(), r.getMeasures(), r.getMilestones(), r.getDeadline(),
                r.getScore(), r.getEvaluation(), reports, r.getVersion());
    }

    private static Dispatch dispatch(CommandProjectDispatchRecord d) {
        return new Dispatch(d.getId(), d.getProjectYear(), d.getOrgId(), d.getHeldOn(), d.getNotes(), d.getCreatedBy());
    }

    private static void checkVersion(Integer version, CommandProjectOrgRecord r) {
        if (version != null && version != r.getVersion().intValue()) {
            throw new ConflictException("command.conflict.concurrent");
        }
    }

    /** A quarter may be reported once it has begun. */
    private boolean quarterBegun(int year, int quarter) {
        return !LocalDate.of(year, (quarter - 1) * 3 + 1, 1).isAfter(today());
    }

    private void store(String key, byte[] bytes) {
        files.put(key, bytes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        files.delete(key);
                    }
                }
            });
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireOwner(DataScope scope) {
        if (!scope.canManageOrgs() || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's staff run its project book");
        }
    }

    private static void requireReader(DataScope scope) {
        if (scope.scopeOrgId() == null || !scope.canManageOrgs() && scope.role() != Role.BRANCH_SECRETARY) {
            throw new ForbiddenException("only an organization's staff or secretary read the project book");
        }
    }

    private static void requireCarrier(DataScope scope) {
        if ((scope.role() != Role.BRANCH_SECRETARY && scope.role() != Role.ORG_STAFF) || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's secretary or staff carry its projects");
        }
    }
}
