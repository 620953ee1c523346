package io.zhibu.transfer;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.TransferTransferRecord;
import io.zhibu.member.MemberLifecycle;
import io.zhibu.member.MemberService;
import io.zhibu.member.MemberView;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import io.zhibu.transfer.internal.TransferRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 组织关系转接 (rules.md §4). The sending side works in its subtree, the receiving side in its own: each sees the
 * transfers whose sending or receiving org lies in its scope and acts only on its side's steps. The member stays
 * on the old roster, flagged in transit, until COMPLETED. Concurrent steps: optimistic version, one wins.
 */
@Service
public class TransferService {
    /** Resolves the receiving org anywhere on the platform (R4.2: transfers go nationwide); reads only name/path. */
    private static final DataScope PLATFORM = new DataScope(0, "system", Role.ADMIN, null, "", null, null);

    private final TransferRepository repo;
    private final MemberService members;
    private final MemberLifecycle lifecycle;
    private final OrgService orgs;
    private final AuditLog audit;
    private final ObjectProvider<DuesClearance> dues;
    private final Clock clock;
    private final int defaultValidMonths;

    public TransferService(TransferRepository repo, MemberService members, MemberLifecycle lifecycle, OrgService orgs,
                           AuditLog audit, ObjectProvider<DuesClearance> dues, Clock clock,
                           @Value("${zhibu.transfer.letter-valid-months:1}") int defaultValidMonths) {
        this.repo = repo;
        this.members = members;
        this.lifecycle = lifecycle;
        this.orgs = orgs;
        this.audit = audit;
        this.dues = dues;
        this.clock = clock;
        this.defaultValidMonths = defaultValidMonths;
    }

    @Transactional
    public TransferView create(DataScope scope, NewTransfer n) {
        requireStaff(scope);
        if (n.kind() == null) {
            throw InvalidInputException.of("kind", "validation.required");
        }
        List<Violation> errors = new ArrayList<>();
        TransferTransferRecord t = new TransferTransferRecord();
        t.setKind(n.kind());
        t.setCreatedBy(scope.username());
        t.setReason(InvalidInputException.collect(errors, () -> TextInput.optional(n.reason(), "reason", 500)));
        if (n.kind() == TransferKind.INCOMING) {
            Organization to = branch(errors, scope, n.toOrgId(), "toOrgId");
            String name = InvalidInputException.collect(errors, () -> TextInput.personName(n.memberName(), "memberName"));
            String from = InvalidInputException.collect(errors, () -> TextInput.required(n.fromOrgName(), "fromOrgName", 100));
            String letter = InvalidInputException.collect(errors, () -> TextInput.required(n.letterNumber(), "letterNumber", 40));
            if (n.validUntil() == null) {
                errors.add(new Violation("validUntil", "validation.required"));
            } else if (n.validUntil().isBefore(today())) {
                // R4.5: an expired letter is not received; the sending side reissues it (REISSUE)
                errors.add(new Violation("validUntil", "validation.expired"));
            }
            throwIf(errors);
            t.setChannel(TransferChannel.PAPER);
            t.setStatus(TransferStatus.ISSUED);
            t.setMemberName(name);
            t.setFromOrgName(from);
            t.setLetterNumber(letter);
            t.setValidUntil(n.validUntil());
            t.setIssuedOn(today());
            setTo(t, to);
            t.setRegionOrgId(to.regionOrgId());
            t.setOrgPath(to.path());
        } else {
            MemberView m = null;
            if (n.memberId() == null) {
                errors.add(new Violation("memberId", "validation.required"));
            } else {
                try {
                    m = members.get(scope, n.memberId());
                } catch (NotFoundException e) {
                    errors.add(new Violation("memberId", "transfer.member.unknown"));
                }
            }
            Organization to = null;
            String toName = null;
            if (n.kind() == TransferKind.INTERNAL) {
                to = receivingOrg(errors, n);
                if (to != null && m != null && to.id() == m.orgId()) {
                    errors.add(new Violation("toOrgId", "transfer.sameOrg"));
                }
            } else {
                toName = InvalidInputException.collect(errors, () -> TextInput.required(n.toOrgName(), "toOrgName", 100));
            }
            TransferChannel channel = n.kind() == TransferKind.OUTGOING ? TransferChannel.PAPER
                    : n.channel() == null ? TransferChannel.ONLINE : n.channel();
            throwIf(errors);
            var state = lifecycle.state(scope, m.id());
            if (state.exited()) {
                throw new ConflictException("lifecycle.conflict.exited");
            }
            if (repo.openFor(m.id())) {
                throw new ConflictException("transfer.conflict.open");
            }
            Organization from = orgs.get(scope, m.orgId());
            t.setChannel(channel);
            t.setStatus(TransferStatus.DRAFT);
            t.setMemberId(m.id());
            t.setMemberName(m.name());
            t.setMemberIdMasked(m.idNumberMasked());
            t.setFromOrgId(from.id());
            t.setFromOrgName(from.name());
            t.setRegionOrgId(from.regionOrgId());
            t.setOrgPath(from.path());
            if (to != null) {
                setTo(t, to);
            } else {
                t.setToOrgName(toName);
            }
        }
        long id = repo.insert(t);
        TransferTransferRecord stored = repo.find(id).orElseThrow();
        repo.step(stored, null, null, stored.getStatus(), stored.getReason(), scope.username());
        audit.success("transfer.create", "transfer", id, stored.getOrgPath(), n.kind() + " " + stored.getMemberName()
                + " → " + stored.getToOrgName());
        return view(scope, stored, true);
    }

