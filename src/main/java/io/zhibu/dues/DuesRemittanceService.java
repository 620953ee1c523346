package io.zhibu.dues;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.DuesRemittanceRecord;
import io.zhibu.dues.internal.DuesRemittanceRepository;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 上缴 remittance of collected dues to the superior committee: an organization (branch, or township committee for
 * what it received) records what it sent for a period with amount, date and voucher number; the parent committee
 * confirms receipt. The report per subtree shows, per organization, collected + received − remitted = outstanding,
 * and the R5.5 voluntary payments ≥1000 yuan that must be remitted in full.
 */
@Service
public class DuesRemittanceService {
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    public record RemittanceForm(Long orgId, YearMonth from, YearMonth to, BigDecimal amount, LocalDate remittedOn,
                                 String voucherNo, String note) {
    }

    public record ConfirmForm(Integer version) {
    }

    /** {@code canConfirm}: the caller is the receiving (parent) committee and did not record it. */
    public record Remittance(long id, long orgId, String orgName, Long toOrgId, String toOrgName, YearMonth from,
                             YearMonth to, BigDecimal amount, LocalDate remittedOn, String voucherNo, String note,
                             String status, String createdBy, OffsetDateTime createdAt, String confirmedBy,
                             OffsetDateTime confirmedAt, int version, boolean canConfirm) {
    }

    /**
     * One organization's line: collected from its own members, received (confirmed) from below, remitted upward
     * (recorded, of which confirmed), outstanding = collected + received − remitted; {@code remitInFull} the R5.5
     * part, {@code remitInFullShort} when less than that has been remitted.
     */
    public record ReportLine(long orgId, String orgName, BigDecimal collected, BigDecimal received,
                             BigDecimal remitted, BigDecimal confirmed, BigDecimal outstanding, BigDecimal remitInFull,
                             boolean remitInFullShort) {
    }

    public record Report(long orgId, YearMonth from, YearMonth to, List<ReportLine> lines, List<Remittance> remittances,
                         BigDecimal collected, BigDecimal remitted, BigDecimal outstanding) {
    }

