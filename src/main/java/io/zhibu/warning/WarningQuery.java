package io.zhibu.warning;

import static io.zhibu.db.Tables.WARNING_WARNING;

import io.zhibu.db.tables.records.WarningWarningRecord;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.warning.WarningViews.*;
import io.zhibu.warning.internal.WarningRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of the warnings, always limited to the caller's subtree (others' warnings answer 404): the list and
 * detail with history, and the figures the supervision module builds on — open warnings by rule and severity per
 * subtree, and warnings opened and closed in a period.
 */
@Service
public class WarningQuery {
    private final WarningRepository repo;
    private final ObjectProvider<WarningDirectory> directory;

    public WarningQuery(WarningRepository repo, ObjectProvider<WarningDirectory> directory) {
        this.repo = repo;
        this.directory = directory;
    }

    /** Warnings are for secretaries, organization staff and administrators (members see their to-do list). */
    static void requireReader(DataScope scope) {
        if (scope.selfOnly() || !scope.canManageMembers()) {
            throw new ForbiddenException("warnings are for secretaries and superiors");
        }
    }

    /** The path of {@code orgId} if the caller's scope covers it, else 404; null orgId = the scope itself. */
    String subtree(DataScope scope, Long orgId) {
        if (orgId == null) {
            return scope.orgPath();
        }
        WarningDirectory d = directory.getIfAvailable();
        WarningDirectory.OrgRef ref = d == null ? null : d.org(orgId).orElse(null);
        if (ref == null || !scope.covers(ref.path())) {
            throw new NotFoundException("organization", orgId);
        }
        return ref.path();
    }

    /** Open warnings of the subtree of {@code orgId} (null = the caller's scope) per rule and severity. */
    @Transactional(readOnly = true)
    public List<RuleSeverityCount> openCounts(DataScope scope, Long orgId) {
        requireReader(scope);
        return counts(repo.openCounts(subtree(scope, orgId)));
    }

    /** Warnings opened and closed in [from, to] (inclusive) in the subtree, per rule and severity. */
    @Transactional(readOnly = true)
    public PeriodCounts openedAndClosed(DataScope scope, Long orgId, LocalDate from, LocalDate to) {
        requireReader(scope);
        List<io.zhibu.shared.Violation> v = new java.util.ArrayList<>();
        if (from == null) {
            v.add(new io.zhibu.shared.Violation("from", "warning.period.required"));
        }
        if (to == null) {
            v.add(new io.zhibu.shared.Violation("to", "warning.period.required"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            v.add(new io.zhibu.shared.Violation("to", "warning.period.order"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String path = subtree(scope, orgId);
        return new PeriodCounts(orgId == null ? scope.scopeOrgIdOrZero() : orgId, from, to,
                counts(repo.countsBetween(path, WARNING_WARNING.OPENED_ON, from, to)),
                counts(repo.countsBetween(path, WARNING_WARNING.CLOSED_ON, from, to)));
    }

    private static List<RuleSeverityCount> counts(List<? extends org.jooq.Record5<String, Severity, Integer, Long, Long>> rows) {
        return rows.stream().map(r -> new RuleSeverityCount(r.value1(), r.value2(), r.value4())).toList();
    }

    @Transactional(readOnly = true)
    public Page<Warning> list(DataScope scope, Filter f, Integer page, Integer size) {
        requireReader(scope);
        String sub = f == null || f.orgId() == null ? null : subtree(scope, f.orgId());
        if (f != null && f.rule() != null && WarningRule.byId(f.rule()).isEmpty()) {
            throw InvalidInputException.of("rule", "warning.rule.unknown");
        }
        var c = repo.filter(scope.orgPath(), sub, f == null ? null : f.rule(), f == null ? null : f.minSeverity(),
                f == null ? null : f.status());
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        return new Page<>(views(repo.list(c, p, s)), p, s, repo.count(c));
    }

    @Transactional(readOnly = true)
    public Detail get(DataScope scope, long id) {
        requireReader(scope);
        WarningWarningRecord w = scoped(scope, id);
        return new Detail(views(List.of(w)).getFirst(), repo.history(id).stream().map(e -> new HistoryEntry(
                e.getEventType(), e.getFromLevel(), e.getToLevel(), e.getOnDate(), e.getActor(), e.getNote(),
                e.getCreatedAt())).toList());
    }

    WarningWarningRecord scoped(DataScope scope, long id) {
        return repo.find(id).filter(w -> scope.covers(w.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("warning", id));
    }

    List<Warning> views(List<WarningWarningRecord> rows) {
        WarningDirectory d = directory.getIfAvailable();
        Map<Long, WarningDirectory.OrgRef> orgs = d == null || rows.isEmpty() ? Map.of()
                : d.orgs(rows.stream().map(WarningWarningRecord::getOrgId).distinct().toList());
        return rows.stream().map(w -> view(w, orgs.get(w.getOrgId()))).toList();
    }

    static Warning view(WarningWarningRecord w, WarningDirectory.OrgRef org) {
        return new Warning(w.getId(), w.getRule(), WarningRule.byId(w.getRule()).map(WarningRule::ruleRef).orElse(null),
                w.getOrgId(), org == null ? null : org.name(), w.getMemberId(), w.getSubjectName(), w.getLevel(),
                w.getSeverity(), w.getDueOn(), w.getDetail(), w.getStatus(),
                w.getOpenedOn(), w.getAcknowledgedAt(), w.getAcknowledgedBy(), w.getAckNote(), w.getClosedOn(),
                w.getForBranch(), w.getForUpper(), w.getVersion());
    }
}
