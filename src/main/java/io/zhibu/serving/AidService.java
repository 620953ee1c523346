package io.zhibu.serving;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.ServingAidPaymentRecord;
import io.zhibu.db.tables.records.ServingAidRecord;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.serving.internal.AidRepository;
import io.zhibu.serving.internal.AidRepository.YearTotals;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Page;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 困难党员帮扶 hardship aid (issue 21 point 4). The branch (its secretary, or organization staff covering it) files an
 * application for one of its members — or the member for themself — with the reason and the amount asked; a superior
 * (organization staff whose scope lies strictly above the branch) approves it with an amount (at most the amount
 * asked) or rejects it with a reason; payments are recorded against an approved application (append-only, never
 * more than approved; the application is PAID when they reach the approved amount). The superior's ledger lists the
 * applications of its subtree and sums them per year. Private to the branch committee, the superiors and the member
 * concerned (others: 404); every write audited.
 */
@Service
public class AidService {
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000.00");
    private final AidRepository repo;
    private final OrgService orgs;
    private final MemberDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    public AidService(AidRepository repo, OrgService orgs, MemberDirectory directory, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public record Aid(long id, int year, long memberId, String memberName, long orgId, String orgName, String reason,
                      BigDecimal amountRequested, BigDecimal amountApproved, BigDecimal amountPaid, AidStatus status,
                      String decisionNote, OffsetDateTime filedAt, List<Payment> payments, boolean canDecide,
                      boolean canPay) {
    }

    public record Payment(long id, LocalDate paidOn, BigDecimal amount, String note) {
    }

    public record AidForm(Long memberId, String reason, BigDecimal amount) {
    }

    public record DecisionForm(Boolean approve, BigDecimal amount, String note) {
    }

    public record PaymentForm(LocalDate paidOn, BigDecimal amount, String note) {
    }

    /** The superior's ledger: totals per year and one page of the chosen year's applications. */
    public record Ledger(long orgId, String orgName, List<YearTotals> years, Integer year, Page<Aid> lines) {
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static boolean carer(DataScope scope) {
        return !scope.selfOnly() && (scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY);
    }

    /** A superior of the branch at {@code path}: organization staff whose scope lies strictly above it. */
    static boolean superior(DataScope scope, String path) {
        return scope.canManageOrgs() && scope.covers(path) && !scope.orgPath().equals(path)
                && OrgPath.depth(scope.orgPath()) < OrgPath.depth(path);
    }

    private static boolean readable(DataScope scope, ServingAidRecord a) {
        return scope.selfOnly() ? a.getMemberId().equals(scope.selfMemberId()) : carer(scope) && scope.covers(a.getOrgPath());
    }

    private ServingAidRecord visible(DataScope scope, long id) {
        return repo.find(id).filter(a -> readable(scope, a)).orElseThrow(() -> new NotFoundException("serving-aid", id));
    }

    private static BigDecimal money(BigDecimal v, String field, List<Violation> errors) {
        if (v == null) {
            errors.add(new Violation(field, "validation.required"));
            return null;
        }
        if (v.scale() > 2 || v.signum() <= 0 || v.compareTo(MAX_AMOUNT) > 0) {
            errors.add(new Violation(field, "serving.aid.amount"));
            return null;
        }
        return v.setScale(2, RoundingMode.UNNECESSARY);
    }

    @Transactional
    public Aid apply(DataScope scope, AidForm f) {
        if (!scope.selfOnly() && !carer(scope)) {
            throw new ForbiddenException("aid is applied for by the branch or the member");
        }
        Long memberId = scope.selfOnly() ? scope.selfMemberId() : f == null ? null : f.memberId();
        if (memberId == null) {
            throw InvalidInputException.of("memberId", "validation.required");
        }
        var m = directory.accountFacts(List.of(memberId)).stream()
                .filter(x -> !x.exited() && (scope.selfOnly() || scope.covers(x.orgPath())))
                .findFirst().orElseThrow(() -> new NotFoundException("member", memberId));
        List<Violation> errors = new ArrayList<>();
        String reason = InvalidInputException.collect(errors, () -> TextInput.required(f == null ? null : f.reason(), "reason", 500));
        BigDecimal amount = money(f == null ? null : f.amount(), "amount", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ServingAidRecord a = repo.newAid();
        a.setAidYear(today().getYear());
        a.setMemberId(m.memberId());
        a.setMemberName(m.name());
        a.setOrgId(m.orgId());
        a.setOrgPath(m.orgPath());
        a.setReason(reason);
        a.setAmountRequested(amount);
        a.setStatus(AidStatus.APPLIED);
        a.setFiledBy(scope.username());
        a.setFiledAt(OffsetDateTime.now(clock));
        a.setVersion(0);
        a.store();
        audit.success("serving.aid.apply", "serving-aid", a.getId(), m.orgPath(), m.name() + " " + amount);
        return get(scope, a.getId());
    }

    @Transactional
    public Aid decide(DataScope scope, long id, DecisionForm f) {
        ServingAidRecord a = visible(scope, id);
        if (!superior(scope, a.getOrgPath())) {
            throw new ForbiddenException("aid is decided by the superior organization");
        }
        a = repo.forUpdate(id).orElseThrow();
        if (a.getStatus() != AidStatus.APPLIED) {
            audit.refused("serving.aid.decide", "serving-aid", id, a.getOrgPath(), "already " + a.getStatus());
            throw new ConflictException("serving.aid.decided");
        }
        List<Violation> errors = new ArrayList<>();
        if (f == null || f.approve() == null) {
            throw InvalidInputException.of("approve", "validation.required");
        }
        String note = InvalidInputException.collect(errors, () -> f.approve() ? TextInput.optional(f.note(), "note", 500)
                : TextInput.required(f.note(), "note", 500));
        BigDecimal amount = null;
        if (f.approve()) {
            amount = money(f.amount() == null ? a.getAmountRequested() : f.amount(), "amount", errors);
            if (amount != null && amount.compareTo(a.getAmountRequested()) > 0) {
                errors.add(new Violation("amount", "serving.aid.overRequested"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AidStatus to = f.approve() ? AidStatus.APPROVED : AidStatus.REJECTED;
        if (!repo.decide(id, a.getVersion(), to, amount, note, scope.username(), OffsetDateTime.now(clock))) {
            throw new ConflictException("serving.aid.decided");
        }
        audit.success("serving.aid." + (f.approve() ? "approve" : "reject"), "serving-aid", id, a.getOrgPath(),
                a.getMemberName() + (amount == null ? "" : " " + amount));
        return get(scope, id);
    }

    @Transactional
    public Aid pay(DataScope scope, long id, PaymentForm f) {
        ServingAidRecord a = visible(scope, id);
        if (!superior(scope, a.getOrgPath())) {
            throw new ForbiddenException("aid is paid by the superior organization");
        }
        a = repo.forUpdate(id).orElseThrow();
        if (a.getStatus() != AidStatus.APPROVED) {
            audit.refused("serving.aid.pay", "serving-aid", id, a.getOrgPath(), "status " + a.getStatus());
            throw new ConflictException(a.getStatus() == AidStatus.PAID ? "serving.aid.paid" : "serving.aid.notApproved");
        }
        List<Violation> errors = new ArrayList<>();
        if (f == null || f.paidOn() == null) {
            errors.add(new Violation("paidOn", "validation.required"));
        } else if (f.paidOn().isAfter(today())) {
            errors.add(new Violation("paidOn", "validation.futureDate"));
        }
        BigDecimal amount = money(f == null ? null : f.amount(), "amount", errors);
        BigDecimal paid = repo.paid(id);
        if (amount != null && paid.add(amount).compareTo(a.getAmountApproved()) > 0) {
            errors.add(new Violation("amount", "serving.aid.overApproved", a.getAmountApproved().subtract(paid)));
            audit.refused("serving.aid.pay", "serving-aid", id, a.getOrgPath(), "over the approved amount: " + amount);
        }
        String note = InvalidInputException.collect(errors, () -> TextInput.optional(f == null ? null : f.note(), "note", 200));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ServingAidPaymentRecord p = repo.newPayment();
        p.setAidId(id);
        p.setOrgPath(a.getOrgPath());
        p.setPaidOn(f.paidOn());
        p.setAmount(amount);
        p.setNote(note);
        p.setRecordedBy(scope.username());
        p.setRecordedAt(OffsetDateTime.now(clock));
        p.store();
        if (paid.add(amount).compareTo(a.getAmountApproved()) == 0) {
            repo.markPaid(id);
        }
        audit.success("serving.aid.pay", "serving-aid", id, a.getOrgPath(), a.getMemberName() + " " + amount);
        return get(scope, id);
    }

    @Transactional(readOnly = true)
    public Aid get(DataScope scope, long id) {
        return views(scope, List.of(visible(scope, id))).getFirst();
    }

    /** A member's own applications (their phone). */
    @Transactional(readOnly = true)
    public List<Aid> mine(DataScope scope) {
        if (!scope.selfOnly() || scope.selfMemberId() == null) {
            return List.of();
        }
        return views(scope, repo.ofMember(scope.selfMemberId()));
    }

    /** The aid ledger of an organization's subtree (default: the caller's scope root): totals per year, one page of lines. */
    @Transactional(readOnly = true)
    public Ledger ledger(DataScope scope, Long orgId, Integer year, Integer page, Integer size) {
        if (!carer(scope)) {
            throw new ForbiddenException("the aid ledger is kept by the branch committee and its superiors");
        }
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        List<Aid> lines = views(scope, repo.page(root.path(), year, p * s, s));
        return new Ledger(root.id(), root.name(), repo.totals(root.path()), year,
                new Page<>(lines, p, s, repo.count(root.path(), year)));
    }

    /** Applications a superior still has to decide (their to-dos). */
    @Transactional(readOnly = true)
    public List<Aid> awaiting(DataScope scope) {
        if (!scope.canManageOrgs() || scope.selfOnly()) {
            return List.of();
        }
        return views(scope, repo.awaiting(scope.orgPath(), 30));
    }

    private List<Aid> views(DataScope scope, List<ServingAidRecord> rows) {
        Map<Long, String> names = orgs.namesOf(rows.stream().map(ServingAidRecord::getOrgId).distinct().toList());
        var payments = repo.payments(rows.stream().map(ServingAidRecord::getId).toList());
        return rows.stream().map(a -> {
            List<Payment> ps = payments.getOrDefault(a.getId(), List.of()).stream()
                    .map(p -> new Payment(p.getId(), p.getPaidOn(), p.getAmount(), p.getNote())).toList();
            BigDecimal paid = ps.stream().map(Payment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            boolean sup = superior(scope, a.getOrgPath());
            return new Aid(a.getId(), a.getAidYear(), a.getMemberId(), a.getMemberName(), a.getOrgId(), names.get(a.getOrgId()),
                    a.getReason(), a.getAmountRequested(), a.getAmountApproved(), paid, a.getStatus(), a.getDecisionNote(),
                    a.getFiledAt(), ps, sup && a.getStatus() == AidStatus.APPLIED, sup && a.getStatus() == AidStatus.APPROVED);
        }).toList();
    }
}
