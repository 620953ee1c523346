package io.zhibu.command;

import io.zhibu.audit.AuditLog;
import io.zhibu.command.DispatchViews.Board;
import io.zhibu.command.DispatchViews.ChildFigures;
import io.zhibu.command.DispatchViews.Item;
import io.zhibu.command.DispatchViews.NewItem;
import io.zhibu.command.DispatchViews.OpenTask;
import io.zhibu.command.DispatchViews.StatusChange;
import io.zhibu.command.internal.DispatchRepository;
import io.zhibu.db.tables.records.CommandDispatchItemRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import io.zhibu.supervision.Dashboard;
import io.zhibu.supervision.Dashboards;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 周调度 weekly dispatch (issue 17 point 4; seed 003 Xintian: 周调度、月通报、季考核). A level's staff see one board per
 * week: the key figures of each child organization (the supervision module's rollups for the week's month, through
 * its {@link Dashboards} API), the tasks the level has sent that are not yet all accepted with their progress, the
 * items raised at the week's dispatch meeting (owner, due date) and the earlier items, which the following weeks
 * show with their status until they are settled. Scope: the organization must lie inside the caller's scope (404
 * otherwise); only an organization's staff raise and settle items. Every write is audited.
 */
@Service
public class DispatchService {
    private static final int TASKS = 10;

    private final DispatchRepository repo;
    private final OrgService orgs;
    private final Dashboards dashboards;
    private final TaskService tasks;
    private final AuditLog audit;
    private final Clock clock;

    public DispatchService(DispatchRepository repo, OrgService orgs, Dashboards dashboards, TaskService tasks,
                           AuditLog audit, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.dashboards = dashboards;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** The Monday of the week containing {@code day} (today when null). */
    public LocalDate weekStart(LocalDate day) {
        return (day == null ? LocalDate.now(clock) : day).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The board of {@code orgId} (default the caller's organization) for the week containing {@code weekOf}. */
    @Transactional(readOnly = true)
    public Board board(DataScope scope, Long orgId, LocalDate weekOf) {
        requireStaff(scope);
        Organization org = orgs.get(scope, orgId == null ? scope.scopeOrgId() : orgId); // 404 outside the scope
        LocalDate start = weekStart(weekOf);
        String period = YearMonth.from(start).toString();
        Dashboard d = dashboards.dashboard(scope, org.id(), period, null);
        List<ChildFigures> children = d.children().stream().map(c -> new ChildFigures(c.orgId(), c.name(),
                c.figure("member.total"), c.meetingRate(), c.duesRate(), c.figure("org.term.overdue"))).toList();
        List<OpenTask> open = new ArrayList<>();
        for (TaskView t : tasks.sent(scope, 0, 100).items()) {
            if (open.size() >= TASKS) {
                break;
            }
            if (t.senderOrgId() != org.id() || t.accepted() >= t.receiverCount()) {
                continue;
            }
            TaskProgress.Figures f = tasks.progress(scope, t.id(), null).figures();
            open.add(new OpenTask(t.id(), t.title(), t.dueOn(), f.total(), f.received(), f.submitted(), f.accepted(),
                    f.overdue()));
        }
        LocalDate today = LocalDate.now(clock);
        List<Item> raised = repo.raised(org.id(), start).stream().map(r -> item(r, today)).toList();
        List<Item> carried = repo.carried(org.id(), start, start.atStartOfDay(clock.getZone()).toOffsetDateTime())
                .stream().map(r -> item(r, today)).toList();
        return new Board(org.id(), org.name(), start, start.plusDays(6), start.minusWeeks(1), start.plusWeeks(1), period,
                children, open, raised, carried);
    }

    /** Raises an item at the caller's organization's meeting of the week; returns it. */
    @Transactional
    public Item raise(DataScope scope, NewItem n) {
        requireStaff(scope);
        Organization org = orgs.get(scope, scope.scopeOrgId());
        List<Violation> errors = new ArrayList<>();
        String title = InvalidInputException.collect(errors, () -> TextInput.required(n == null ? null : n.title(), "title", 200));
        String owner = InvalidInputException.collect(errors,
                () -> TextInput.required(n == null ? null : n.ownerName(), "ownerName", 50));
        LocalDate start = weekStart(n == null ? null : n.weekOf());
        if (n == null || n.dueOn() == null) {
            errors.add(new Violation("dueOn", "validation.required"));
        } else if (n.dueOn().isBefore(start)) {
            errors.add(new Violation("dueOn", "command.dispatch.dueBeforeWeek"));
        }
        Organization ownerOrg = null;
        if (n != null && n.ownerOrgId() != null) {
            try {
                ownerOrg = orgs.get(scope, n.ownerOrgId());
            } catch (NotFoundException e) {
                ownerOrg = null;
            }
            if (ownerOrg == null || !ownerOrg.path().startsWith(org.path()) || ownerOrg.id() == org.id()) {
                errors.add(new Violation("ownerOrgId", "command.targets.unknown"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CommandDispatchItemRecord r = new CommandDispatchItemRecord();
        r.setRegionOrgId(org.regionOrgId());
        r.setOrgId(org.id());
        r.setOrgPath(org.path());
        r.setWeekStart(start);
        r.setTitle(title);
        r.setOwnerName(owner);
        r.setOwnerOrgId(ownerOrg == null ? null : ownerOrg.id());
        r.setOwnerOrgName(ownerOrg == null ? null : ownerOrg.name());
        r.setDueOn(n.dueOn());
        r.setStatus(DispatchItemStatus.OPEN);
        r.setCreatedBy(scope.username());
        r.setVersion(0);
        long id = repo.insert(r);
        audit.success("command.dispatch.raise", "dispatch-item", id, org.path(), start + " " + title + " → " + owner);
        return item(repo.item(id).orElseThrow(), LocalDate.now(clock));
    }

    /** Settles (办结 / 撤销) or reopens an item of an organization inside the caller's scope. */
    @Transactional
    public Item status(DataScope scope, long id, StatusChange c) {
        requireStaff(scope);
        CommandDispatchItemRecord r = repo.item(id).filter(x -> scope.covers(x.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("dispatch-item", id));
        List<Violation> errors = new ArrayList<>();
        if (c == null || c.status() == null) {
            errors.add(new Violation("status", "validation.required"));
        }
        String note = InvalidInputException.collect(errors, () -> TextInput.optional(c == null ? null : c.note(), "note", 500));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!r.getStatus().canMoveTo(c.status())) {
            throw new ConflictException("command.dispatch.notAllowed");
        }
        if (c.version() != null && c.version() != r.getVersion().intValue()
                || !repo.setStatus(id, r.getVersion(), c.status(), note, scope.username())) {
            throw new ConflictException("command.conflict.concurrent");
        }
        audit.success("command.dispatch.status", "dispatch-item", id, r.getOrgPath(),
                r.getTitle() + ": " + r.getStatus() + " → " + c.status());
        return item(repo.item(id).orElseThrow(), LocalDate.now(clock));
    }

    private static Item item(CommandDispatchItemRecord r, LocalDate today) {
        return new Item(r.getId(), r.getWeekStart(), r.getTitle(), r.getOwnerName(), r.getOwnerOrgId(), r.getOwnerOrgName(),
                r.getDueOn(), r.getStatus(), r.getStatusNote(),
                r.getStatus() == DispatchItemStatus.OPEN && r.getDueOn().isBefore(today), r.getVersion());
    }

    private static void requireStaff(DataScope scope) {
        if (!scope.canManageOrgs() || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's staff hold the weekly dispatch");
        }
    }
}
