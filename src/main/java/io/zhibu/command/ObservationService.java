package io.zhibu.command;

import static io.zhibu.db.Tables.COMMAND_OBSERVATION;
import static io.zhibu.db.Tables.COMMAND_OBSERVATION_BRANCH;

import io.zhibu.audit.AuditLog;
import io.zhibu.command.ObservationViews.Listing;
import io.zhibu.command.ObservationViews.NewObservation;
import io.zhibu.command.ObservationViews.NewTemplate;
import io.zhibu.command.ObservationViews.Observation;
import io.zhibu.command.ObservationViews.Scoring;
import io.zhibu.command.ObservationViews.Sheet;
import io.zhibu.command.ObservationViews.Template;
import io.zhibu.command.ObservationViews.TemplateItem;
import io.zhibu.command.internal.ObservationRepository;
import io.zhibu.command.internal.ProjectRepository;
import io.zhibu.db.tables.records.CommandObservationBranchRecord;
import io.zhibu.db.tables.records.CommandObservationRecord;
import io.zhibu.db.tables.records.CommandObservationScoreRecord;
import io.zhibu.db.tables.records.CommandObservationTemplateItemRecord;
import io.zhibu.db.tables.records.CommandObservationTemplateRecord;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 观摩 on-site observation (issue 17 point 5; Jiaozuo's 观摩, Ulanqab's 现场拉练). A level's staff keep scoring
 * templates (评分表: items with maximum points, configurable per level; a level may use its ancestors'), plan a
 * visit (which branches below it, when, who observes, which template), fill one scoring sheet per visited branch
 * (points per item, comment, a photo) and publish: the branches then see their sheet, and each scored sheet is
 * announced as {@link ObservationScored} for the assessment module. Scope: the owner side covers the planning
 * organization; a visited branch's scope sees its own sheet; anything else is 404. Every write is audited.
 */
@Service
public class ObservationService {
    private static final int MAX_ITEMS = 30;

    private final ObservationRepository repo;
    private final TargetResolver resolver;
    private final OrgService orgs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final FileStore files;
    private final UploadCheck uploads;
    private final Clock clock;

    public ObservationService(ObservationRepository repo, TargetResolver resolver, OrgService orgs, AuditLog audit,
                              ApplicationEventPublisher events, FileStore files, UploadCheck uploads, Clock clock) {
        this.repo = repo;
        this.resolver = resolver;
        this.orgs = orgs;
        this.audit = audit;
        this.events = events;
        this.files = files;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** A scoring template of the caller's organization; returns its id. */
    @Transactional
    public long template(DataScope scope, NewTemplate n) {
        requireStaff(scope);
        List<Violation> errors = new ArrayList<>();
        String name = InvalidInputException.collect(errors, () -> TextInput.required(n == null ? null : n.name(), "name", 100));
        List<String> labels = new ArrayList<>();
        List<Integer> max = new ArrayList<>();
        List<TemplateItem> items = n == null || n.items() == null ? List.of() : n.items();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            errors.add(new Violation("items", "command.observation.items", MAX_ITEMS));
        }
        for (int i = 0; i < items.size() && i < MAX_ITEMS; i++) {
            TemplateItem it = items.get(i);
            String field = "items[" + i + "]";
            String label = InvalidInputException.collect(errors, () -> TextInput.required(it == null ? null : it.label(),
                    field + ".label", 200));
            if (it == null || it.maxPoints() == null || it.maxPoints() < 1 || it.maxPoints() > 100) {
                errors.add(new Violation(field + ".maxPoints", "command.observation.maxPoints"));
            }
            labels.add(label);
            max.add(it == null ? null : it.maxPoints());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization org = orgs.get(scope, scope.scopeOrgId());
        CommandObservationTemplateRecord t = new CommandObservationTemplateRecord();
        t.setOrgId(org.id());
        t.setOrgPath(org.path());
        t.setName(name);
        t.setCreatedBy(scope.username());
        long id = repo.insertTemplate(t, labels, max);
        audit.success("command.observation.template", "observation-template", id, org.path(), name + " " + labels.size());
        return id;
    }

    /** Plans a visit of branches below the caller's organization; returns its id. */
    @Transactional
    public long plan(DataScope scope, NewObservation n) {
        requireStaff(scope);
        List<Violation> errors = new ArrayList<>();
        String title = InvalidInputException.collect(errors, () -> TextInput.required(n == null ? null : n.title(), "title", 100));
        String observers = InvalidInputException.collect(errors,
                () -> TextInput.required(n == null ? null : n.observers(), "observers", 500));
        LocalDate today = LocalDate.now(clock);
        if (n == null || n.visitOn() == null) {
            errors.add(new Violation("visitOn", "validation.required"));
        } else if (n.visitOn().isBefore(today.minusYears(1)) || n.visitOn().isAfter(today.plusYears(1))) {
            errors.add(new Violation("visitOn", "command.observation.visitOn"));
        }
        CommandObservationTemplateRecord template = n == null || n.templateId() == null ? null
                : repo.template(n.templateId()).filter(t -> usable(scope, t)).orElse(null);
        if (template == null) {
            errors.add(new Violation("templateId", n == null || n.templateId() == null ? "validation.required"
                    : "command.observation.template"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization org = orgs.get(scope, scope.scopeOrgId());
        TargetResolver.Resolved branches;
        try {
            branches = resolver.resolve(scope, org, new TaskTargets(n.branchIds(), null, null, null, null));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(v -> new Violation(
                    v.field().startsWith("targets") ? "branchIds" : v.field(), v.code(), v.args())).toList());
        }
        CommandObservationRecord o = new CommandObservationRecord();
        o.setRegionOrgId(org.regionOrgId());
        o.setOrgId(org.id());
        o.setOrgPath(org.path());
        o.setOrgName(org.name());
        o.setTitle(title);
        o.setVisitOn(n.visitOn());
        o.setObservers(observers);
        o.setTemplateId(template.getId());
        o.setStatus(ObservationStatus.PLANNED);
        o.setCreatedBy(scope.username());
        long id = repo.insert(o, branches.list());
        audit.success("command.observation.plan", "observation", id, org.path(),
                n.visitOn() + " " + title + " → " + branches.list().size());
        return id;
    }

    /** The templates the caller may use and the visits it sees (planned inside its scope, or visiting it). */
    @Transactional(readOnly = true)
    public Listing list(DataScope scope) {
        requireReader(scope);
        List<Template> templates = scope.canManageOrgs() ? templates(repo.templates(paths(scope), scope.orgPath()))
                : List.of();
        List<Observation> out = new ArrayList<>();
        for (CommandObservationRecord o : repo.visible(scope.orgPath(), 200)) {
            out.add(view(scope, o, false));
        }
        return new Listing(templates, out);
    }

    /** One visit with the sheets the caller may see, or 404. */
    @Transactional(readOnly = true)
    public Observation get(DataScope scope, long id) {
        requireReader(scope);
        return view(scope, visible(scope, id), true);
    }

    /** The owner fills (or corrects, until published) one visited branch's sheet. */
    @Transactional
    public Sheet score(DataScope scope, long id, long orgId, Scoring s) {
        requireStaff(scope);
        CommandObservationRecord o = owned(scope, id);
        CommandObservationBranchRecord b = repo.branch(id, orgId).orElseThrow(() -> new NotFoundException("observation", id));
        List<CommandObservationTemplateItemRecord> items = repo.items(List.of(o.getTemplateId()));
        List<Violation> errors = new ArrayList<>();
        List<Integer> points = s == null || s.points() == null ? List.of() : s.points();
        if (points.size() != items.size()) {
            errors.add(new Violation("points", "command.observation.points", items.size()));
        } else {
            for (int i = 0; i < points.size(); i++) {
                Integer p = points.get(i);
                if (p == null || p < 0 || p > items.get(i).getMaxPoints()) {
                    errors.add(new Violation("points[" + i + "]", "command.observation.point", items.get(i).getMaxPoints()));
                }
            }
        }
        String comment = InvalidInputException.collect(errors, () -> TextInput.optional(s == null ? null : s.comment(), "comment", 2000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (o.getStatus() != ObservationStatus.PLANNED) {
            throw new ConflictException("command.observation.published");
        }
        BigDecimal total = BigDecimal.valueOf(points.stream().mapToInt(Integer::intValue).sum());
        repo.score(id, orgId, points, total, comment, scope.username());
        audit.success("command.observation.score", "observation", id, b.getOrgPath(), b.getOrgName() + " " + total);
        return sheet(repo.branch(id, orgId).orElseThrow(), points, true);
    }

    /** The owner attaches a photo (JPEG or PNG) to one visited branch's sheet. */
    @Transactional
    public Sheet photo(DataScope scope, long id, long orgId, String fileName, byte[] bytes) {
        requireStaff(scope);
        CommandObservationRecord o = owned(scope, id);
        CommandObservationBranchRecord b = repo.branch(id, orgId).orElseThrow(() -> new NotFoundException("observation", id));
        if (o.getStatus() != ObservationStatus.PLANNED) {
            throw new ConflictException("command.observation.published");
        }
        String type = uploads.check("file", fileName, bytes, FileType.PHOTOS).contentType();
        String name = TextInput.optional(fileName, "file", 200);
        String key = "command/observations/" + id + "/" + orgId + "-" + UUID.randomUUID();
        files.put(key, bytes);
        repo.photo(id, orgId, key, name == null ? "photo" : name, type);
        audit.success("command.observation.photo", "observation", id, b.getOrgPath(), b.getOrgName() + " " + name);
        return sheets(o, List.of(repo.branch(id, orgId).orElseThrow()), true).getFirst();
    }

    /** The photo of a sheet, for the owner and, once published, the branch's scope. */
    @Transactional(readOnly = true)
    public ProjectService.Evidence photoContent(DataScope scope, long id, long orgId) {
        requireReader(scope);
        CommandObservationRecord o = visible(scope, id);
        boolean owner = owner(scope, o);
        CommandObservationBranchRecord b = repo.branch(id, orgId)
                .filter(x -> owner || scope.covers(x.getOrgPath()) && o.getStatus() == ObservationStatus.PUBLISHED)
                .filter(x -> x.getPhotoKey() != null).orElseThrow(() -> new NotFoundException("photo", id));
        byte[] bytes = files.get(b.getPhotoKey()).orElseThrow(() -> new NotFoundException("photo", id));
        return new ProjectService.Evidence(b.getPhotoName(), b.getPhotoType(), bytes);
    }

    /** 公布: the branches see their sheets; each scored sheet is announced as {@link ObservationScored}. */
    @Transactional
    public Observation publish(DataScope scope, long id) {
        requireStaff(scope);
        CommandObservationRecord o = owned(scope, id);
        if (!repo.publish(id, scope.username())) {
            throw new ConflictException("command.observation.published");
        }
        int max = repo.items(List.of(o.getTemplateId())).stream().mapToInt(CommandObservationTemplateItemRecord::getMaxPoints).sum();
        long scored = 0;
        for (CommandObservationBranchRecord b : repo.branches(id, o.getOrgPath())) {
            if (b.getTotal() != null) {
                scored++;
                events.publishEvent(new ObservationScored(o.getVisitOn().getYear(), id, b.getOrgId(), b.getOrgPath(),
                        b.getOrgName(), b.getTotal(), max));
            }
        }
        audit.success("command.observation.publish", "observation", id, o.getOrgPath(), o.getTitle() + ": " + scored);
        return get(scope, id);
    }

    /** Published, scored sheets of branches below {@code subtreePath} visited in {@code year}: facts for assessment. */
    @Transactional(readOnly = true)
    public List<ObservationScored> results(int year, String subtreePath) {
        List<ObservationScored> out = new ArrayList<>();
        Map<Long, Integer> max = new java.util.HashMap<>();
        for (var x : repo.results(year, subtreePath)) {
            CommandObservationBranchRecord b = x.into(COMMAND_OBSERVATION_BRANCH);
            long template = x.get(COMMAND_OBSERVATION.TEMPLATE_ID);
            int m = max.computeIfAbsent(template, t -> repo.items(List.of(t)).stream()
                    .mapToInt(CommandObservationTemplateItemRecord::getMaxPoints).sum());
            out.add(new ObservationScored(year, b.getObservationId(), b.getOrgId(), b.getOrgPath(), b.getOrgName(),
                    b.getTotal(), m));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------

    private Observation view(DataScope scope, CommandObservationRecord o, boolean withSheets) {
        boolean owner = owner(scope, o);
        Template t = templates(repo.template(o.getTemplateId()).stream().toList()).getFirst();
        List<Sheet> sheets = withSheets ? sheets(o, repo.branches(o.getId(), owner ? o.getOrgPath() : scope.orgPath()), owner)
                : List.of();
        return new Observation(o.getId(), o.getOrgId(), o.getOrgName(), o.getTitle(), o.getVisitOn(), o.getObservers(),
                o.getStatus(), t, sheets, owner);
    }

    private List<Sheet> sheets(CommandObservationRecord o, List<CommandObservationBranchRecord> rows, boolean owner) {
        boolean result = owner || o.getStatus() == ObservationStatus.PUBLISHED;
        Map<Long, List<Integer>> points = result ? repo.scores(o.getId()).stream().collect(Collectors.groupingBy(
                CommandObservationScoreRecord::getOrgId, Collectors.mapping(CommandObservationScoreRecord::getPoints,
                        Collectors.toList()))) : Map.of();
        return rows.stream().map(b -> sheet(b, points.getOrDefault(b.getOrgId(), List.of()), result)).toList();
    }

    private static Sheet sheet(CommandObservationBranchRecord b, List<Integer> points, boolean result) {
        return new Sheet(b.getOrgId(), b.getOrgName(), result ? points : List.of(), result ? b.getTotal() : null,
                result ? b.getComment() : null, result ? b.getPhotoName() : null, b.getTotal() != null);
    }

    private List<Template> templates(List<CommandObservationTemplateRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TemplateItem>> items = repo.items(rows.stream().map(CommandObservationTemplateRecord::getId).toList())
                .stream().collect(Collectors.groupingBy(CommandObservationTemplateItemRecord::getTemplateId,
                        Collectors.mapping(i -> new TemplateItem(i.getLabel(), i.getMaxPoints()), Collectors.toList())));
        return rows.stream().map(t -> {
            List<TemplateItem> its = items.getOrDefault(t.getId(), List.of());
            return new Template(t.getId(), t.getOrgId(), t.getName(), its,
                    its.stream().mapToInt(TemplateItem::maxPoints).sum());
        }).toList();
    }

    private static List<String> paths(DataScope scope) {
        List<String> p = new ArrayList<>(ProjectRepository.ancestors(scope.orgPath()));
        p.add(scope.orgPath());
        return p;
    }

    /** A template of the caller's level, of an ancestor, or of an organization inside the caller's scope. */
    private static boolean usable(DataScope scope, CommandObservationTemplateRecord t) {
        return scope.covers(t.getOrgPath()) || scope.orgPath().startsWith(t.getOrgPath());
    }

    private static boolean owner(DataScope scope, CommandObservationRecord o) {
        return scope.canManageOrgs() && scope.covers(o.getOrgPath());
    }

    private CommandObservationRecord visible(DataScope scope, long id) {
        CommandObservationRecord o = repo.observation(id).orElseThrow(() -> new NotFoundException("observation", id));
        if (owner(scope, o) || !repo.branches(id, scope.orgPath()).isEmpty()) {
            return o;
        }
        throw new NotFoundException("observation", id);
    }

    private CommandObservationRecord owned(DataScope scope, long id) {
        return repo.observation(id).filter(o -> owner(scope, o)).orElseThrow(() -> new NotFoundException("observation", id));
    }

    private static void requireStaff(DataScope scope) {
        if (!scope.canManageOrgs() || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's staff plan and score observations");
        }
    }

    private static void requireReader(DataScope scope) {
        if (scope.scopeOrgId() == null || !scope.canManageOrgs() && scope.role() != Role.BRANCH_SECRETARY) {
            throw new ForbiddenException("only an organization's staff or secretary read observations");
        }
    }
}
