package io.zhibu.serving;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.ServingVisitPlanRecord;
import io.zhibu.member.AgeBand;
import io.zhibu.member.MemberDirectory;
import io.zhibu.member.MemberFilter;
import io.zhibu.member.MemberService;
import io.zhibu.member.MemberSummary;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.serving.internal.VisitPlanRepository;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 走访慰问 (issue 21 point 4): the visit list of members aged {@code zhibu.serving.elderly-age} (80) or older, computed
 * from their birth dates (the roster's, from the ID number), with their next birthday and whether they were visited
 * this year; the branch's yearly visit plan (member, why, month), one line per member and kind and year, done when a
 * visit of that kind is recorded in the year; the elderly can be put on the plan in one step. Private to the branch
 * committee and its superiors, as the other care records.
 */
@Service
public class VisitPlanService {
    /**
     * At most this many elderly members are listed for one organization (a branch has far fewer; a county's list
     * is cut here — each line reads the member's birth date, one primary-key read).
     */
    static final int MAX_ELDERLY = 200;
    private final VisitPlanRepository repo;
    private final OrgService orgs;
    private final MemberService members;
    private final MemberDirectory directory;
    private final CareProperties props;
    private final AuditLog audit;
    private final Clock clock;

    public VisitPlanService(VisitPlanRepository repo, OrgService orgs, MemberService members, MemberDirectory directory,
                            CareProperties props, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.members = members;
        this.directory = directory;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
    }

    public record Elder(long memberId, String name, long orgId, String orgName, int age, LocalDate nextBirthday,
                        int turning, LocalDate visitedOn, boolean planned) {
    }

    public record PlanLine(long id, int year, long memberId, String memberName, long orgId, VisitKind kind, int month,
                           String note, LocalDate visitedOn, boolean done) {
    }

    public record PlanForm(Long memberId, VisitKind kind, Integer month, String note, Integer year) {
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireCarer(DataScope scope) {
        if (scope.selfOnly() || !(scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY)) {
            throw new ForbiddenException("care records are for the branch committee and its superiors");
        }
    }

    /** Members of the subtree aged {@code elderlyAge} or more, by next birthday. */
    @Transactional(readOnly = true)
    public List<Elder> elderly(DataScope scope, Long orgId) {
        requireCarer(scope);
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        LocalDate today = today();
        List<MemberSummary> old = new ArrayList<>();
        for (int p = 0; old.size() < MAX_ELDERLY; p++) {
            var page = members.search(scope, new MemberFilter(root.id() == 0 ? null : root.id(), null, null, null,
                    AgeBand.OVER_65, null, null), p, Page.MAX_SIZE);
            page.items().stream().filter(m -> m.age() >= props.elderlyAge()).forEach(old::add);
            if (page.items().size() < Page.MAX_SIZE) {
                break;
            }
        }
        int year = today.getYear();
        Map<String, LocalDate> visited = repo.visitedIn(old.stream().map(MemberSummary::id).toList(), year);
        List<Elder> out = new ArrayList<>();
        for (MemberSummary m : old.subList(0, Math.min(old.size(), MAX_ELDERLY))) {
            LocalDate birth = members.get(scope, m.id()).birthDate();
            LocalDate next = MonthDay.from(birth).atYear(year);
            if (next.isBefore(today)) {
                next = MonthDay.from(birth).atYear(year + 1);
            }
            LocalDate last = visited.get(m.id() + ":" + VisitKind.ELDERLY.name());
            out.add(new Elder(m.id(), m.name(), m.orgId(), m.orgName(), m.age(), next, next.getYear() - birth.getYear(), last,
                    repo.line(year, m.id(), VisitKind.ELDERLY).isPresent()));
        }
        out.sort(Comparator.comparing(Elder::nextBirthday).thenComparing(Elder::name));
        return out;
    }

    /** Birthdays of the branch's elderly members within the reminder window (the secretary's to-dos). */
    @Transactional(readOnly = true)
    public List<Elder> birthdaysSoon(DataScope scope, long branchId) {
        LocalDate until = today().plusDays(props.remindDays());
        return elderly(scope, branchId).stream().filter(e -> e.orgId() == branchId && !e.nextBirthday().isAfter(until)).toList();
    }

    @Transactional(readOnly = true)
    public Page<PlanLine> plan(DataScope scope, Long orgId, Integer year, Integer page, Integer size) {
        requireCarer(scope);
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        int y = year != null ? year : today().getYear();
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        return new Page<>(lines(repo.page(root.path(), y, p * s, s), y), p, s, repo.count(root.path(), y));
    }

    private List<PlanLine> lines(List<ServingVisitPlanRecord> rows, int year) {
        Map<String, LocalDate> visited = repo.visitedIn(rows.stream().map(ServingVisitPlanRecord::getMemberId).distinct().toList(), year);
        return rows.stream().map(r -> {
            LocalDate v = visited.get(r.getMemberId() + ":" + r.getKind().name());
            return new PlanLine(r.getId(), r.getPlanYear(), r.getMemberId(), r.getMemberName(), r.getOrgId(), r.getKind(),
                    r.getPlannedMonth(), r.getNote(), v, v != null);
        }).toList();
    }

    /** Puts a member on the year's plan (refused when the member already has a line of that kind in the year). */
    @Transactional
    public PlanLine add(DataScope scope, PlanForm f) {
        requireCarer(scope);
        if (f == null || f.memberId() == null) {
            throw InvalidInputException.of("memberId", "validation.required");
        }
        var m = directory.accountFacts(List.of(f.memberId())).stream().filter(x -> scope.covers(x.orgPath()) && !x.exited())
                .findFirst().orElseThrow(() -> new NotFoundException("member", f.memberId()));
        List<Violation> errors = new ArrayList<>();
        int year = f.year() != null ? f.year() : today().getYear();
        if (year < today().getYear() || year > today().getYear() + 1) {
            errors.add(new Violation("year", "serving.plan.year"));
        }
        if (f.kind() == null) {
            errors.add(new Violation("kind", "validation.required"));
        }
        if (f.month() == null || f.month() < 1 || f.month() > 12) {
            errors.add(new Violation("month", "serving.plan.month.invalid"));
        }
        String note = InvalidInputException.collect(errors, () -> TextInput.optional(f.note(), "note", 200));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ServingVisitPlanRecord r = line(year, m.memberId(), m.name(), m.orgId(), m.orgPath(), f.kind(), f.month(), note, scope);
        if (!repo.insert(r)) {
            throw InvalidInputException.of("memberId", "serving.plan.exists");
        }
        ServingVisitPlanRecord stored = repo.line(year, m.memberId(), f.kind()).orElseThrow();
        audit.success("serving.plan.add", "serving-visit-plan", stored.getId(), m.orgPath(), m.name() + " " + year + "-" + f.month());
        return lines(List.of(stored), year).getFirst();
    }

    /** Puts every member aged {@code elderlyAge}+ of the subtree not yet planned on the year's plan, in their birthday month. */
    @Transactional
    public int planElderly(DataScope scope, Long orgId, Integer year) {
        requireCarer(scope);
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        int y = year != null ? year : today().getYear();
        if (y < today().getYear() || y > today().getYear() + 1) {
            throw InvalidInputException.of("year", "serving.plan.year");
        }
        List<Elder> old = elderly(scope, root.id());
        var facts = directory.accountFacts(old.stream().map(Elder::memberId).toList());
        int added = 0;
        for (Elder e : old) {
            var m = facts.stream().filter(x -> x.memberId() == e.memberId()).findFirst().orElse(null);
            if (m == null) {
                continue;
            }
            if (repo.insert(line(y, e.memberId(), e.name(), e.orgId(), m.orgPath(), VisitKind.ELDERLY,
                    e.nextBirthday().getMonthValue(), null, scope))) {
                added++;
            }
        }
        audit.success("serving.plan.elderly", "organization", root.id(), root.path(), y + ": " + added);
        return added;
    }

    private ServingVisitPlanRecord line(int year, long memberId, String name, long orgId, String orgPath, VisitKind kind,
                                        int month, String note, DataScope scope) {
        ServingVisitPlanRecord r = repo.newLine();
        r.setPlanYear(year);
        r.setMemberId(memberId);
        r.setMemberName(name);
        r.setOrgId(orgId);
        r.setOrgPath(orgPath);
        r.setKind(kind);
        r.setPlannedMonth(month);
        r.setNote(note);
        r.setCreatedBy(scope.username());
        r.setCreatedAt(OffsetDateTime.now(clock));
        return r;
    }

    /** A branch's plan lines due by this month and not yet visited (the secretary's to-dos). */
    @Transactional(readOnly = true)
    public List<PlanLine> openNow(long branchId) {
        LocalDate today = today();
        return lines(repo.openUntil(branchId, today.getYear(), today.getMonthValue(), 30), today.getYear());
    }
}
