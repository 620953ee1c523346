package io.zhibu.serving;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.ServingTalkRecord;
import io.zhibu.db.tables.records.ServingVisitRecord;
import io.zhibu.member.MemberDirectory;
import io.zhibu.member.MemberService;
import io.zhibu.member.RosterLine;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.serving.internal.ServingRepository;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 暖心工程 care for members (issue 21 point 3). 五必谈 talks ({@link CareProperties}) are raised by roster events or
 * added by the branch; the secretary records them (date, people, topic, outcome). Talks and visits are private to
 * the branch committee (the branch's secretary) and its superiors (organization staff covering the branch): members
 * never see them (404). Reminders: 光荣在党 50 年 and the political birthday (入党纪念日) from the roster's joining dates.
 */
@Service
public class CareService {
    /** The newest lines a board shows (a county's year held 700 KB of them at 500; not yet paged). */
    private static final int LIMIT = 100;
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private final ServingRepository repo;
    private final OrgService orgs;
    private final MemberDirectory directory;
    private final MemberService members;
    private final CareProperties props;
    private final AuditLog audit;
    private final Clock clock;

    public CareService(ServingRepository repo, OrgService orgs, MemberDirectory directory, MemberService members,
                       CareProperties props, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.directory = directory;
        this.members = members;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
    }

    public record Talk(long id, long memberId, String memberName, long orgId, String kind, String kindName, String source,
                       LocalDate dueOn, TalkStatus status, LocalDate heldOn, String people, String topic, String outcome) {
    }

    public record Visit(long id, long memberId, String memberName, VisitKind kind, LocalDate visitedOn, String visitors,
                        String notes) {
    }

    public record Reminder(long memberId, String name, String what, LocalDate on, int years) {
    }

    public record TalkForm(Long memberId, String kind, LocalDate dueOn) {
    }

    public record TalkRecordForm(LocalDate heldOn, String people, String topic, String outcome) {
    }

    public record VisitForm(Long memberId, VisitKind kind, LocalDate visitedOn, String visitors, String notes) {
    }

    /** The branch committee (its secretary) or a superior (organization staff covering it). */
    private static void requireCarer(DataScope scope) {
        if (scope.selfOnly() || !(scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY)) {
            throw new ForbiddenException("care records are for the branch committee and its superiors");
        }
    }

    public List<CareProperties.TalkKind> kinds() {
        return props.talks();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public List<Talk> talks(DataScope scope, Long orgId) {
        requireCarer(scope);
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        return repo.talksUnder(root.path(), LIMIT).stream().map(this::talk).toList();
    }

    private Talk talk(ServingTalkRecord t) {
        String name = props.kind(t.getKind()).map(CareProperties.TalkKind::name).orElse(t.getKind());
        return new Talk(t.getId(), t.getMemberId(), t.getMemberName(), t.getOrgId(), t.getKind(), name, t.getSource(),
                t.getDueOn(), t.getStatus(), t.getHeldOn(), t.getPeople(), t.getTopic(), t.getOutcome());
    }

    private MemberDirectory.AccountFacts member(DataScope scope, Long memberId) {
        if (memberId == null) {
            throw InvalidInputException.of("memberId", "validation.required");
        }
        return directory.accountFacts(List.of(memberId)).stream().filter(m -> scope.covers(m.orgPath()))
                .findFirst().orElseThrow(() -> new NotFoundException("member", memberId));
    }

    /** The branch adds a talk it owes (e.g. 遇到困难时谈); due after the kind's days unless a date is given. */
    @Transactional
    public Talk addTalk(DataScope scope, TalkForm f) {
        requireCarer(scope);
        if (f == null) {
            throw InvalidInputException.of("memberId", "validation.required");
        }
        var m = member(scope, f.memberId());
        var kind = props.kind(f.kind()).orElseThrow(() -> InvalidInputException.of("kind", "serving.talk.kind"));
        LocalDate due = f.dueOn() != null ? f.dueOn() : today().plusDays(kind.dueDays());
        if (due.isBefore(today())) {
            throw InvalidInputException.of("dueOn", "serving.need.past");
        }
        ServingTalkRecord t = newTalk(m.memberId(), m.name(), m.orgId(), m.orgPath(), kind.code(),
                "manual:" + OffsetDateTime.now(clock).toInstant().toEpochMilli(), due);
        repo.insertTalk(t);
        ServingTalkRecord stored = repo.talksUnder(m.orgPath(), LIMIT).stream()
                .filter(x -> x.getSource().equals(t.getSource()) && x.getMemberId().equals(m.memberId())).findFirst().orElseThrow();
        audit.success("serving.talk.add", "serving-talk", stored.getId(), m.orgPath(), kind.name());
        return talk(stored);
    }

    /** A roster event raised a talk (idempotent per member, kind and source). */
    @Transactional
    public boolean raise(long memberId, long orgId, String orgPath, String trigger, String source, LocalDate on) {
        for (CareProperties.TalkKind k : props.talks()) {
            if (trigger.equals(k.trigger())) {
                String name = directory.accountFacts(List.of(memberId)).stream().findFirst()
                        .map(MemberDirectory.AccountFacts::name).orElse("?");
                return repo.insertTalk(newTalk(memberId, name, orgId, orgPath, k.code(), source, on.plusDays(k.dueDays())));
            }
        }
        return false;
    }

    private ServingTalkRecord newTalk(long memberId, String name, long orgId, String orgPath, String kind, String source, LocalDate due) {
        ServingTalkRecord t = repo.newTalk();
        t.setMemberId(memberId);
        t.setMemberName(name);
        t.setOrgId(orgId);
        t.setOrgPath(orgPath);
        t.setKind(kind);
        t.setSource(source);
        t.setDueOn(due);
        t.setStatus(TalkStatus.DUE);
        t.setCreatedAt(OffsetDateTime.now(clock));
        return t;
    }

    @Transactional
    public Talk record(DataScope scope, long id, TalkRecordForm f) {
        requireCarer(scope);
        ServingTalkRecord t = repo.talkForUpdate(id).filter(x -> scope.covers(x.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("serving-talk", id));
        if (t.getStatus() == TalkStatus.HELD) {
            throw new ConflictException("serving.talk.held");
        }
        List<Violation> errors = new ArrayList<>();
        if (f == null) {
            throw InvalidInputException.of("heldOn", "validation.required");
        }
        if (f.heldOn() == null) {
            errors.add(new Violation("heldOn", "validation.required"));
        } else if (f.heldOn().isAfter(today())) {
            errors.add(new Violation("heldOn", "validation.futureDate"));
        }
        String people = InvalidInputException.collect(errors, () -> TextInput.required(f.people(), "people", 200));
        String topic = InvalidInputException.collect(errors, () -> TextInput.required(f.topic(), "topic", 500));
        String outcome = InvalidInputException.collect(errors, () -> TextInput.required(f.outcome(), "outcome", 1000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        repo.recordTalk(id, f.heldOn(), people, topic, outcome, scope.username());
        audit.success("serving.talk.record", "serving-talk", id, t.getOrgPath(), t.getMemberName());
        return talk(repo.talkForUpdate(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<Visit> visits(DataScope scope, Long orgId) {
        requireCarer(scope);
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        return repo.visitsUnder(root.path(), LIMIT).stream().map(v -> new Visit(v.getId(), v.getMemberId(), v.getMemberName(),
                v.getKind(), v.getVisitedOn(), v.getVisitors(), v.getNotes())).toList();
    }

    @Transactional
    public Visit addVisit(DataScope scope, VisitForm f) {
        requireCarer(scope);
        if (f == null) {
            throw InvalidInputException.of("memberId", "validation.required");
        }
        var m = member(scope, f.memberId());
        List<Violation> errors = new ArrayList<>();
        if (f.kind() == null) {
            errors.add(new Violation("kind", "validation.required"));
        }
        if (f.visitedOn() == null) {
            errors.add(new Violation("visitedOn", "validation.required"));
        } else if (f.visitedOn().isAfter(today())) {
            errors.add(new Violation("visitedOn", "validation.futureDate"));
        }
        String visitors = InvalidInputException.collect(errors, () -> TextInput.required(f.visitors(), "visitors", 200));
        String notes = InvalidInputException.collect(errors, () -> TextInput.optional(f.notes(), "notes", 1000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ServingVisitRecord v = repo.newVisit();
        v.setMemberId(m.memberId());
        v.setMemberName(m.name());
        v.setOrgId(m.orgId());
        v.setOrgPath(m.orgPath());
        v.setKind(f.kind());
        v.setVisitedOn(f.visitedOn());
        v.setVisitors(visitors);
        v.setNotes(notes);
        v.setCreatedBy(scope.username());
        v.setCreatedAt(OffsetDateTime.now(clock));
        v.store();
        audit.success("serving.visit.add", "serving-visit", v.getId(), m.orgPath(), m.name() + " " + f.kind());
        return new Visit(v.getId(), m.memberId(), m.name(), f.kind(), f.visitedOn(), visitors, notes);
    }

    /** The members of the caller's branch subtree to pick from (id and name, at most 500). */
    @Transactional(readOnly = true)
    public List<io.zhibu.serving.ServingViews.Community> pickable(DataScope scope) {
        requireCarer(scope);
        Organization root = orgs.getOrScopeRoot(scope, null);
        return members.rosterLines(SYSTEM, root.path()).stream().limit(LIMIT)
                .map(m -> new io.zhibu.serving.ServingViews.Community(m.id(), m.name())).toList();
    }

    /**
     * Reminders of a branch for the coming {@code remindDays}: 光荣在党 N 年 (joined N = honourYears years ago, the
     * 纪念章 year) and each member's political birthday (入党纪念日, every year).
     */
    @Transactional(readOnly = true)
    public List<Reminder> reminders(DataScope scope, long branchId) {
        requireCarer(scope);
        Organization b = orgs.get(scope, branchId);
        LocalDate today = today();
        LocalDate until = today.plusDays(props.remindDays());
        List<Reminder> out = new ArrayList<>();
        for (RosterLine m : members.rosterLines(SYSTEM, b.path())) {
            if (m.joinedOn() == null || m.orgId() != b.id()) {
                continue;
            }
            for (int y = today.getYear(); y <= until.getYear(); y++) {
                LocalDate anniversary;
                try {
                    anniversary = m.joinedOn().withYear(y);
                } catch (java.time.DateTimeException e) {
                    continue;
                }
                if (anniversary.isBefore(today) || anniversary.isAfter(until)) {
                    continue;
                }
                int years = Period.between(m.joinedOn(), anniversary).getYears();
                if (years <= 0) {
                    continue;
                }
                out.add(new Reminder(m.id(), m.name(), years == props.honourYears() ? "HONOUR" : "BIRTHDAY", anniversary, years));
            }
        }
        out.sort(java.util.Comparator.comparing(Reminder::on));
        return out;
    }
}
