package io.zhibu.dues;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.DuesAccountRecord;
import io.zhibu.db.tables.records.DuesBillCorrectionRecord;
import io.zhibu.db.tables.records.DuesReliefRecord;
import io.zhibu.dues.internal.DuesReliefRepository;
import io.zhibu.dues.internal.DuesRepository;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgService;
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
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 困难减免 hardship reductions and exemptions (R5.5): the branch decides (reduced monthly amount or exemption, reason,
 * months, decision date), the next-level committee approves or rejects. Only an APPROVED relief changes the ledger:
 * bills issued later carry the relief amount, bills already issued get a correcting entry (never an update). Other
 * members see only "reduced/exempt" in the publicity list, never the reason.
 */
@Service
public class DuesReliefService {
    /** One decision covers at most a year; hardship is re-examined yearly (our choice, rules.md is silent). */
    public static final int MAX_MONTHS = 12;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999.99");

    public enum Kind { REDUCED, EXEMPT }

    /** The branch decision. {@code monthlyAmount}: what the member pays per month (REDUCED only). */
    public record ReliefForm(Kind kind, BigDecimal monthlyAmount, YearMonth from, YearMonth to, String reason,
                             LocalDate decidedOn) {
    }

    public record ReviewForm(Integer version, String note) {
    }

    /** {@code canReview}: the caller is the superior committee of the branch and did not file it. */
    public record Relief(long id, long memberId, String memberName, long orgId, String orgName, Kind kind,
                         BigDecimal monthlyAmount, YearMonth from, YearMonth to, String reason, LocalDate decidedOn,
                         String status, String requestedBy, OffsetDateTime requestedAt, String reviewedBy,
                         OffsetDateTime reviewedAt, String reviewNote, int version, boolean canReview) {
    }

