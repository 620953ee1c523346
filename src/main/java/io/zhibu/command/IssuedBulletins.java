package io.zhibu.command;

import io.zhibu.audit.AuditLog;
import io.zhibu.command.internal.BulletinRepository;
import io.zhibu.db.tables.records.CommandBulletinRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.supervision.Bulletin;
import io.zhibu.supervision.Bulletins;
import io.zhibu.supervision.Dashboards;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 印发通报 (issue 17 point 3): the monthly bulletin or quarterly assessment sheet of the supervision module
 * ({@link Bulletins}) issued as a numbered document (督通〔year〕n号) for one organization and period, once; the
 * branches it names as lagging (三会一课 or dues below the thresholds) receive one rectification task (整改任务),
 * due {@code zhibu.command.rectification-days} (default 15) days later, reply with their measures, and the issuer
 * closes each reply on the task's board (accept, or return for more).
 */
@Service
public class IssuedBulletins {
    private final BulletinRepository repo;
    private final Bulletins bulletins;
    private final TaskService tasks;
    private final io.zhibu.command.internal.TaskRepository taskRows;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final int rectificationDays;

    public IssuedBulletins(BulletinRepository repo, Bulletins bulletins, TaskService tasks,
                           io.zhibu.command.internal.TaskRepository taskRows, OrgService orgs, AuditLog audit,
                           Clock clock, @Value("${zhibu.command.rectification-days:15}") int rectificationDays) {
        this.repo = repo;
        this.taskRows = taskRows;
        this.bulletins = bulletins;
        this.tasks = tasks;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
        this.rectificationDays = rectificationDays;
    }

    @Transactional
    public IssuedBulletin issue(DataScope scope, IssueBulletin req) {
        requireIssuer(scope);
        if (req == null || req.period() == null || req.period().isBlank()) {
            throw InvalidInputException.of("period", "validation.required");
        }
        Organization org;
        try {
            org = orgs.get(scope, req.orgId() == null ? scope.scopeOrgId() : req.orgId());
        } catch (NotFoundException e) {
            throw InvalidInputException.of("orgId", "command.targets.unknown");
        }
        Bulletin b = bulletins.bulletin(scope, org.id(), req.period().strip());
        if (repo.exists(org.id(), b.period())) {
            throw new ConflictException("command.conflict.bulletinIssued", b.period());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = req.dueOn() == null ? today.plusDays(rectificationDays) : req.dueOn();
        TaskDeadlines.checkDueOn(due, today, null);
        Set<Long> lagging = new LinkedHashSet<>();
        Stream.concat(b.laggingMeetings().stream(), b.laggingDues().stream()).map(Dashboards.BranchRank::orgId)
                .forEach(lagging::add);
        lagging.remove(org.id());
        int n = repo.issuedSince(org.id(), OffsetDateTime.of(today.getYear(), 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)) + 1;
        CommandBulletinRecord r = new CommandBulletinRecord();
        r.setRegionOrgId(org.regionOrgId());
        r.setOrgId(org.id());
        r.setOrgPath(org.path());
        r.setOrgName(org.name());
        r.setPeriod(b.period());
        r.setKind(b.kind());
        r.setNumber(String.format("督通〔%d〕%d号", today.getYear(), n));
        r.setLaggingCount(lagging.size());
        r.setIssuedBy(scope.username());
        long id = repo.insert(r);
        if (!lagging.isEmpty()) {
            Organization sender = orgs.get(scope, scope.scopeOrgId());
            String title = "整改：" + org.name() + " " + b.period() + " 通报";
            String content = org.name() + " " + b.period() + " 通报（" + r.getNumber() + "）将你单位列为落后（三会一课落实率低于 "
                    + b.meetingThreshold() / 10 + "% 或党费收缴率低于 " + b.duesThreshold() / 10
                    + "%）。请于期限内反馈整改措施和完成情况。";
            long task = tasks.sendFrom(scope, sender, new NewTask(title.length() > 100 ? title.substring(0, 100) : title,
                    content, due, FeedbackKind.TEXT, new TaskTargets(new ArrayList<>(lagging), null, null, null, null)));
            repo.setTask(id, task);
        }
        audit.success("command.bulletin.issue", "bulletin", id, org.path(), r.getNumber() + " " + b.period() + " lagging "
                + lagging.size());
        return view(repo.find(id));
    }

    /** Bulletins issued for organizations inside the caller's scope, newest first. */
    @Transactional(readOnly = true)
    public List<IssuedBulletin> list(DataScope scope) {
        requireIssuer(scope);
        return repo.within(scope.orgPath(), Page.MAX_SIZE).stream().map(this::view).toList();
    }

    /** A bulletin with what became of the previous one's rectification (the branches accepted on its task). */
    private IssuedBulletin view(CommandBulletinRecord r) {
        IssuedBulletin.Rectified previous = repo.previous(r.getOrgId(), r.getId()).map(p -> new IssuedBulletin.Rectified(
                p.getId(), p.getNumber(), p.getPeriod(), p.getLaggingCount(), p.getRectificationTaskId() == null ? 0
                        : taskRows.acceptedCounts(java.util.List.of(p.getRectificationTaskId()))
                        .getOrDefault(p.getRectificationTaskId(), 0L), p.getRectificationTaskId())).orElse(null);
        return new IssuedBulletin(r.getId(), r.getOrgId(), r.getOrgName(), r.getPeriod(), r.getKind(), r.getNumber(),
                r.getLaggingCount(), r.getRectificationTaskId(), r.getIssuedBy(), r.getIssuedAt(), previous);
    }

    private static void requireIssuer(DataScope scope) {
        if (!scope.canManageOrgs() || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's staff issue bulletins");
        }
    }
}