    private final DuesRemittanceRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DuesRemittanceService(DuesRemittanceRepository repo, OrgService orgs, AuditLog audit, TransactionTemplate tx,
                                 Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Remittance record(DataScope scope, RemittanceForm form) {
        requireTreasurer(scope);
        List<Violation> errors = new ArrayList<>();
        if (form == null || form.orgId() == null) {
            errors.add(new Violation("orgId", "validation.required"));
        }
        YearMonth current = YearMonth.now(clock);
        if (form == null || form.from() == null) {
            errors.add(new Violation("from", "validation.required"));
        }
        if (form == null || form.to() == null) {
            errors.add(new Violation("to", "validation.required"));
        } else if (form.to().isAfter(current)) {
            errors.add(new Violation("to", "dues.period.future"));
        } else if (form.from() != null && form.to().isBefore(form.from())) {
            errors.add(new Violation("to", "dues.period.order"));
        }
        BigDecimal a = form == null ? null : form.amount();
        if (a == null || a.signum() <= 0 || a.compareTo(MAX_AMOUNT) > 0 || a.stripTrailingZeros().scale() > 2) {
            errors.add(new Violation("amount", "dues.remit.amount"));
        }
        if (form == null || form.remittedOn() == null) {
            errors.add(new Violation("remittedOn", "validation.required"));
        } else if (form.remittedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new Violation("remittedOn", "dues.remit.dateInFuture"));
        }
        String voucher = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.voucherNo(), "voucherNo", 64));
        String note = InvalidInputException.collect(errors, () -> TextInput.optional(form == null ? null : form.note(), "note", 200));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization org = orgs.get(scope, form.orgId());
        if (org.parentId() == null) {
            throw InvalidInputException.of("orgId", "dues.remit.noParent");
        }
        try {
            return tx.execute(s -> {
                if (repo.voucherExists(org.id(), voucher)) {
                    throw new ConflictException("dues.remit.duplicateVoucher", voucher);
                }
                DuesRemittanceRecord r = new DuesRemittanceRecord();
                r.setRegionOrgId(org.regionOrgId());
                r.setOrgId(org.id());
                r.setOrgPath(org.path());
                r.setToOrgId(org.parentId());
                r.setToOrgPath(org.path().substring(0, org.path().length() - OrgPath.SEGMENT));
                r.setPeriodFrom(form.from().atDay(1));
                r.setPeriodTo(form.to().atDay(1));
                r.setAmount(a.setScale(2, RoundingMode.UNNECESSARY));
                r.setRemittedOn(form.remittedOn());
                r.setVoucherNo(voucher);
                r.setNote(note);
                r.setStatus(RemittanceStatus.RECORDED);
                r.setCreatedBy(scope.username());
                r.setVersion(0);
                repo.insert(r);
                audit.success("dues.remit.record", "org", org.id(), org.path(),
                        "remittance " + r.getId() + " " + r.getAmount() + " " + form.from() + "…" + form.to() + " voucher " + voucher);
                return views(scope, List.of(r)).get(0);
            });
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("dues.remit.duplicateVoucher", voucher); // the same voucher recorded in parallel
        }
    }

    /** 确认收到 by the receiving committee (a user whose scope covers the parent), never by the recorder. */
    public Remittance confirm(DataScope scope, long id, ConfirmForm form) {
        requireTreasurer(scope);
        if (form == null || form.version() == null) {
            throw InvalidInputException.of("version", "validation.required");
        }
        return tx.execute(s -> {
            DuesRemittanceRecord r = repo.find(id).filter(x -> scope.covers(x.getOrgPath()))
                    .orElseThrow(() -> new NotFoundException("remittance", id));
            if (!OrgPath.covers(scope.orgPath(), r.getToOrgPath())) {
                throw new ForbiddenException("only the receiving committee confirms a remittance");
            }
            if (scope.username().equals(r.getCreatedBy())) {
                throw new ConflictException("dues.remit.ownRecord");
            }
            if (!repo.confirm(id, form.version(), scope.username())) {
                throw new ConflictException(r.getStatus() == RemittanceStatus.CONFIRMED ? "dues.remit.confirmed" : "error.concurrentChange");
            }
            audit.success("dues.remit.confirm", "org", r.getOrgId(), r.getOrgPath(), "remittance " + id + " " + r.getAmount());
            return views(scope, List.of(repo.find(id).orElseThrow())).get(0);
        });
    }

    /** The remittance report of the subtree (default: the caller's scope) for [from, to] (default: this year). */
    public Report report(DataScope scope, Long orgId, YearMonth from, YearMonth to) {
        requireTreasurer(scope);
        Organization root = orgId == null ? (scope.scopeOrgId() == null ? null : orgs.get(scope, scope.scopeOrgId()))
                : orgs.get(scope, orgId);
        String path = root == null ? scope.orgPath() : root.path();
        YearMonth t = to == null ? YearMonth.now(clock) : to;
        YearMonth f = from == null ? t.withMonth(1) : from;
        if (t.isBefore(f)) {
            throw InvalidInputException.of("to", "dues.period.order");
        }
        LocalDate fd = f.atDay(1);
        LocalDate td = t.atDay(1);
        return tx.execute(s -> {
            Map<String, BigDecimal> collected = repo.collected(path, fd, td);
            Map<String, BigDecimal> received = repo.received(path, fd, td);
            Map<String, BigDecimal> inFull = repo.remitInFull(path, fd, td);
            List<DuesRemittanceRecord> rows = repo.list(path, fd, td, 5000);
            Map<String, BigDecimal[]> sent = new TreeMap<>();
            for (DuesRemittanceRecord r : rows) {
                BigDecimal[] v = sent.computeIfAbsent(r.getOrgPath(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                v[0] = v[0].add(r.getAmount());
                if (r.getStatus() == RemittanceStatus.CONFIRMED) {
                    v[1] = v[1].add(r.getAmount());
                }
            }
            Set<String> paths = new HashSet<>(collected.keySet());
            paths.addAll(received.keySet());
            paths.addAll(sent.keySet());
            paths.addAll(inFull.keySet());
            List<String> ordered = paths.stream().filter(p -> !p.isEmpty()).sorted().toList();
            Map<Long, String> names = orgs.namesOf(ordered.stream().map(DuesRemittanceService::idOf).toList());
            List<ReportLine> lines = new ArrayList<>();
            for (String p : ordered) {
                BigDecimal c = money(collected.get(p));
                BigDecimal in = money(received.get(p));
                BigDecimal[] v = sent.getOrDefault(p, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                BigDecimal full = money(inFull.get(p));
                lines.add(new ReportLine(idOf(p), names.get(idOf(p)), c, in, money(v[0]), money(v[1]),
                        DuesRemittanceRules.outstanding(c, in, v[0]), full, DuesRemittanceRules.shortOfFullRemittance(full, v[0])));
            }
            BigDecimal totalCollected = lines.stream().map(ReportLine::collected).reduce(BigDecimal.ZERO, BigDecimal::add);
            // what left the subtree: remittances of its root to the root's parent
            BigDecimal out = root == null ? BigDecimal.ZERO : money(sent.getOrDefault(root.path(),
                    new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0]);
            return new Report(root == null ? 0 : root.id(), f, t, lines, views(scope, rows), totalCollected, out,
                    totalCollected.subtract(out));
        });
    }

    private List<Remittance> views(DataScope scope, List<DuesRemittanceRecord> rows) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.getOrgId());
            if (r.getToOrgId() != null) {
                ids.add(r.getToOrgId());
            }
        });
        Map<Long, String> names = orgs.namesOf(ids);
        return rows.stream().map(r -> new Remittance(r.getId(), r.getOrgId(), names.get(r.getOrgId()), r.getToOrgId(),
                r.getToOrgId() == null ? null : names.get(r.getToOrgId()), YearMonth.from(r.getPeriodFrom()),
                YearMonth.from(r.getPeriodTo()), r.getAmount(), r.getRemittedOn(), r.getVoucherNo(), r.getNote(),
                r.getStatus().name(), r.getCreatedBy(), r.getCreatedAt(), r.getConfirmedBy(), r.getConfirmedAt(), r.getVersion(),
                r.getStatus() == RemittanceStatus.RECORDED && OrgPath.covers(scope.orgPath(), r.getToOrgPath())
                        && !scope.username().equals(r.getCreatedBy()))).toList();
    }

    private static long idOf(String path) {
        return OrgPath.idAt(path, OrgPath.depth(path));
    }

    private static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
    }

    private static void requireTreasurer(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("only the treasurer (branch secretary) or a superior may do this");
        }
    }
}