    @Transactional
    public TransferView act(DataScope scope, long id, TransferCommand cmd) {
        requireStaff(scope);
        if (cmd.action() == null) {
            throw InvalidInputException.of("action", "validation.required");
        }
        if (cmd.version() == null) {
            throw InvalidInputException.of("version", "validation.required");
        }
        TransferTransferRecord t = load(scope, id);
        TransferKind kind = t.getKind();
        TransferChannel channel = t.getChannel();
        TransferStatus from = t.getStatus();
        if (!onSide(scope, t, TransferStateMachine.side(kind, cmd.action()))) {
            throw new ForbiddenException("the other side takes this step");
        }
        if (cmd.version() != t.getVersion().intValue()) {
            throw new ConflictException("transfer.conflict.concurrent");
        }
        TransferStatus to = TransferStateMachine.next(kind, channel, from, cmd.action());
        LocalDate today = today();
        TransferStateMachine.requireValid(from, cmd.action(), t.getValidUntil(), today);
        String note = TextInput.optional(cmd.note(), "note", 500);
        TransferRepository.Change set = TransferRepository.Change.to(to);
        Runnable after = () -> {
        };
        switch (cmd.action()) {
            case SUBMIT -> after = () -> lifecycle.markInTransit(scope, t.getMemberId(), true, t.getToOrgName());
            case APPROVE_OUT -> {
                YearMonth month = YearMonth.from(today);
                DuesClearance.Answer a = dues.getIfAvailable(() -> DuesClearance.UNKNOWN).check(t.getMemberId(), month);
                if (a.status() == DuesClearance.Status.OWING) { // R4.4: paid up to the transfer month
                    throw new ConflictException("transfer.conflict.duesOwing", a.paidUntil() == null ? "—" : a.paidUntil());
                }
                set = set.duesPaidUntil(a.status() == DuesClearance.Status.UNKNOWN ? "UNKNOWN"
                        : String.valueOf(a.paidUntil() == null ? month : a.paidUntil()));
            }
            case ISSUE, REISSUE -> {
                int months = TransferStateMachine.validityMonths(cmd.validMonths(), defaultValidMonths); // R4.5
                set = set.letter(today, today.plusMonths(months), cmd.action() == TransferAction.ISSUE
                        ? String.format("转字〔%d〕%06d号", today.getYear(), t.getId())
                        : String.format("转字〔%d〕%06d-%d号", today.getYear(), t.getId(), t.getVersion() + 1));
            }
            case RETURN -> {
                if (note == null) {
                    throw InvalidInputException.of("note", "validation.required");
                }
                set = set.returnReason(note);
            }
            case REPORT -> {
                if (kind == TransferKind.INCOMING) {
                    if (cmd.member() == null) {
                        throw InvalidInputException.of("member", "validation.required");
                    }
                    var f = cmd.member();
                    long target = cmd.targetBranchId() != null ? cmd.targetBranchId() : t.getToOrgId();
                    MemberView created = members.create(scope, new io.zhibu.member.MemberForm(target, f.name(),
                            f.idNumber(), f.gender(), f.birthDate(), f.ethnicity(), f.education(), f.personCategory(),
                            f.jobTitle(), f.phone(), f.address(), f.category(), f.joinedOn(), f.fullMemberOn(),
                            f.probationExtensionMonths(), false, null, false, null, null));
                    set = set.member(created.id(), created.name(), created.idNumberMasked()).targetBranch(target);
                } else {
                    List<Violation> errors = new ArrayList<>();
                    Organization b = branch(errors, scope, cmd.targetBranchId() != null ? cmd.targetBranchId()
                            : t.getToOrgId(), "targetBranchId");
                    throwIf(errors);
                    set = set.targetBranch(b.id());
                }
            }
            case COMPLETE -> {
                if (kind == TransferKind.INTERNAL) {
                    after = () -> lifecycle.completeTransfer(scope, t.getMemberId(), t.getTargetBranchId(),
                            t.getLetterNumber());
                } else if (kind == TransferKind.OUTGOING) {
                    after = () -> lifecycle.completeTransferOut(scope, t.getMemberId(), t.getToOrgName());
                }
            }
            case CANCEL -> {
                if (t.getMemberId() != null && kind != TransferKind.INCOMING && from != TransferStatus.DRAFT) {
                    after = () -> lifecycle.markInTransit(scope, t.getMemberId(), false, note);
                }
            }
            default -> {
            }
        }
        if (!repo.transition(id, t.getVersion(), from, set)) {
            throw new ConflictException("transfer.conflict.concurrent");
        }
        after.run();
        TransferTransferRecord updated = repo.find(id).orElseThrow();
        repo.step(updated, cmd.action(), from, to, note, scope.username());
        audit.success("transfer." + cmd.action().name().toLowerCase(), "transfer", id, t.getOrgPath(),
                from + " -> " + to + (note == null ? "" : " " + note));
        return view(scope, updated, true);
    }

