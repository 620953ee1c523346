package io.zhibu.org;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.OrgSetupRequestRecord;
import io.zhibu.org.BranchSetupRules.Action;
import io.zhibu.org.BranchSetupRules.Status;
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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 成立党支部 (R1.1): a request to set up a branch (host unit, proposed members meeting the R1.2 threshold, reason),
 * decided by the superior committee within one month; on approval the branch is created by {@link OrgService#create}
 * with the proposed members as founders, in the same transaction. Every step is kept as the request's history.
 */
@Service
public class BranchSetupRequests {
    /** The application: under {@code parentId} (the superior committee), proposed members by roster id. */
    public record Request(Long parentId, String name, OrgType type, OrgDomain domain, String hostUnit, String reason,
                          List<Long> memberIds) {
    }

    public record Decision(Action action, Integer version, String note) {
    }

    public record Step(String action, Status fromStatus, Status toStatus, String note, String actor, OffsetDateTime at) {
    }

    public record View(long id, long parentId, String parentName, String name, OrgType type, OrgDomain domain,
                       String hostUnit, String reason, List<Long> memberIds, int fullMembers, Status status,
                       LocalDate replyDue, boolean replyOverdue, String requestedBy, OffsetDateTime requestedAt,
                       String decidedBy, String decisionNote, Long createdOrgId, int version, boolean canDecide,
                       List<Step> steps) {
    }

    private final OrgService orgs;
    private final OrgMembershipPort members;
    private final OrgRequestRepository repo;
    private final AuditLog audit;
    private final Clock clock;

    public BranchSetupRequests(OrgService orgs, OrgMembershipPort members, OrgRequestRepository repo, AuditLog audit,
                               Clock clock) {
        this.orgs = orgs;
        this.members = members;
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public View submit(DataScope scope, Request r) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot apply for a branch");
        }
        List<Violation> errors = new ArrayList<>();
        Organization parent = null;
        if (r.parentId() == null) {
            errors.add(new Violation("parentId", "validation.required"));
        } else {
            parent = orgs.get(scope, r.parentId()); // 404 outside the scope
            if (!parent.active()) {
                errors.add(new Violation("parentId", "org.parent.inactive"));
            } else if (r.type() != null && !parent.type().canHaveChild(r.type())) {
                errors.add(new Violation("type", "org.type.notAllowedUnder", parent.name()));
            }
        }
        String name = InvalidInputException.collect(errors, () -> TextInput.required(r.name(), "name", 100));
        String host = InvalidInputException.collect(errors, () -> TextInput.required(r.hostUnit(), "hostUnit", 100));
        String reason = InvalidInputException.collect(errors, () -> TextInput.required(r.reason(), "reason", 500));
        if (!BranchSetupRules.applies(r.type())) {
            errors.add(new Violation("type", r.type() == null ? "validation.required" : "setup.type.notABranch"));
        }
        if (r.domain() == null) {
            errors.add(new Violation("domain", "validation.required"));
        }
        if (!OrgFormationRules.jointBranchUnitsOk(r.type(), host)) { // §1.1: a joint branch covers ≤5 units
            errors.add(new Violation("hostUnit", "org.jointBranch.tooManyUnits", OrgFormationRules.hostUnitCount(host)));
        }
        List<Long> ids = r.memberIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(r.memberIds()));
        long full = 0;
        if (ids.isEmpty()) {
            errors.add(new Violation("memberIds", "validation.required"));
        } else if (ids.size() > 200) {
            errors.add(new Violation("memberIds", "setup.members.tooMany"));
        } else if (members.countMembers(ids, scope.orgPath()) != ids.size()) {
            errors.add(new Violation("memberIds", "org.founders.unknown"));
        } else {
            full = members.countFullMembers(ids, scope.orgPath());
            if (r.type() != null && !BranchSetupRules.meetsThreshold(r.type(), full)) {
                errors.add(new Violation("memberIds", "org.branch.belowThree", full)); // R1.2
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate today = today();
        OrgSetupRequestRecord s = new OrgSetupRequestRecord();
        s.setRegionOrgId(parent.regionOrgId());
        s.setParentOrgId(parent.id());
        s.setOrgPath(parent.path());
        s.setName(name);
        s.setOrgType(r.type());
        s.setDomain(r.domain());
        s.setHostUnit(host);
        s.setReason(reason);
        s.setMemberIds(String.join(",", ids.stream().map(String::valueOf).toList()));
        s.setFullMembers((int) full);
        s.setStatus(Status.SUBMITTED);
        s.setReplyDue(BranchSetupRules.replyDue(today));
        s.setRequestedBy(scope.username());
        long id = repo.insertSetup(s);
        repo.setupStep(id, "SUBMIT", null, Status.SUBMITTED, reason, scope.username());
        audit.success("org.setup.submit", "org", parent.id(), parent.path(), name + " (" + ids.size() + " members, "
                + full + " full)");
        return view(scope, repo.setup(id).orElseThrow(), true);
    }

    /** The superior committee approves (creating the branch) or rejects with a note; the requester may withdraw. */
    @Transactional
    public View decide(DataScope scope, long id, Decision d) {
        OrgSetupRequestRecord s = load(scope, id);
        List<Violation> errors = new ArrayList<>();
        if (d.action() == null) {
            errors.add(new Violation("action", "validation.required"));
        }
        if (d.version() == null) {
            errors.add(new Violation("version", "validation.required"));
        }
        String note = InvalidInputException.collect(errors, () -> d.action() == Action.REJECT
                ? TextInput.required(d.note(), "note", 500) : TextInput.optional(d.note(), "note", 500));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Status from = s.getStatus();
        Status to = BranchSetupRules.next(from, d.action());
        if (d.action() == Action.WITHDRAW) {
            if (!scope.username().equals(s.getRequestedBy())) {
                throw new ForbiddenException("only the applicant withdraws");
            }
        } else if (!mayDecide(scope, s)) {
            throw new ForbiddenException("the superior committee decides"); // R1.1
        }
        if (d.version() != s.getVersion().intValue()) {
            throw new ConflictException("error.concurrentChange");
        }
        Long created = null;
        if (to == Status.APPROVED) { // R1.1: the org exists only after approval; R1.2 is checked again by create
            Organization org = orgs.create(scope, new OrgCommands.CreateOrg(s.getParentOrgId(), s.getName(),
                    s.getOrgType(), s.getDomain(), null, null, s.getHostUnit(), null,
                    today(), null, null, memberIds(s), false));
            created = org.id();
        }
        if (!repo.decideSetup(id, s.getVersion(), to, scope.username(), note, created)) {
            throw new ConflictException("error.concurrentChange");
        }
        repo.setupStep(id, d.action().name(), from, to, note, scope.username());
        audit.success("org.setup." + d.action().name().toLowerCase(), "org", s.getParentOrgId(), s.getOrgPath(),
                s.getName() + (created == null ? "" : " -> org " + created) + (note == null ? "" : ": " + note));
        return view(scope, repo.setup(id).orElseThrow(), true);
    }

    @Transactional(readOnly = true)
    public View get(DataScope scope, long id) {
        return view(scope, load(scope, id), true);
    }

    /** Requests under the caller's subtree, newest first ({@code status = SUBMITTED}: the superior's inbox). */
    @Transactional(readOnly = true)
    public List<View> list(DataScope scope, Status status) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot read set-up requests");
        }
        return repo.setupsIn(scope.orgPath(), status, 200).stream()
                .map(s -> view(scope, s, false)).toList();
    }

    private View view(DataScope scope, OrgSetupRequestRecord s, boolean withSteps) {
        Status status = s.getStatus();
        List<Step> steps = withSteps ? repo.setupSteps(s.getId()).stream().map(x -> new Step(x.getAction(),
                x.getFromStatus(), x.getToStatus(),
                x.getNote(), x.getActor(), x.getCreatedAt())).toList() : List.of();
        return new View(s.getId(), s.getParentOrgId(), orgs.namesOf(List.of(s.getParentOrgId())).get(s.getParentOrgId()),
                s.getName(), s.getOrgType(), s.getDomain(), s.getHostUnit(),
                s.getReason(), memberIds(s), s.getFullMembers(), status, s.getReplyDue(),
                BranchSetupRules.replyOverdue(status, s.getReplyDue(), today()), s.getRequestedBy(), s.getRequestedAt(),
                s.getDecidedBy(), s.getDecisionNote(), s.getCreatedOrgId(), s.getVersion(),
                status == Status.SUBMITTED && mayDecide(scope, s), steps);
    }

    /** The superior committee: staff who may change organizations, covering the parent, other than the applicant. */
    private static boolean mayDecide(DataScope scope, OrgSetupRequestRecord s) {
        return scope.canManageOrgs() && scope.covers(s.getOrgPath()) && !scope.username().equals(s.getRequestedBy());
    }

    private static List<Long> memberIds(OrgSetupRequestRecord s) {
        return Arrays.stream(s.getMemberIds().split(",")).filter(x -> !x.isBlank()).map(Long::valueOf).toList();
    }

    private OrgSetupRequestRecord load(DataScope scope, long id) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot read set-up requests");
        }
        return repo.setup(id).filter(s -> scope.covers(s.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("setup request", id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