    private final DuesReliefRepository reliefs;
    private final DuesRepository repo;
    private final MemberDirectory directory;
    private final OrgService orgs;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DuesReliefService(DuesReliefRepository reliefs, DuesRepository repo, MemberDirectory directory,
                             OrgService orgs, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.reliefs = reliefs;
        this.repo = repo;
        this.directory = directory;
        this.orgs = orgs;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The branch's decision, recorded by its treasurer (or a superior in scope); waits for approval. */
    public Relief request(DataScope scope, long memberId, ReliefForm form) {
        requireTreasurer(scope);
        List<Violation> errors = new ArrayList<>();
        if (form == null || form.kind() == null) {
            errors.add(new Violation("kind", "validation.required"));
        }
        BigDecimal amount = BigDecimal.ZERO;
        if (form != null && form.kind() == Kind.REDUCED) {
            BigDecimal a = form.monthlyAmount();
            if (a == null || a.signum() <= 0 || a.compareTo(MAX_AMOUNT) > 0 || a.stripTrailingZeros().scale() > 2) {
                errors.add(new Violation("monthlyAmount", "dues.relief.amount"));
            } else {
                amount = a.setScale(2, RoundingMode.UNNECESSARY);
            }
        }
        if (form == null || form.from() == null) {
            errors.add(new Violation("from", "validation.required"));
        }
        if (form == null || form.to() == null) {
            errors.add(new Violation("to", "validation.required"));
        }
        if (form != null && form.from() != null && form.to() != null) {
            if (form.to().isBefore(form.from())) {
                errors.add(new Violation("to", "dues.period.order"));
            } else if (form.from().plusMonths(MAX_MONTHS - 1).isBefore(form.to())) {
                errors.add(new Violation("to", "dues.relief.tooLong", MAX_MONTHS));
            }
        }
        String reason = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.reason(), "reason", 500));
        if (form == null || form.decidedOn() == null) {
            errors.add(new Violation("decidedOn", "validation.required"));
        } else if (form.decidedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new Violation("decidedOn", "dues.relief.decidedInFuture"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        BigDecimal monthly = amount;
        return tx.execute(s -> {
            DuesAccountRecord a = load(scope, memberId);
            if (form.kind() == Kind.REDUCED && monthly.compareTo(a.getMonthlyAmount()) >= 0) {
                throw InvalidInputException.of("monthlyAmount", "dues.relief.notLower", a.getMonthlyAmount());
            }
            LocalDate from = form.from().atDay(1);
            LocalDate to = form.to().atDay(1);
            if (reliefs.overlaps(memberId, from, to)) {
                throw new ConflictException("dues.relief.overlap");
            }
            DuesReliefRecord r = new DuesReliefRecord();
            r.setRegionOrgId(a.getRegionOrgId());
            r.setOrgId(a.getOrgId());
            r.setOrgPath(a.getOrgPath());
            r.setMemberId(memberId);
            r.setKind(form.kind());
            r.setMonthlyAmount(monthly);
            r.setPeriodFrom(from);
            r.setPeriodTo(to);
            r.setReason(reason);
            r.setDecidedOn(form.decidedOn());
            r.setStatus(ReliefStatus.PENDING);
            r.setRequestedBy(scope.username());
            r.setVersion(0);
            reliefs.insert(r);
            audit.success("dues.relief.request", "member", memberId, a.getOrgPath(),
                    "relief " + r.getId() + " " + r.getKind() + " " + monthly + " " + form.from() + "…" + form.to());
            return view(scope, r, null, null);
        });
    }

    /** Approval by the next-level committee; issued bills of the months get correcting entries. */
    public Relief approve(DataScope scope, long id, ReviewForm form) {
        return review(scope, id, form, true);
    }

    public Relief reject(DataScope scope, long id, ReviewForm form) {
        return review(scope, id, form, false);
    }

    private Relief review(DataScope scope, long id, ReviewForm form, boolean approve) {
        requireTreasurer(scope);
        List<Violation> errors = new ArrayList<>();
        if (form == null || form.version() == null) {
            errors.add(new Violation("version", "validation.required"));
        }
        String note = InvalidInputException.collect(errors, () -> approve
                ? TextInput.optional(form == null ? null : form.note(), "note", 500)
                : TextInput.required(form == null ? null : form.note(), "note", 500));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return tx.execute(s -> {
            DuesReliefRecord r = reliefs.find(id).filter(x -> scope.covers(x.getOrgPath()))
                    .orElseThrow(() -> new NotFoundException("relief", id));
            if (!coversParent(scope, r.getOrgPath())) {
                throw new ForbiddenException("only the next-level committee approves a relief (R5.5)");
            }
            if (scope.username().equals(r.getRequestedBy())) {
                throw new ConflictException("dues.relief.ownDecision");
            }
            if (approve && reliefs.overlapsApproved(r.getMemberId(), r.getPeriodFrom(), r.getPeriodTo(), id)) {
                throw new ConflictException("dues.relief.overlap"); // approved reliefs never overlap (one per bill)
            }
            if (!reliefs.review(id, form.version(), approve ? ReliefStatus.APPROVED : ReliefStatus.REJECTED, scope.username(), note)) {
                throw new ConflictException(r.getStatus() != ReliefStatus.PENDING ? "dues.relief.notPending" : "error.concurrentChange");
            }
            if (approve) {
                correctIssuedBills(r, scope.username());
            }
            audit.success(approve ? "dues.relief.approve" : "dues.relief.reject", "member", r.getMemberId(),
                    r.getOrgPath(), "relief " + id + (note == null ? "" : ": " + note));
            return view(scope, reliefs.find(id).orElseThrow(), null, null);
        });
    }

    /** 更正: each issued bill of the months gets one entry bringing its due to the relief amount. */
    private void correctIssuedBills(DuesReliefRecord r, String by) {
        List<DuesBillCorrectionRecord> rows = new ArrayList<>();
        for (Record b : reliefs.issuedBills(r.getMemberId(), r.getPeriodFrom(), r.getPeriodTo())) {
            BigDecimal billed = b.get("amount_due", BigDecimal.class);
            BigDecimal effective = b.get("effective", BigDecimal.class);
            BigDecimal delta = DuesReliefRules.correction(billed, effective, r.getMonthlyAmount());
            if (delta.signum() == 0) {
                continue;
            }
            DuesBillCorrectionRecord c = new DuesBillCorrectionRecord();
            c.setRegionOrgId(b.get("region_org_id", Long.class));
            c.setOrgId(b.get("org_id", Long.class));
            c.setOrgPath(b.get("org_path", String.class));
            c.setMemberId(r.getMemberId());
            c.setPeriod(b.get("period", LocalDate.class));
            c.setAmount(delta);
            c.setReliefId(r.getId());
            c.setCreatedBy(by);
            rows.add(c);
        }
        reliefs.insertCorrections(rows);
    }

    /** Reliefs of the subtree (or of one org), newest first; {@code status} e.g. PENDING for the approval queue. */
    public List<Relief> list(DataScope scope, Long orgId, String rawStatus) {
        requireTreasurer(scope);
        String path = orgId == null ? scope.orgPath() : orgs.get(scope, orgId).path();
        ReliefStatus status = rawStatus == null || rawStatus.isBlank() ? null : java.util.Arrays.stream(ReliefStatus.values())
                .filter(v -> v.name().equals(rawStatus)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("status", "dues.relief.status"));
        return tx.execute(s -> views(scope, reliefs.list(path, null, status, 500)));
    }

    /** One member's reliefs (their statement; a member sees their own, including the reason). */
    public List<Relief> ofMember(DataScope scope, long memberId) {
        return tx.execute(s -> {
            load(scope, memberId);
            return views(scope, reliefs.list(scope.orgPath(), memberId, null, 50));
        });
    }

    private List<Relief> views(DataScope scope, List<DuesReliefRecord> rows) {
        Map<Long, String> names = directory.namesOf(scope, rows.stream().map(DuesReliefRecord::getMemberId).distinct().toList());
        Map<Long, String> orgNames = orgs.namesOf(rows.stream().map(DuesReliefRecord::getOrgId).distinct().toList());
        return rows.stream().map(r -> view(scope, r, names.get(r.getMemberId()), orgNames.get(r.getOrgId()))).toList();
    }

    private Relief view(DataScope scope, DuesReliefRecord r, String memberName, String orgName) {
        boolean canReview = r.getStatus() == ReliefStatus.PENDING && scope.canManageMembers()
                && coversParent(scope, r.getOrgPath()) && !scope.username().equals(r.getRequestedBy());
        return new Relief(r.getId(), r.getMemberId(), memberName, r.getOrgId(), orgName, r.getKind(),
                r.getMonthlyAmount(), YearMonth.from(r.getPeriodFrom()), YearMonth.from(r.getPeriodTo()), r.getReason(),
                r.getDecidedOn(), r.getStatus().name(), r.getRequestedBy(), r.getRequestedAt(), r.getReviewedBy(),
                r.getReviewedAt(), r.getReviewNote(), r.getVersion(), canReview);
    }

    /** The caller's scope includes the branch's parent committee (支部's 上级党组织). */
    static boolean coversParent(DataScope scope, String orgPath) {
        String parent = orgPath.length() <= OrgPath.SEGMENT ? "" : orgPath.substring(0, orgPath.length() - OrgPath.SEGMENT);
        return OrgPath.covers(scope.orgPath(), parent);
    }

    private DuesAccountRecord load(DataScope scope, long memberId) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role has no dues access");
        }
        return repo.account(memberId).filter(a -> scope.covers(a.getOrgPath()))
                .filter(a -> !scope.selfOnly() || a.getMemberId().equals(scope.selfMemberId()))
                .orElseThrow(() -> new NotFoundException("member", memberId));
    }

    private static void requireTreasurer(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("only the treasurer (branch secretary) or a superior may do this");
        }
    }
}
