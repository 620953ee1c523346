package io.zhibu.member;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.MemberEventRecord;
import io.zhibu.db.tables.records.MemberMemberRecord;
import io.zhibu.member.internal.MemberLifecycleRepository;
import io.zhibu.member.internal.MemberRepository;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.shared.PartyCalendar;
import io.zhibu.shared.TextInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党员状态 member lifecycle (rules.md §3): 转正, 停止党籍/恢复, exits and death, flow, lost contact, discipline.
 * Every change is a dated {@code member_event}, audited, and announced as {@link MemberEvents.Updated}.
 */
@Service
public class MemberLifecycle {
    private final MemberRepository members;
    private final MemberLifecycleRepository repo;
    private final MemberService memberService;
    private final OrgService orgs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public MemberLifecycle(MemberRepository members, MemberLifecycleRepository repo, MemberService memberService,
                           OrgService orgs, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.members = members;
        this.repo = repo;
        this.memberService = memberService;
        this.orgs = orgs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public MemberView record(DataScope scope, long memberId, LifecycleChange c) {
        requireManager(scope);
        MemberMemberRecord m = load(scope, memberId);
        LocalDate today = today();
        LifecycleChange clean = new LifecycleChange(c.type(), c.effectiveOn(),
                TextInput.optional(c.reason(), "reason", 500), TextInput.optional(c.decidedBy(), "decidedBy", 100),
                c.exitType(), c.disciplineType(), c.untilOn(), TextInput.optional(c.destination(), "destination", 100),
                c.version());
        MemberLifecycleRules.check(state(m), clean, today);
        int version = c.version() == null ? m.getVersion() : c.version();
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        String detail = null;
        LocalDate until = null;
        LocalDate on = clean.effectiveOn();
        switch (clean.type()) {
            case BECAME_FULL -> {
                on = PartyCalendar.fullMemberDate(m.getJoinedOn(), m.getProbationExtensionMonths()); // R2.8
                set.put(MEMBER_MEMBER.CATEGORY, MemberCategory.FULL.name());
                set.put(MEMBER_MEMBER.FULL_MEMBER_ON, on);
            }
            case SUSPENDED -> set.put(MEMBER_MEMBER.STANDING, MemberStanding.SUSPENDED.name());
            case RESTORED -> set.put(MEMBER_MEMBER.STANDING, MemberStanding.NORMAL.name());
            case EXITED, DIED -> {
                ExitType type = clean.type() == MemberEventType.DIED ? ExitType.DEATH : clean.exitType();
                detail = type.name();
                set.put(MEMBER_MEMBER.EXIT_TYPE, type.name());
                set.put(MEMBER_MEMBER.EXITED_ON, on);
            }
            case FLOW_STARTED -> {
                detail = clean.destination();
                set.put(MEMBER_MEMBER.FLOW_MEMBER, true);
                set.put(MEMBER_MEMBER.FLOW_DESTINATION, clean.destination());
            }
            case FLOW_ENDED -> {
                set.put(MEMBER_MEMBER.FLOW_MEMBER, false);
                set.put(MEMBER_MEMBER.FLOW_DESTINATION, null);
            }
            case LOST_CONTACT -> {
                set.put(MEMBER_MEMBER.LOST_CONTACT, true);
                set.put(MEMBER_MEMBER.LOST_CONTACT_ON, on);
            }
            case CONTACT_RESTORED -> {
                set.put(MEMBER_MEMBER.LOST_CONTACT, false);
                set.put(MEMBER_MEMBER.LOST_CONTACT_ON, null);
            }
            case DISCIPLINED -> {
                detail = clean.disciplineType().name();
                until = clean.untilOn();
                set.put(MEMBER_MEMBER.DISCIPLINE_TYPE, clean.disciplineType());
                set.put(MEMBER_MEMBER.DISCIPLINE_UNTIL, until);
            }
            case DISCIPLINE_ENDED -> {
                detail = m.getDisciplineType() == null ? null : m.getDisciplineType().name();
                set.put(MEMBER_MEMBER.DISCIPLINE_TYPE, null);
                set.put(MEMBER_MEMBER.DISCIPLINE_UNTIL, null);
            }
            default -> throw new IllegalStateException(clean.type().name());
        }
        if (!repo.update(memberId, version, set)) {
            throw new ConflictException("error.concurrentChange");
        }
        repo.insertEvent(m, clean.type(), on, detail, until, clean.reason(), clean.decidedBy(), scope.username());
        MemberMemberRecord updated = members.find(memberId).orElseThrow();
        events.publishEvent(new MemberEvents.Updated(MemberService.facts(updated)));
        events.publishEvent(new MemberEvents.LifecycleRecorded(memberId, updated.getOrgId(), updated.getOrgPath(), clean.type(), on));
        audit.success("member.lifecycle." + clean.type().name().toLowerCase(), "member", memberId, m.getOrgPath(),
                clean.type() + " " + on + (detail == null ? "" : " " + detail));
        return memberService.get(scope, memberId);
    }

    @Transactional(readOnly = true)
    public List<MemberEventView> timeline(DataScope scope, long memberId) {
        load(scope, memberId);
        return repo.events(memberId).stream().map(MemberLifecycle::view).toList();
    }

    /** The lifecycle state of a member (for votes and transfers). */
    @Transactional(readOnly = true)
    public LifecycleState state(DataScope scope, long memberId) {
        return state(load(scope, memberId));
    }

    /** Members of a branch with their right to vote on {@code date} (R1.10, R3.3); exited members are left out. */
    @Transactional(readOnly = true)
    public List<Voter> voters(DataScope scope, long orgId, LocalDate date) {
        Organization org = orgs.get(scope, orgId);
        return members.page(MEMBER_MEMBER.ORG_ID.eq(org.id()).and(MEMBER_MEMBER.EXIT_TYPE.isNull()), 0, 10_000).stream()
                .map(r -> new Voter(r.getId(), r.getName(), r.getCategory(),
                        MemberLifecycleRules.mayVote(state(r), date)))
                .toList();
    }

    /** The roster on a past (or present) date, computed from the history. */
    @Transactional(readOnly = true)
    public RosterAtDate rosterAt(DataScope scope, Long orgId, LocalDate date, Integer page, Integer size) {
        requireStaff(scope);
        LocalDate d = date == null ? today() : date;
        // members are counted in the branch they belonged to on the date (moves record the branch left)
        MemberLifecycleRepository.Placement c = repo.placedAt(orgId == null ? scope.orgPath() : orgs.get(scope, orgId).path(), d);
        var counts = repo.countsAt(c, d);
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        List<MemberMemberRecord> rows = repo.pageAt(c, d, p, s);
        Map<Long, Long> movedFrom = repo.orgIdsAt(rows.stream().map(MemberMemberRecord::getId).toList(), d);
        Map<Long, String> names = orgs.namesOf(rows.stream().map(r -> movedFrom.getOrDefault(r.getId(), r.getOrgId()))
                .distinct().toList());
        List<MemberSummary> items = rows.stream().map(r -> new MemberSummary(r.getId(), r.getName(),
                MemberRepository.gender(r), PartyCalendar.ageOn(r.getBirthDate(), d),
                movedFrom.getOrDefault(r.getId(), r.getOrgId()), names.get(movedFrom.getOrDefault(r.getId(), r.getOrgId())),
                MemberCategory.valueOf(MemberLifecycleRepository.category(r, d)),
                r.getJoinedOn(), r.getIdNumberMasked(), r.getPhoneMasked(), r.getEducation())).toList();
        return new RosterAtDate(d, counts.value1(), counts.value2(), counts.value3(), counts.value4(),
                new Page<>(items, p, s, counts.value1()));
    }

    /** Members who left (出党, 死亡) in the scope: off the active roster, still findable. */
    @Transactional(readOnly = true)
    public Page<ExitedMember> exited(DataScope scope, Long orgId, Integer page, Integer size) {
        requireStaff(scope);
        Condition c = scopeCondition(scope, orgId);
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        List<MemberMemberRecord> rows = repo.exited(c, p, s);
        Map<Long, String> names = orgs.namesOf(rows.stream().map(MemberMemberRecord::getOrgId).distinct().toList());
        return new Page<>(rows.stream().map(r -> new ExitedMember(r.getId(), r.getName(), r.getOrgId(),
                names.get(r.getOrgId()), r.getIdNumberMasked(), r.getExitType(), r.getExitedOn()))
                .toList(), p, s, repo.countExited(c));
    }

    // --- for the transfer module -------------------------------------------------------------------------------

    /** Flags the member 组织关系转接中 (or clears it); the member stays on the old branch's roster meanwhile. */
    @Transactional
    public void markInTransit(DataScope scope, long memberId, boolean inTransit, String note) {
        MemberMemberRecord m = load(scope, memberId);
        if (m.getExitType() != null) {
            throw new ConflictException("lifecycle.conflict.exited");
        }
        if (m.getInTransit() == inTransit) {
            return;
        }
        repo.update(memberId, m.getVersion(), Map.of(MEMBER_MEMBER.IN_TRANSIT, inTransit));
        repo.insertEvent(m, inTransit ? MemberEventType.TRANSFER_STARTED : MemberEventType.TRANSFER_ENDED, today(),
                note, null, null, null, scope.username());
        events.publishEvent(new MemberEvents.Updated(MemberService.facts(members.find(memberId).orElseThrow())));
        audit.success("member.transit", "member", memberId, m.getOrgPath(), inTransit + " " + (note == null ? "" : note));
    }

    /**
     * Completes a transfer: the member joins {@code targetOrgId}, which must lie in the receiving side's scope.
     * The member lies outside that scope by definition; the transfer module has authorised the move.
     */
    @Transactional
    public void completeTransfer(DataScope receivingScope, long memberId, long targetOrgId, String note) {
        requireManager(receivingScope);
        Organization target = orgs.get(receivingScope, targetOrgId);
        if (!target.active() || !target.type().holdsMembers()) {
            throw io.zhibu.shared.InvalidInputException.of("targetOrgId", "member.org.notABranch");
        }
        MemberMemberRecord m = members.find(memberId).orElseThrow(() -> new NotFoundException("member", memberId));
        members.moveToOrg(List.of(memberId), target.id(), target.path(), target.regionOrgId());
        repo.update(memberId, m.getVersion() + 1, Map.of(MEMBER_MEMBER.IN_TRANSIT, false));
        repo.rePathEvents(memberId, target.path(), target.regionOrgId());
        MemberMemberRecord moved = members.find(memberId).orElseThrow();
        repo.insertEvent(moved, MemberEventType.TRANSFERRED, today(), target.name(), null, note, null,
                receivingScope.username(), m.getOrgId(), m.getOrgPath());
        events.publishEvent(new MemberEvents.Moved(List.of(memberId), target.id(), target.path(), target.regionOrgId()));
        events.publishEvent(new MemberEvents.Updated(MemberService.facts(moved)));
        events.publishEvent(io.zhibu.shared.rollup.FactsChanged.stock("member", List.of(m.getOrgId())));
        audit.success("member.transferred", "member", memberId, target.path(), m.getOrgId() + "->" + target.id());
    }

    /** Completes a transfer out of the platform (R4.3 paper letter): the member leaves the roster, stays findable. */
    @Transactional
    public void completeTransferOut(DataScope scope, long memberId, String note) {
        requireManager(scope);
        MemberMemberRecord m = load(scope, memberId);
        if (m.getExitType() != null) {
            throw new ConflictException("lifecycle.conflict.exited");
        }
        LocalDate today = today();
        repo.update(memberId, m.getVersion(), Map.of(MEMBER_MEMBER.IN_TRANSIT, false,
                MEMBER_MEMBER.EXIT_TYPE, ExitType.TRANSFERRED_OUT.name(), MEMBER_MEMBER.EXITED_ON, today));
        repo.insertEvent(m, MemberEventType.TRANSFERRED, today, ExitType.TRANSFERRED_OUT.name(), null, note, null,
                scope.username());
        events.publishEvent(new MemberEvents.Updated(MemberService.facts(members.find(memberId).orElseThrow())));
        audit.success("member.transferredOut", "member", memberId, m.getOrgPath(), note);
    }

    // -----------------------------------------------------------------------------------------------------------

    private Condition scopeCondition(DataScope scope, Long orgId) {
        Condition c = MemberRepository.subtree(scope.orgPath());
        if (orgId != null) {
            c = c.and(MemberRepository.subtree(orgs.get(scope, orgId).path()));
        }
        return c;
    }

    static LifecycleState state(MemberMemberRecord r) {
        return new LifecycleState(r.getCategory(), r.getStanding(),
                r.getJoinedOn(), r.getProbationExtensionMonths(),
                r.getExitType(), r.getFlowMember(),
                r.getLostContact(), r.getDisciplineType(),
                r.getDisciplineUntil(), r.getInTransit());
    }

    private static MemberEventView view(MemberEventRecord e) {
        return new MemberEventView(e.getId(), e.getEventType(), e.getEffectiveOn(),
                e.getDetail(), e.getUntilOn(), e.getReason(), e.getDecidedBy(), e.getActor(), e.getCreatedAt());
    }

    private MemberMemberRecord load(DataScope scope, long id) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role cannot read the roster");
        }
        return members.find(id)
                .filter(r -> scope.covers(r.getOrgPath()))
                .filter(r -> !scope.selfOnly() || r.getId().equals(scope.selfMemberId()))
                .orElseThrow(() -> new NotFoundException("member", id));
    }

    private static void requireManager(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot change the roster");
        }
    }

    private static void requireStaff(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot list the roster");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
