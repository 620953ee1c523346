package io.zhibu.dues;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.DuesAllocationRecord;
import io.zhibu.dues.internal.DuesAllocationRepository;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 党费下拨/返还 (rules.md §5, R5.7; issue 18 point 5): a superior committee records the dues it allocates back to an
 * organization below it as entries of its own append-only ledger, each with the decision (number, date, purpose).
 * A correction is a reversal entry. The recipient sees what it received; the superior what it allocated. Every write
 * and refusal is audited.
 */
@Service
public class DuesAllocationService {

    /** {@code fromOrgId} optional: the allocating committee, by default the recipient's parent. */
    public record AllocationForm(Long fromOrgId, Long toOrgId, BigDecimal amount, LocalDate allocatedOn,
                                 String decisionNo, LocalDate decidedOn, String purpose, String note) {
    }

    public record ReverseForm(String reason) {
    }

    /** One ledger entry; {@code canReverse}: an allocation not yet reversed, the caller covering the allocating committee. */
    public record Allocation(long id, long fromOrgId, String fromOrgName, long toOrgId, String toOrgName,
                             AllocationKind kind, BigDecimal amount, LocalDate allocatedOn, String decisionNo,
                             LocalDate decidedOn, String purpose, String note, Long reversesId, boolean reversed,
                             String createdBy, OffsetDateTime createdAt, boolean canReverse) {
    }

    /** Entries of a subtree and year; {@code allocatedOut}/{@code received}: the root's own net sums (reversals deducted). */
    public record Ledger(long orgId, String orgName, int year, List<Allocation> entries, BigDecimal allocatedOut,
                         BigDecimal received) {
    }

