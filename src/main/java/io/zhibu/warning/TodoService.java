package io.zhibu.warning;

import static io.zhibu.db.Tables.WARNING_WARNING;

import io.zhibu.db.tables.records.WarningWarningRecord;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.warning.internal.WarningRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 待办 to-do list: what the caller has to do, ordered by deadline (undated last, then the most urgent). It joins the
 * open warnings they are responsible for (a secretary: their branch's; organization staff: those of their direct
 * child organizations that need the superior, and their own organization's) with the live items of the modules'
 * {@link TodoSource}s (a secretary's development steps, a member's unpaid dues and make-up study).
 */
@Service
public class TodoService {
    static final int LIMIT = 200;
    private static final Logger log = LoggerFactory.getLogger(TodoService.class);
    /** Development deadlines come live from the development module's own to-do (with the dossier link). */
    private static final String LIVE_ELSEWHERE = WarningRule.DEV_DEADLINE.id();

    private final WarningRepository repo;
    private final ObjectProvider<TodoSource> sources;
    private final ObjectProvider<WarningDirectory> directory;
    private final Clock clock;

    private final ObjectProvider<WarningQuery> query;

    public TodoService(WarningRepository repo, ObjectProvider<TodoSource> sources,
                       ObjectProvider<WarningDirectory> directory, Clock clock, ObjectProvider<WarningQuery> query) {
        this.query = query;
        this.repo = repo;
        this.sources = sources;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TodoItem> todos(DataScope scope) {
        if (scope.role() == Role.SECURITY_ADMIN || scope.role() == Role.AUDITOR) {
            throw new ForbiddenException("no to-do list for this role");
        }
        LocalDate today = LocalDate.now(clock);
        List<TodoItem> out = new ArrayList<>(fromWarnings(scope));
        out.addAll(supervision(scope));
        for (TodoSource s : sources.orderedStream().toList()) {
            try {
                out.addAll(s.todos(scope, today));
            } catch (ForbiddenException | NotFoundException e) {
                // the source has nothing for this role or scope
            } catch (RuntimeException e) {
                log.warn("to-do source {} failed", s.getClass().getSimpleName(), e);
            }
        }
        out.sort(Comparator.comparing(TodoItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(t -> t.severity() == null ? 0 : -t.severity().rank()));
        return out.size() > LIMIT ? List.copyOf(out.subList(0, LIMIT)) : out;
    }

    /**
     * Organization departments (and the platform administrator) supervise their subtree: one to-do per rule with
     * urgent or critical open warnings below them ("督办"), linking to those warnings — grouped, never one line each.
     */
    private List<TodoItem> supervision(DataScope scope) {
        if (scope.role() != Role.ORG_STAFF && scope.role() != Role.ADMIN) {
            return List.of();
        }
        WarningQuery q = query.getIfAvailable();
        if (q == null) {
            return List.of();
        }
        Map<String, Long> byRule = new java.util.LinkedHashMap<>();
        for (WarningViews.RuleSeverityCount c : q.openCounts(scope, null)) {
            if (c.severity().rank() >= Severity.URGENT.rank()) {
                byRule.merge(c.rule(), c.count(), Long::sum);
            }
        }
        List<TodoItem> out = new ArrayList<>();
        byRule.forEach((rule, n) -> out.add(new TodoItem("supervise:" + rule, "todo.supervise",
                List.of(new TodoItem.Key("warning.rule." + rule), n), null, Severity.URGENT,
                "/warnings?rule=" + rule + "&minSeverity=" + Severity.URGENT.name(), scope.scopeOrgId())));
        return out;
    }

    /** Which open warnings the caller must act on. */
    static Condition responsible(DataScope scope) {
        var w = WARNING_WARNING;
        Condition notLive = w.RULE.ne(LIVE_ELSEWHERE);
        String p = scope.orgPath();
        return switch (scope.role()) {
            case BRANCH_SECRETARY -> p.isEmpty() ? DSL.falseCondition() : w.REGION_ORG_ID.eq(OrgPath.idAt(p, 1))
                    .and(w.ORG_PATH.ge(p)).and(w.ORG_PATH.lt(OrgPath.upperBound(p))).and(w.FOR_BRANCH.isTrue()).and(notLive);
            case ORG_STAFF -> p.isEmpty() ? DSL.falseCondition() : w.UPPER_PATH.eq(p).and(w.FOR_UPPER.isTrue())
                    .or(w.REGION_ORG_ID.eq(OrgPath.idAt(p, 1)).and(w.ORG_PATH.eq(p)).and(w.FOR_BRANCH.isTrue()))
                    .and(notLive);
            default -> DSL.falseCondition();
        };
    }

    private List<TodoItem> fromWarnings(DataScope scope) {
        List<WarningWarningRecord> rows = repo.todo(responsible(scope), LIMIT);
        if (rows.isEmpty()) {
            return List.of();
        }
        WarningDirectory d = directory.getIfAvailable();
        Map<Long, WarningDirectory.OrgRef> orgs = d == null ? Map.of()
                : d.orgs(rows.stream().map(WarningWarningRecord::getOrgId).distinct().toList());
        return rows.stream().map(w -> {
            WarningDirectory.OrgRef o = orgs.get(w.getOrgId());
            Object who = w.getSubjectName() == null ? (o == null ? "" : o.name()) : w.getSubjectName();
            var rule = new TodoItem.Key("warning.rule." + w.getRule());
            var level = new TodoItem.Key("warning.level." + w.getRule() + "." + w.getLevel());
            // 三会一课: say which meeting is missing ("支委会本期未召开"), not only that one is
            boolean typed = WarningRule.MEETING_COMPLIANCE.id().equals(w.getRule()) && w.getDetail() != null;
            return new TodoItem("warning:" + w.getRule(), typed ? "todo.warning.typed" : "todo.warning",
                    typed ? List.of(rule, level, who, new TodoItem.Key("meeting.type." + w.getDetail()))
                            : List.of(rule, level, who),
                    w.getDueOn(), w.getSeverity(), "/warnings/" + w.getId(), w.getOrgId());
        }).toList();
    }
}
