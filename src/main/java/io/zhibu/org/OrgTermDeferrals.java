package io.zhibu.org;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.OrgTermDeferralRecord;
import io.zhibu.org.TermDeferralRules.Action;
import io.zhibu.org.TermDeferralRules.Status;
import io.zhibu.org.internal.OrgRequestRepository;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 延期换届 (R1.7, R1.8): the committee (or staff acting for it) asks to defer a due election with a reason and a number of
 * months; the superior organization approves or rejects. An approved deferral moves the deadline the reminders, the
 * warnings and assessment use ({@link OrgTerms#deferredUntil(long)}); opening a new term clears it.
 */
@Service
public class OrgTermDeferrals {
    /** A request: months (1–12, R1.7) and the reason. */
    public record Request(Integer months, String reason) {
    }

    /** A decision by the superior (APPROVE, REJECT) or the requester's withdrawal, on the version read. */
    public record Decision(Action action, Integer version, String note) {
    }

    /** A deferral request as both sides see it; {@code canDecide}: the viewer is the superior and it is still open. */
    public record View(long id, long orgId, String orgName, LocalDate termEndsOn, int months, LocalDate deferredUntil,
                       String reason, Status status, String requestedBy, OffsetDateTime requestedAt, String decidedBy,
                       OffsetDateTime decidedAt, String decisionNote, int version, boolean canDecide) {
    }

    private final OrgService orgs;
    private final OrgRequestRepository repo;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public OrgTermDeferrals(OrgService orgs, OrgRequestRepository repo, AuditLog audit, Clock clock,
                            ApplicationEventPublisher events) {
        this.orgs = orgs;
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public View request(DataScope scope, long orgId, Request r) {
        requireManager(scope);
        Organization o = orgs.get(scope, orgId);
        LocalDate ends = o.termEndsOn();
        List<Violation> errors = new ArrayList<>();
        String reason = InvalidInputException.collect(errors, () -> TextInput.required(r.reason(), "reason", 500));
        if (!TermDeferralRules.monthsOk(r.months())) {
            errors.add(new Violation("months", "deferral.months.range", TermDeferralRules.MAX_MONTHS));
        }
        if (ends == null) {
            errors.add(new Violation("months", "deferral.noTerm"));
        } else if (!TermDeferralRules.mayRequest(ends, today())) {
            errors.add(new Violation("months", "deferral.notDue", ends.minusMonths(6)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (repo.openDeferral(o.id(), ends)) {
            throw new ConflictException("deferral.conflict.open");
        }
        OrgTermDeferralRecord d = new OrgTermDeferralRecord();
        d.setRegionOrgId(o.regionOrgId());
        d.setOrgId(o.id());
        d.setOrgPath(o.path());
        d.setTermEndsOn(ends);
        d.setMonths(r.months());
        d.setDeferredUntil(TermDeferralRules.deferredUntil(ends, r.months()));
        d.setReason(reason);
        d.setStatus(Status.REQUESTED);
        d.setRequestedBy(scope.username());
        long id = repo.insertDeferral(d);
        audit.success("org.term.deferral.request", "org", o.id(), o.path(), r.months() + " months: " + reason);
        return view(scope, repo.deferral(id).orElseThrow(), o.name());
    }

    /** The superior approves or rejects (never the requester); the requester may withdraw while it is open. */
    @Transactional
    public View decide(DataScope scope, long deferralId, Decision dec) {
        requireManager(scope);
        OrgTermDeferralRecord d = load(scope, deferralId);
        List<Violation> errors = new ArrayList<>();
        if (dec.action() == null) {
            errors.add(new Violation("action", "validation.required"));
        }
        if (dec.version() == null) {
            errors.add(new Violation("version", "validation.required"));
        }
        String note = InvalidInputException.collect(errors, () -> dec.action() == Action.REJECT
                ? TextInput.required(dec.note(), "note", 500) : TextInput.optional(dec.note(), "note", 500));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Status to = TermDeferralRules.next(d.getStatus(), dec.action());
        if (dec.action() == Action.WITHDRAW) {
            if (!scope.username().equals(d.getRequestedBy())) {
                throw new ForbiddenException("only the requester withdraws");
            }
        } else if (!superiorOf(scope, d.getOrgPath()) || scope.username().equals(d.getRequestedBy())) {
            throw new ForbiddenException("the superior organization decides"); // R1.7: upper approval
        }
        if (to == Status.APPROVED && !d.getTermEndsOn().equals(orgs.get(scope, d.getOrgId()).termEndsOn())) {
            throw new ConflictException("deferral.conflict.termChanged"); // a new term opened meanwhile
        }
        if (dec.version() != d.getVersion().intValue()
                || !repo.decideDeferral(d.getId(), d.getVersion(), to, scope.username(), note)) {
            throw new ConflictException("error.concurrentChange");
        }
        if (to == Status.APPROVED) {
            repo.setDeferredUntil(d.getOrgId(), d.getDeferredUntil());
            events.publishEvent(io.zhibu.shared.rollup.FactsChanged.stock("org", List.of(d.getOrgId())));
        }
        audit.success("org.term.deferral." + to.name().toLowerCase(), "org", d.getOrgId(), d.getOrgPath(),
                d.getMonths() + " months until " + d.getDeferredUntil() + (note == null ? "" : ": " + note));
        return view(scope, repo.deferral(deferralId).orElseThrow(), null);
    }

    @Transactional(readOnly = true)
    public List<View> ofOrg(DataScope scope, long orgId) {
        Organization o = orgs.get(scope, orgId);
        return repo.deferralsOf(o.id()).stream().map(d -> view(scope, d, o.name())).toList();
    }

    /** Requests in the caller's subtree (the superior's inbox with {@code status = REQUESTED}). */
    @Transactional(readOnly = true)
    public List<View> inScope(DataScope scope, Status status) {
        requireManager(scope);
        return repo.deferralsIn(scope.orgPath(), status, 200).stream()
                .map(d -> view(scope, d, null)).toList();
    }

    @Transactional(readOnly = true)
    public View get(DataScope scope, long id) {
        requireManager(scope);
        return view(scope, load(scope, id), null);
    }

    private View view(DataScope scope, OrgTermDeferralRecord d, String orgName) {
        String name = orgName != null ? orgName : orgs.namesOf(List.of(d.getOrgId())).get(d.getOrgId());
        Status s = d.getStatus();
        return new View(d.getId(), d.getOrgId(), name, d.getTermEndsOn(), d.getMonths(), d.getDeferredUntil(),
                d.getReason(), s, d.getRequestedBy(), d.getRequestedAt(), d.getDecidedBy(), d.getDecidedAt(),
                d.getDecisionNote(), d.getVersion(), s == Status.REQUESTED && superiorOf(scope, d.getOrgPath())
                && !scope.username().equals(d.getRequestedBy()));
    }

    /** The caller's organization lies strictly above the org (R1.7: the upper organization approves). */
    static boolean superiorOf(DataScope scope, String orgPath) {
        return scope.covers(orgPath) && !orgPath.equals(scope.orgPath());
    }

    private OrgTermDeferralRecord load(DataScope scope, long id) {
        return repo.deferral(id).filter(d -> scope.covers(d.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("deferral", id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireManager(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot manage terms");
        }
    }
}