    private final DuesAllocationRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DuesAllocationService(DuesAllocationRepository repo, OrgService orgs, AuditLog audit, TransactionTemplate tx,
                                 Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Allocation allocate(DataScope scope, AllocationForm form) {
        requireTreasurer(scope);
        List<Violation> errors = new ArrayList<>();
        if (form == null || form.toOrgId() == null) {
            errors.add(new Violation("toOrgId", "validation.required"));
        }
        if (form == null || !DuesAllocationRules.validAmount(form.amount())) {
            errors.add(new Violation("amount", "dues.allocation.amount"));
        }
        LocalDate today = LocalDate.now(clock);
        if (form == null || form.allocatedOn() == null) {
            errors.add(new Violation("allocatedOn", "validation.required"));
        } else if (form.allocatedOn().isAfter(today)) {
            errors.add(new Violation("allocatedOn", "dues.allocation.future"));
        }
        if (form == null || form.decidedOn() == null) {
            errors.add(new Violation("decidedOn", "validation.required"));
        } else if (form.decidedOn().isAfter(today)) {
            errors.add(new Violation("decidedOn", "dues.allocation.future"));
        } else if (form.allocatedOn() != null && form.decidedOn().isAfter(form.allocatedOn())) {
            errors.add(new Violation("decidedOn", "dues.allocation.decidedAfter"));
        }
        String decision = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.decisionNo(), "decisionNo", 64));
        String purpose = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.purpose(), "purpose", 200));
        String note = InvalidInputException.collect(errors, () -> TextInput.optional(form == null ? null : form.note(), "note", 500));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization to = orgs.get(scope, form.toOrgId()); // 404 outside the caller's scope
        String fromPath = form.fromOrgId() == null
                ? (OrgPath.depth(to.path()) > 1 ? to.path().substring(0, to.path().length() - OrgPath.SEGMENT) : null)
                : ancestorPath(to.path(), form.fromOrgId());
        if (fromPath == null || !DuesAllocationRules.below(fromPath, to.path())) {
            audit.refused("dues.allocation.record", "org", to.id(), to.path(), "recipient not below the allocating committee");
            throw InvalidInputException.of(form.fromOrgId() == null ? "toOrgId" : "fromOrgId", "dues.allocation.notBelow");
        }
        if (!OrgPath.covers(scope.orgPath(), fromPath)) {
            audit.refused("dues.allocation.record", "org", to.id(), to.path(), "not the allocating committee");
            throw new ForbiddenException("only the superior committee allocates dues back");
        }
        long fromId = OrgPath.idAt(fromPath, OrgPath.depth(fromPath));
        return tx.execute(s -> {
            DuesAllocationRecord r = new DuesAllocationRecord();
            r.setRegionOrgId(to.regionOrgId());
            r.setFromOrgId(fromId);
            r.setFromOrgPath(fromPath);
            r.setToOrgId(to.id());
            r.setToOrgPath(to.path());
            r.setKind(AllocationKind.ALLOCATE);
            r.setAmount(form.amount().setScale(2, RoundingMode.UNNECESSARY));
            r.setAllocatedOn(form.allocatedOn());
            r.setDecisionNo(decision);
            r.setDecidedOn(form.decidedOn());
            r.setPurpose(purpose);
            r.setNote(note);
            r.setCreatedBy(scope.username());
            repo.insert(r);
            audit.success("dues.allocation.record", "org", to.id(), fromPath, "allocation " + r.getId() + " "
                    + r.getAmount() + " → " + to.name() + ", decision " + decision + " of " + form.decidedOn() + ": " + purpose);
            return views(scope, List.of(r)).getFirst();
        });
    }

    /** 冲正: one reversal of a whole allocation, by the allocating committee, with the reason. */
    public Allocation reverse(DataScope scope, long id, ReverseForm form) {
        requireTreasurer(scope);
        DuesAllocationRecord a = repo.find(id).filter(x -> scope.covers(x.getFromOrgPath()) || scope.covers(x.getToOrgPath()))
                .orElseThrow(() -> new NotFoundException("allocation", id));
        if (!scope.covers(a.getFromOrgPath())) {
            audit.refused("dues.allocation.reverse", "org", a.getToOrgId(), a.getToOrgPath(), "not the allocating committee");
            throw new ForbiddenException("only the allocating committee reverses an allocation");
        }
        String reason = TextInput.required(form == null ? null : form.reason(), "reason", 500);
        try {
            return tx.execute(s -> {
                if (!DuesAllocationRules.reversible(a.getKind(), repo.reversed(id))) {
                    audit.refused("dues.allocation.reverse", "org", a.getToOrgId(), a.getFromOrgPath(), "allocation " + id + " not reversible");
                    throw new ConflictException("dues.allocation.reversed");
                }
                DuesAllocationRecord r = new DuesAllocationRecord();
                r.setRegionOrgId(a.getRegionOrgId());
                r.setFromOrgId(a.getFromOrgId());
                r.setFromOrgPath(a.getFromOrgPath());
                r.setToOrgId(a.getToOrgId());
                r.setToOrgPath(a.getToOrgPath());
                r.setKind(AllocationKind.REVERSAL);
                r.setAmount(a.getAmount().negate());
                r.setAllocatedOn(LocalDate.now(clock));
                r.setDecisionNo(a.getDecisionNo());
                r.setDecidedOn(a.getDecidedOn());
                r.setPurpose(a.getPurpose());
                r.setNote(reason);
                r.setReversesId(a.getId());
                r.setCreatedBy(scope.username());
                repo.insert(r);
                audit.success("dues.allocation.reverse", "org", a.getToOrgId(), a.getFromOrgPath(),
                        "reversal " + r.getId() + " of allocation " + id + " " + r.getAmount() + ": " + reason);
                return views(scope, List.of(r)).getFirst();
            });
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("dues.allocation.reversed"); // reversed in parallel
        }
    }

    /** The ledger of {@code orgId}'s subtree (default: the caller's scope) for {@code year} (default: this year). */
    public Ledger ledger(DataScope scope, Long orgId, Integer year) {
        if (!scope.canReadRoster() || scope.selfOnly()) {
            throw new ForbiddenException("the dues ledger is for organizations");
        }
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw InvalidInputException.of("year", "dues.allocation.year.invalid");
        }
        Organization root = orgId == null ? (scope.scopeOrgId() == null ? null : orgs.get(scope, scope.scopeOrgId()))
                : orgs.get(scope, orgId);
        String path = root == null ? scope.orgPath() : root.path();
        List<DuesAllocationRecord> rows = repo.list(path, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), 2000);
        List<Allocation> entries = views(scope, rows);
        BigDecimal out = BigDecimal.ZERO;
        BigDecimal in = BigDecimal.ZERO;
        for (DuesAllocationRecord r : rows) {
            if (r.getFromOrgPath().equals(path)) {
                out = out.add(r.getAmount()); // the root committee's own ledger, net of reversals
            }
            if (r.getToOrgPath().equals(path)) {
                in = in.add(r.getAmount()); // what the root received from above, net of reversals
            }
        }
        return new Ledger(root == null ? 0 : root.id(), root == null ? null : root.name(), y, entries,
                out.setScale(2, RoundingMode.HALF_UP), in.setScale(2, RoundingMode.HALF_UP));
    }

    private List<Allocation> views(DataScope scope, List<DuesAllocationRecord> rows) {
        Set<Long> ids = new HashSet<>();
        List<Long> allocations = new ArrayList<>();
        for (DuesAllocationRecord r : rows) {
            ids.add(r.getFromOrgId());
            ids.add(r.getToOrgId());
            if (r.getKind() == AllocationKind.ALLOCATE) {
                allocations.add(r.getId());
            }
        }
        Map<Long, String> names = orgs.namesOf(ids);
        Set<Long> reversed = repo.reversedAmong(allocations);
        return rows.stream().map(r -> {
            boolean rev = reversed.contains(r.getId());
            return new Allocation(r.getId(), r.getFromOrgId(), names.get(r.getFromOrgId()), r.getToOrgId(),
                    names.get(r.getToOrgId()), r.getKind(), r.getAmount(), r.getAllocatedOn(), r.getDecisionNo(),
                    r.getDecidedOn(), r.getPurpose(), r.getNote(), r.getReversesId(), rev, r.getCreatedBy(), r.getCreatedAt(),
                    scope.canManageMembers() && scope.covers(r.getFromOrgPath())
                            && DuesAllocationRules.reversible(r.getKind(), rev));
        }).toList();
    }

    /** The ancestor path of {@code path} whose last id is {@code id}; null when {@code id} is no strict ancestor. */
    private static String ancestorPath(String path, long id) {
        for (int d = OrgPath.depth(path) - 1; d >= 1; d--) {
            if (OrgPath.idAt(path, d) == id) {
                return path.substring(0, d * OrgPath.SEGMENT);
            }
        }
        return null;
    }

    private static void requireTreasurer(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("only the treasurer (branch secretary) or a superior may do this");
        }
    }
}
