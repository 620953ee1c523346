package io.zhibu.command;

import static io.zhibu.db.Tables.COMMAND_DEBRIEF_REPORT;
import static io.zhibu.db.Tables.COMMAND_DEBRIEF_ROUND;

import io.zhibu.audit.AuditLog;
import io.zhibu.command.DebriefViews.Board;
import io.zhibu.command.DebriefViews.Filing;
import io.zhibu.command.DebriefViews.Grading;
import io.zhibu.command.DebriefViews.Listing;
import io.zhibu.command.DebriefViews.NewDebrief;
import io.zhibu.command.DebriefViews.Report;
import io.zhibu.command.DebriefViews.Round;
import io.zhibu.command.internal.DebriefRepository;
import io.zhibu.db.tables.records.CommandDebriefGradeRecord;
import io.zhibu.db.tables.records.CommandDebriefReportRecord;
import io.zhibu.db.tables.records.CommandDebriefRoundRecord;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 述职评议考核 (issue 17 point 7). A superior organization's staff open a year's round for organizations below
 * them (targets as a task's, {@link TargetResolver}); each target's secretary files a written report (述职报告); the
 * round's owner records the evaluators' grades (上级领导 / 党员代表, 好/较好/一般/差), each grade rescoring the report
 * by rule D1 ({@link DebriefScoring}); publishing shows the results to the targets and announces every overall 差
 * ({@link SecretaryGradedPoor}). Scope: the owner side sees rounds opened inside its scope; an organization sees its
 * own report rows (results once published). Anything else is 404. Every write is audited.
 */
@Service
public class DebriefService {
    private static final int LIMIT = 500;

    private final DebriefRepository repo;
    private final TargetResolver resolver;
    private final OrgService orgs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final DebriefScoring scoring;
    private final Clock clock;

    public DebriefService(DebriefRepository repo, TargetResolver resolver, OrgService orgs, AuditLog audit,
                          ApplicationEventPublisher events, DebriefProperties properties, Clock clock) {
        this.repo = repo;
        this.resolver = resolver;
        this.orgs = orgs;
        this.audit = audit;
        this.events = events;
        this.scoring = new DebriefScoring(properties);
        this.clock = clock;
    }

    /** Opens the caller's organization's round for {@code year} (last year or this year); returns its id. */
    @Transactional
    public long open(DataScope scope, NewDebrief n) {
        requireOwner(scope);
        if (n == null || n.year() == null) {
            throw InvalidInputException.of("year", "validation.required");
        }
        int thisYear = today().getYear();
        if (n.year() < thisYear - 1 || n.year() > thisYear) {
            throw InvalidInputException.of("year", "command.debrief.year", thisYear - 1, thisYear);
        }
        Organization owner = orgs.get(scope, scope.scopeOrgId());
        TargetResolver.Resolved targets = resolver.resolve(scope, owner, n.targets());
        CommandDebriefRoundRecord r = new CommandDebriefRoundRecord();
        r.setRegionOrgId(owner.regionOrgId());
        r.setOrgId(owner.id());
        r.setOrgPath(owner.path());
        r.setOrgName(owner.name());
        r.setDebriefYear(n.year());
        r.setStatus(DebriefRoundStatus.OPEN);
        r.setTargetSummary(targets.summary());
        r.setTargetCount(targets.list().size());
        r.setCreatedBy(scope.username());
        long id = repo.insertRound(r);
        repo.insertReports(id, targets.list());
        audit.success("command.debrief.open", "debrief", id, owner.path(),
                n.year() + " → " + targets.list().size() + " (" + targets.summary() + ")");
        return id;
    }

    /** 提交述职报告: the caller's organization files (or revises, until graded) its report. */
    @Transactional
    public Report file(DataScope scope, long roundId, Filing f) {
        requireTarget(scope);
        CommandDebriefReportRecord row = ownRow(scope, roundId);
        CommandDebriefRoundRecord round = repo.round(roundId).orElseThrow(() -> new NotFoundException("debrief", roundId));
        String text = TextInput.required(f == null ? null : f.text(), "text", 8000);
        if (round.getStatus() != DebriefRoundStatus.OPEN) {
            throw new ConflictException("command.debrief.published");
        }
        if (row.getOverallGrade() != null) {
            throw new ConflictException("command.debrief.graded");
        }
        if (f.version() != null && f.version() != row.getVersion().intValue()) {
            throw new ConflictException("command.conflict.concurrent");
        }
        if (!repo.file(roundId, row.getOrgId(), row.getVersion(), text, today(), scope.username())) {
            throw new ConflictException("command.conflict.concurrent");
        }
        audit.success("command.debrief.file", "debrief", roundId, row.getOrgPath(), row.getOrgName());
        return report(repo.report(roundId, row.getOrgId()).orElseThrow(), round, grades(roundId, List.of(row.getOrgId())),
                false);
    }

    /** 评议: the round's owner records one evaluator's grade of one filed report; the report is rescored (D1). */
    @Transactional
    public Report grade(DataScope scope, long roundId, long orgId, Grading g) {
        requireOwner(scope);
        CommandDebriefRoundRecord round = ownedRound(scope, roundId);
        CommandDebriefReportRecord row = repo.report(roundId, orgId).orElseThrow(() -> new NotFoundException("debrief", roundId));
        List<Violation> errors = new ArrayList<>();
        String evaluator = InvalidInputException.collect(errors,
                () -> TextInput.required(g == null ? null : g.evaluator(), "evaluator", 50));
        if (g == null || g.kind() == null) {
            errors.add(new Violation("kind", "validation.required"));
        }
        if (g == null || g.grade() == null) {
            errors.add(new Violation("grade", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (round.getStatus() != DebriefRoundStatus.OPEN) {
            throw new ConflictException("command.debrief.published");
        }
        if (row.getSubmittedOn() == null) {
            throw new ConflictException("command.debrief.notFiled");
        }
        repo.putGrade(roundId, orgId, evaluator, g.kind(), g.grade(), scope.username());
        List<CommandDebriefGradeRecord> all = repo.grades(roundId, List.of(orgId));
        DebriefScoring.Result result = scoring.score(all.stream().map(x -> new DebriefScoring.Vote(
                x.getEvaluatorKind(), x.getGrade())).toList());
        repo.setResult(roundId, orgId, result == null ? null : result.score(),
                result == null ? null : result.grade());
        audit.success("command.debrief.grade", "debrief", roundId, round.getOrgPath(),
                row.getOrgName() + ": " + evaluator + " (" + g.kind() + ") " + g.grade()
                        + (result == null ? "" : " → " + result.score() + " " + result.grade()));
        return report(repo.report(roundId, orgId).orElseThrow(), round, grades(roundId, List.of(orgId)), true);
    }

    /** 公布: results become visible to the targets; every overall 差 is announced as {@link SecretaryGradedPoor}. */
    @Transactional
    public Board publish(DataScope scope, long roundId) {
        requireOwner(scope);
        CommandDebriefRoundRecord round = ownedRound(scope, roundId);
        if (!repo.publish(roundId, scope.username())) {
            throw new ConflictException("command.debrief.published");
        }
        List<CommandDebriefReportRecord> rows = repo.reports(roundId);
        long poor = 0;
        for (CommandDebriefReportRecord r : rows) {
            if (r.getOverallGrade() == DebriefGrade.POOR) {
                poor++;
                events.publishEvent(new SecretaryGradedPoor(round.getDebriefYear(), roundId, r.getOrgId(), r.getOrgPath(),
                        r.getOrgName(), r.getScore()));
            }
        }
        audit.success("command.debrief.publish", "debrief", roundId, round.getOrgPath(),
                round.getDebriefYear() + ": " + rows.size() + " reports, " + poor + " 差");
        return board(scope, roundId);
    }

    /**
     * The rounds the caller runs (opened inside its scope; {@code orgId}: opened by that organization) and the
     * report rows of organizations in its scope ({@code orgId}: that organization's history).
     */
    @Transactional(readOnly = true)
    public Listing list(DataScope scope, Integer year, Long orgId) {
        if (scope.scopeOrgId() == null || !scope.canManageOrgs() && scope.role() != Role.BRANCH_SECRETARY) {
            throw new ForbiddenException("only an organization's staff or secretary read debriefs");
        }
        String path = scope.orgPath();
        if (orgId != null) {
            path = orgs.get(scope, orgId).path(); // 404 outside the scope
        }
        List<Round> rounds = scope.canManageOrgs()
                ? repo.rounds(scope.orgPath(), year, orgId, LIMIT).stream().map(this::round).toList() : List.of();
        List<Report> reports = new ArrayList<>();
        for (var x : repo.reportsWithin(path, year, orgId, LIMIT)) {
            CommandDebriefRoundRecord round = x.into(COMMAND_DEBRIEF_ROUND);
            CommandDebriefReportRecord row = x.into(COMMAND_DEBRIEF_REPORT);
            boolean owner = scope.canManageOrgs() && scope.covers(round.getOrgPath());
            reports.add(report(row, round, owner || published(round)
                    ? grades(round.getId(), List.of(row.getOrgId())) : Map.of(), owner));
        }
        return new Listing(rounds, reports);
    }

    /** One round with all its reports: the owner's board. */
    @Transactional(readOnly = true)
    public Board board(DataScope scope, long roundId) {
        requireOwner(scope);
        CommandDebriefRoundRecord round = ownedRound(scope, roundId);
        List<CommandDebriefReportRecord> rows = repo.reports(roundId);
        Map<Long, List<DebriefViews.Grade>> grades = grades(roundId, rows.stream().map(CommandDebriefReportRecord::getOrgId).toList());
        return new Board(round(round, rows), rows.stream().map(r -> report(r, round, grades, true)).toList());
    }

    /** The caller's organization's report in one round (result once published), or 404. */
    @Transactional(readOnly = true)
    public Report own(DataScope scope, long roundId) {
        requireTarget(scope);
        CommandDebriefReportRecord row = ownRow(scope, roundId);
        CommandDebriefRoundRecord round = repo.round(roundId).orElseThrow(() -> new NotFoundException("debrief", roundId));
        return report(row, round, published(round) ? grades(roundId, List.of(row.getOrgId())) : Map.of(), false);
    }

    /**
     * Published overall 差 results below {@code subtreePath} in {@code year}: the weak-and-lax candidate facts
     * (one per organization and round) for the assessment module.
     */
    @Transactional(readOnly = true)
    public List<SecretaryGradedPoor> poorGrades(int year, String subtreePath) {
        return repo.poor(year, subtreePath).stream().map(r -> new SecretaryGradedPoor(year, r.getRoundId(), r.getOrgId(),
                r.getOrgPath(), r.getOrgName(), r.getScore())).toList();
    }

    private Round round(CommandDebriefRoundRecord r) {
        return round(r, repo.reports(r.getId()));
    }

    private static Round round(CommandDebriefRoundRecord r, List<CommandDebriefReportRecord> rows) {
        long filed = rows.stream().filter(x -> x.getSubmittedOn() != null).count();
        long graded = rows.stream().filter(x -> x.getOverallGrade() != null).count();
        long poor = rows.stream().filter(x -> x.getOverallGrade() == DebriefGrade.POOR).count();
        return new Round(r.getId(), r.getDebriefYear(), r.getOrgId(), r.getOrgName(),
                r.getStatus(), r.getTargetSummary(), r.getTargetCount(), filed, graded, poor,
                r.getCreatedAt(), r.getPublishedAt());
    }

    private static boolean published(CommandDebriefRoundRecord r) {
        return r.getStatus() == DebriefRoundStatus.PUBLISHED;
    }

    /** A report as the caller may see it: the owner sees everything, the organization its result once published. */
    private static Report report(CommandDebriefReportRecord r, CommandDebriefRoundRecord round,
                                 Map<Long, List<DebriefViews.Grade>> grades, boolean owner) {
        boolean result = owner || published(round);
        return new Report(round.getId(), round.getDebriefYear(), round.getOrgName(),
                round.getStatus(), r.getOrgId(), r.getOrgName(), r.getReport(),
                r.getSubmittedOn(), result ? r.getScore() : null,
                result ? r.getOverallGrade() : null,
                result ? grades.getOrDefault(r.getOrgId(), List.of()) : List.of(), r.getVersion(), owner);
    }

    private Map<Long, List<DebriefViews.Grade>> grades(long roundId, List<Long> orgIds) {
        if (orgIds.isEmpty()) {
            return Map.of();
        }
        return repo.grades(roundId, orgIds).stream().collect(Collectors.groupingBy(CommandDebriefGradeRecord::getOrgId,
                Collectors.mapping(g -> new DebriefViews.Grade(g.getEvaluator(), g.getEvaluatorKind(),
                        g.getGrade()), Collectors.toList())));
    }

    /** A round opened inside the caller's scope, or 404. */
    private CommandDebriefRoundRecord ownedRound(DataScope scope, long id) {
        return repo.round(id).filter(r -> scope.covers(r.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("debrief", id));
    }

    /** The caller's organization's report row of the round, or 404. */
    private CommandDebriefReportRecord ownRow(DataScope scope, long roundId) {
        if (scope.scopeOrgId() == null) {
            throw new NotFoundException("debrief", roundId);
        }
        return repo.report(roundId, scope.scopeOrgId()).orElseThrow(() -> new NotFoundException("debrief", roundId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireOwner(DataScope scope) {
        if (!scope.canManageOrgs() || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's staff run a debrief round");
        }
    }

    private static void requireTarget(DataScope scope) {
        if ((scope.role() != Role.BRANCH_SECRETARY && scope.role() != Role.ORG_STAFF) || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's secretary or staff file its report");
        }
    }
}
