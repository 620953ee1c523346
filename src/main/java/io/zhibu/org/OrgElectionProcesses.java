package io.zhibu.org;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.OrgElectionProcessRecord;
import io.zhibu.org.ElectionWorkflowRules.Action;
import io.zhibu.org.ElectionWorkflowRules.Stage;
import io.zhibu.org.internal.ElectionProcessRepository;
import io.zhibu.org.internal.OrgTermRepository;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 换届选举程序 (rules.md R1.9) as a tracked workflow ({@link ElectionWorkflowRules}): the organization requests the
 * election, the superior approves, the recorded election (see {@link OrgTerms#recordElection}) is attached, the result
 * with the elected secretary and deputy is reported, and the superior's approval of the secretary and deputy is
 * recorded with who and when. Scoped; every step and refusal is audited.
 */
@Service
public class OrgElectionProcesses {
    /** A step: the action, the note (required to request and to reject), the election record (ELECT), the elected
     * secretary and deputy (REPORT), and the version read. */
    public record StepForm(Action action, String note, Long electionId, String secretary, String deputySecretary,
                           Integer version, Long secretaryId, Long deputySecretaryId) {
        public StepForm(Action action, String note, Long electionId, String secretary, String deputySecretary,
                        Integer version) {
            this(action, note, electionId, secretary, deputySecretary, version, null, null);
        }
    }

    public record View(long id, long orgId, String orgName, Stage stage, String requestNote, String requestedBy,
                       OffsetDateTime requestedAt, String approvedBy, OffsetDateTime approvedAt, String approvalNote,
                       Long electionId, OffsetDateTime electedAt, String secretary, String deputySecretary,
                       String reportedBy, OffsetDateTime reportedAt, String reportNote, String confirmedBy,
                       OffsetDateTime confirmedAt, String confirmNote, int version, boolean superior,
                       List<Action> actions, Long secretaryId, Long deputySecretaryId) {
    }

    private final OrgService orgs;
    private final ElectionProcessRepository repo;
    private final OrgTermRepository terms;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<VotingRightsPort> roster;

    public OrgElectionProcesses(OrgService orgs, ElectionProcessRepository repo, OrgTermRepository terms, AuditLog audit,
                                Clock clock, org.springframework.beans.factory.ObjectProvider<VotingRightsPort> roster) {
        this.roster = roster;
        this.orgs = orgs;
        this.repo = repo;
        this.terms = terms;
        this.audit = audit;
        this.clock = clock;
    }

    /** 支委会决定换届, 请示上级: opens the process (one open per organization). */
    @Transactional
    public View request(DataScope scope, long orgId, String note) {
        requireManager(scope);
        Organization o = orgs.get(scope, orgId);
        List<Violation> errors = new ArrayList<>();
        String text = InvalidInputException.collect(errors, () -> TextInput.required(note, "note", 1000));
        if (o.type() == OrgType.PARTY_GROUP) {
            errors.add(new Violation("orgId", "election.process.noCommittee"));
        }
        if (!errors.isEmpty()) {
            audit.refused("org.election.process.request", "org", o.id(), o.path(), "invalid input");
            throw new InvalidInputException(errors);
        }
        if (repo.anyOpen(o.id())) {
            throw new ConflictException("election.process.open");
        }
        OrgElectionProcessRecord r = new OrgElectionProcessRecord();
        r.setRegionOrgId(o.regionOrgId());
        r.setOrgId(o.id());
        r.setOrgPath(o.path());
        r.setStage(Stage.REQUESTED);
        r.setRequestNote(text);
        r.setRequestedBy(scope.username());
        r.setRequestedAt(OffsetDateTime.now(clock));
        long id = repo.insert(r);
        audit.success("org.election.process.request", "org", o.id(), o.path(), text);
        return view(scope, repo.find(id).orElseThrow(), o.name());
    }

    /** The next step; who may take it and where it leads come from {@link ElectionWorkflowRules}. */
    @Transactional
    public View step(DataScope scope, long id, StepForm f) {
        requireManager(scope);
        OrgElectionProcessRecord r = repo.findForUpdate(id).filter(x -> scope.covers(x.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("election process", id));
        if (f.action() == null) {
            throw InvalidInputException.of("action", "validation.required");
        }
        boolean superior = OrgTermDeferrals.superiorOf(scope, r.getOrgPath());
        if (ElectionWorkflowRules.superiorActs(f.action()) != superior) {
            audit.refused("org.election.process." + f.action().name().toLowerCase(), "org", r.getOrgId(), r.getOrgPath(),
                    "stage " + r.getStage());
            throw new ForbiddenException(superior ? "the organization itself elects and reports"
                    : "the superior organization approves"); // R1.9: 请示上级, 上级批复, 报批
        }
        Stage to = ElectionWorkflowRules.next(r.getStage(), f.action());
        if (f.version() != null && f.version() != r.getVersion().intValue()) {
            throw new ConflictException("error.concurrentChange");
        }
        List<Violation> errors = new ArrayList<>();
        String note = InvalidInputException.collect(errors, () -> f.action() == Action.REJECT
                ? TextInput.required(f.note(), "note", 1000) : TextInput.optional(f.note(), "note", 1000));
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (f.action()) {
            case APPROVE, REJECT -> {
                if (r.getStage() == Stage.REQUESTED) {
                    r.setApprovedBy(scope.username());
                    r.setApprovedAt(now);
                    r.setApprovalNote(note);
                } else {
                    r.setConfirmedBy(scope.username());
                    r.setConfirmedAt(now);
                    r.setConfirmNote(note);
                }
            }
            case ELECT -> {
                var election = f.electionId() == null ? null : terms.elections(r.getOrgId()).stream()
                        .filter(e -> e.getId().equals(f.electionId())).findFirst().orElse(null);
                if (election == null) {
                    errors.add(new Violation("electionId", "election.process.noElection"));
                } else if (election.getHeldOn().isBefore(r.getApprovedAt().atZoneSameInstant(clock.getZone()).toLocalDate())) {
                    errors.add(new Violation("electionId", "election.process.beforeApproval"));
                } else {
                    r.setElectionId(election.getId());
                    r.setElectedAt(now);
                }
            }
            case REPORT -> {
                // R1.4: the secretary and deputy are members of the organization's roll, picked and stored by member id
                List<VotingRightsPort.RosterEntry> roll = roster(r.getOrgId());
                String secName = f.secretaryId() != null ? null
                        : InvalidInputException.collect(errors, () -> TextInput.required(f.secretary(), "secretary", 50));
                String depName = f.deputySecretaryId() != null ? null
                        : InvalidInputException.collect(errors, () -> TextInput.optional(f.deputySecretary(), "deputySecretary", 50));
                VotingRightsPort.RosterEntry sec = OrgTerms.pick(roll, "secretary", f.secretaryId(), secName, errors);
                VotingRightsPort.RosterEntry dep = OrgTerms.pick(roll, "deputySecretary", f.deputySecretaryId(), depName, errors);
                r.setSecretary(sec != null ? sec.name() : secName);
                r.setSecretaryId(sec != null ? sec.memberId() : null);
                r.setDeputySecretary(dep != null ? dep.name() : depName);
                r.setDeputySecretaryId(dep != null ? dep.memberId() : null);
                r.setReportedBy(scope.username());
                r.setReportedAt(now);
                r.setReportNote(note);
            }
            case CONFIRM -> {
                r.setConfirmedBy(scope.username());
                r.setConfirmedAt(now);
                r.setConfirmNote(note);
            }
        }
        if (!errors.isEmpty()) {
            audit.refused("org.election.process." + f.action().name().toLowerCase(), "org", r.getOrgId(), r.getOrgPath(),
                    "invalid input");
            throw new InvalidInputException(errors);
        }
        int version = r.getVersion();
        r.setStage(to);
        if (!repo.update(r, version)) {
            throw new ConflictException("error.concurrentChange");
        }
        audit.success("org.election.process." + f.action().name().toLowerCase(), "org", r.getOrgId(), r.getOrgPath(),
                to + (r.getSecretary() == null ? "" : " 书记 " + r.getSecretary()) + (note == null ? "" : ": " + note));
        return view(scope, repo.find(id).orElseThrow(), null);
    }

    @Transactional(readOnly = true)
    public List<View> ofOrg(DataScope scope, long orgId) {
        Organization o = orgs.get(scope, orgId);
        return repo.ofOrg(o.id()).stream().map(r -> view(scope, r, o.name())).toList();
    }

    @Transactional(readOnly = true)
    public View get(DataScope scope, long id) {
        return view(scope, repo.find(id).filter(x -> scope.covers(x.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("election process", id)), null);
    }

    /** Processes in the caller's subtree (the superior's inbox), optionally at one stage. */
    @Transactional(readOnly = true)
    public List<View> inScope(DataScope scope, Stage stage) {
        requireManager(scope);
        return repo.inSubtree(scope.orgPath(), stage, 200).stream().map(r -> view(scope, r, null)).toList();
    }

    /** Whom the secretary and deputy are picked from: the org's roll (R1.4). */
    public List<String> rosterNames(long orgId) {
        return roster(orgId).stream().map(VotingRightsPort.RosterEntry::name).distinct().toList();
    }

    /** The roll by member id: the pickers' values (R1.4). */
    public List<VotingRightsPort.RosterEntry> roster(long orgId) {
        VotingRightsPort port = roster.getIfAvailable();
        return port == null ? List.of() : port.roster(orgId);
    }

    private View view(DataScope scope, OrgElectionProcessRecord r, String orgName) {
        String name = orgName != null ? orgName : orgs.namesOf(List.of(r.getOrgId())).get(r.getOrgId());
        boolean superior = OrgTermDeferrals.superiorOf(scope, r.getOrgPath());
        List<Action> actions = new ArrayList<>();
        if (scope.canManageMembers()) {
            for (Action a : Action.values()) {
                if (ElectionWorkflowRules.superiorActs(a) == superior) {
                    try {
                        ElectionWorkflowRules.next(r.getStage(), a);
                        actions.add(a);
                    } catch (ConflictException e) {
                        // not available at this stage
                    }
                }
            }
        }
        return new View(r.getId(), r.getOrgId(), name, r.getStage(), r.getRequestNote(), r.getRequestedBy(),
                r.getRequestedAt(), r.getApprovedBy(), r.getApprovedAt(), r.getApprovalNote(), r.getElectionId(),
                r.getElectedAt(), r.getSecretary(), r.getDeputySecretary(), r.getReportedBy(), r.getReportedAt(),
                r.getReportNote(), r.getConfirmedBy(), r.getConfirmedAt(), r.getConfirmNote(), r.getVersion(), superior,
                actions, r.getSecretaryId(), r.getDeputySecretaryId());
    }

    private static void requireManager(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot manage elections");
        }
    }
}