    @Transactional(readOnly = true)
    public TransferView get(DataScope scope, long id) {
        requireStaff(scope);
        return view(scope, load(scope, id), true);
    }

    /** box: OUT = sent from my subtree, IN = addressed to it, null = both. */
    @Transactional(readOnly = true)
    public Page<TransferView> list(DataScope scope, TransferSide box, TransferStatus status, Integer page, Integer size) {
        requireStaff(scope);
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        return new Page<>(repo.list(scope.orgPath(), box, status, p, s).stream().map(t -> view(scope, t, false)).toList(), p, s,
                repo.count(scope.orgPath(), box, status));
    }

    /** To-do: letters past their validity (R4.5) on either side of the scope. */
    @Transactional(readOnly = true)
    public List<TransferView> overdue(DataScope scope) {
        requireStaff(scope);
        return repo.overdue(scope.orgPath(), today(), 200).stream().map(t -> view(scope, t, false)).toList();
    }

    private TransferView view(DataScope scope, TransferTransferRecord t, boolean withSteps) {
        TransferKind kind = t.getKind();
        TransferChannel channel = t.getChannel();
        TransferStatus status = t.getStatus();
        List<TransferAction> actions = new ArrayList<>();
        for (TransferAction a : TransferAction.values()) {
            try {
                TransferStateMachine.next(kind, channel, status, a);
                TransferStateMachine.requireValid(status, a, t.getValidUntil(), today());
                if (onSide(scope, t, TransferStateMachine.side(kind, a))) {
                    actions.add(a);
                }
            } catch (ConflictException e) {
                // not possible now
            }
        }
        List<TransferView.Step> steps = withSteps ? repo.steps(t.getId()).stream().map(s -> new TransferView.Step(
                s.getAction(), s.getFromStatus(), s.getToStatus(), s.getNote(), s.getActor(), s.getCreatedAt())).toList()
                : List.of();
        boolean overdue = t.getValidUntil() != null && (status == TransferStatus.ISSUED || status == TransferStatus.ACCEPTED)
                && today().isAfter(t.getValidUntil());
        return new TransferView(t.getId(), kind, channel, status, t.getMemberId(), t.getMemberName(),
                t.getMemberIdMasked(), t.getFromOrgId(), t.getFromOrgName(), t.getToOrgId(), t.getToOrgName(),
                t.getReason(), t.getLetterNumber(), t.getIssuedOn(), t.getValidUntil(), overdue, t.getDuesPaidUntil(),
                t.getReturnReason(), t.getTargetBranchId(), t.getVersion(), t.getCreatedBy(), t.getCreatedAt(), steps,
                actions);
    }

    private static boolean onSide(DataScope scope, TransferTransferRecord t, TransferSide side) {
        if (t.getKind() == TransferKind.INCOMING || side == TransferSide.RECEIVING) {
            return t.getToOrgPath() != null && scope.covers(t.getToOrgPath());
        }
        return scope.covers(t.getOrgPath());
    }

    private TransferTransferRecord load(DataScope scope, long id) {
        return repo.find(id).filter(t -> scope.covers(t.getOrgPath())
                        || (t.getToOrgPath() != null && scope.covers(t.getToOrgPath())))
                .orElseThrow(() -> new NotFoundException("transfer", id));
    }

    private Organization receivingOrg(List<Violation> errors, NewTransfer n) {
        try {
            Organization o = n.toOrgId() != null ? orgs.get(PLATFORM, n.toOrgId())
                    : n.toOrgCode() != null && !n.toOrgCode().isBlank() ? orgs.getByCode(PLATFORM, n.toOrgCode().strip())
                    : null;
            if (o == null) {
                errors.add(new Violation("toOrgId", "validation.required"));
            } else if (!o.active()) {
                errors.add(new Violation("toOrgId", "transfer.org.inactive"));
            } else {
                return o;
            }
        } catch (NotFoundException e) {
            errors.add(new Violation("toOrgId", "transfer.org.unknown"));
        }
        return null;
    }

    private Organization branch(List<Violation> errors, DataScope scope, Long orgId, String field) {
        if (orgId == null) {
            errors.add(new Violation(field, "validation.required"));
            return null;
        }
        try {
            Organization o = orgs.get(scope, orgId);
            if (!o.active() || !o.type().holdsMembers()) {
                errors.add(new Violation(field, "member.org.notABranch"));
                return null;
            }
            return o;
        } catch (NotFoundException e) {
            errors.add(new Violation(field, "member.org.unknown"));
            return null;
        }
    }

    private static void setTo(TransferTransferRecord t, Organization to) {
        t.setToOrgId(to.id());
        t.setToOrgName(to.name());
        t.setToOrgPath(to.path());
        t.setToRegionOrgId(to.regionOrgId());
    }

    private static void throwIf(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }


    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireStaff(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot handle transfers");
        }
    }
}
