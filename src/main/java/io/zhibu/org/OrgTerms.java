package io.zhibu.org;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.OrgElectionRecord;
import io.zhibu.db.tables.records.OrgTermRecord;
import io.zhibu.org.internal.OrgTermRepository;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import io.zhibu.shared.VoteArithmetic;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 任期与换届 (rules.md §1.3–1.4): each org's committee and term, the R1.8 reminders (a list for superiors), and
 * election records whose arithmetic (R1.10–R1.13) is computed with {@link VoteArithmetic} beside the human-entered
 * result; a valid election opens the new term.
 */
@Service
public class OrgTerms {
    private final OrgService orgs;
    private final OrgTermRepository repo;
    private final io.zhibu.org.internal.OrgRequestRepository requests;
    private final ObjectProvider<VotingRightsPort> voting;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    public OrgTerms(OrgService orgs, OrgTermRepository repo, io.zhibu.org.internal.OrgRequestRepository requests,
                    ObjectProvider<VotingRightsPort> voting, AuditLog audit, Clock clock,
                    org.springframework.context.ApplicationEventPublisher events) {
        this.requests = requests;
        this.events = events;
        this.orgs = orgs;
        this.repo = repo;
        this.voting = voting;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TermView> terms(DataScope scope, long orgId) {
        Organization o = orgs.get(scope, orgId);
        LocalDate deferredUntil = deferredUntil(o.id());
        List<TermView> terms = new ArrayList<>(repo.terms(o.id()).stream().map(t -> view(t, o.name(), deferredUntil)).toList());
        if (terms.isEmpty() && o.termStartedOn() != null && o.termYears() != null) { // recorded before this feature
            LocalDate deferred = deferredUntil(o.id());
            terms.add(new TermView(0, o.id(), o.name(), o.termStartedOn(), o.termYears(), o.termEndsOn(), true,
                    o.secretaryName(), null, null, null, null,
                    TermReminder.of(TermDeferralRules.effectiveEnd(o.termEndsOn(), deferred), today()), deferred,
                    null, null, null, null, null));
        }
        return terms;
    }

    @Transactional(readOnly = true)
    public List<ElectionView> elections(DataScope scope, long orgId) {
        Organization o = orgs.get(scope, orgId);
        return repo.elections(o.id()).stream().map(e -> new ElectionView(e.getId(), e.getOrgId(), e.getHeldOn(),
                e.getVotersDue(), e.getVotersDue(), e.getVotersPresent(), e.getSeats(), e.getCandidates(),
                (int) VoteArithmetic.minimumCandidates(e.getSeats()), e.getBallotsIssued(), e.getBallotsReturned(),
                e.getMajorityBase(), e.getQuorumOk(), e.getCandidatesOk(), e.getBallotsOk(), List.of(), e.getResult(),
                e.getTermId())).toList();
    }

    /** Orgs of the scope whose term ends within 6 months or is overdue (R1.8), soonest first. */
    @Transactional(readOnly = true)
    public List<TermView> due(DataScope scope) {
        requireManager(scope);
        LocalDate today = today();
        return repo.termsInScope(scope.orgPath()).stream().map(r -> {
            LocalDate ends = r.value3().plusYears(r.value4());
            LocalDate deferred = r.value6() != null && r.value6().isAfter(ends) ? r.value6() : null;
            return new TermView(0, r.value1(), r.value2(), r.value3(), r.value4(), ends, true, r.value5(), null, null,
                    null, null, TermReminder.of(TermDeferralRules.effectiveEnd(ends, deferred), today), deferred,
                    null, null, null, null, null);
        }).filter(t -> t.reminder() != TermReminder.NONE)
                .sorted(Comparator.comparing(t -> TermDeferralRules.effectiveEnd(t.endsOn(), t.deferredUntil()))).toList();
    }

    /**
     * R1.7/R1.8: the approved deferred deadline of the org's current term, or null when none is approved (then an
     * expired term is "overdue without approval"). Unscoped read for other modules (warnings, assessment); callers
     * hold an org id from scoped data.
     */
    @Transactional(readOnly = true)
    public LocalDate deferredUntil(long orgId) {
        return requests.deferredUntil(orgId);
    }

    /** Records the committee and opens its term (years default per domain and type, R1.3 table). */
    @Transactional
    public TermView openTerm(DataScope scope, long orgId, TermForm f) {
        requireManager(scope);
        Organization o = orgs.get(scope, orgId);
        OrgTermRecord t = record(o, f, new ArrayList<>(), scope);
        long id = repo.openTerm(t);
        events.publishEvent(io.zhibu.shared.rollup.FactsChanged.stock("org", List.of(o.id())));
        events.publishEvent(new OrgEvents.TermOpened(o.id(), o.path(), o.type().holdsMembers(), t.getSecretary(),
                t.getDeputySecretary(), t.getSecretaryId(), t.getDeputySecretaryId()));
        audit.success("org.term.open", "org", o.id(), o.path(), t.getStartedOn() + " +" + t.getTermYears() + "y");
        return repo.terms(o.id()).stream().filter(x -> x.getId() == id).map(x -> view(x, o.name(), null)).findFirst().orElseThrow();
    }

    @Transactional
    public ElectionView recordElection(DataScope scope, long orgId, ElectionForm f) {
        requireManager(scope);
        Organization o = orgs.get(scope, orgId);
        List<Violation> errors = new ArrayList<>();
        LocalDate heldOn = f.heldOn();
        if (heldOn == null) {
            errors.add(new Violation("heldOn", "validation.required"));
        } else if (heldOn.isAfter(today())) {
            errors.add(new Violation("heldOn", "validation.futureDate"));
        }
        int computedDue = voting.getIfAvailable(() -> (id, d) -> 0).votersDue(o.id(), heldOn == null ? today() : heldOn);
        // the roll bounds every count where it is known (a 党委's members sit in its branches: no roll of its own)
        Long roll = computedDue > 0 ? Long.valueOf(computedDue) : null;
        VoteArithmetic.checkCounts(roll, f.votersDue(), f.votersPresent(), null, null, null,
                new VoteArithmetic.Fields("votersDue", "votersPresent", "votes", "votes", "votes"), errors);
        int due = f.votersDue() == null ? computedDue : Math.max(0, f.votersDue());
        if (f.votersDue() == null && f.votersPresent() != null && f.votersPresent() > due) {
            errors.add(new Violation("votersPresent", "vote.count.presentOverDue", String.valueOf(due)));
        }
        int present = count(errors, "votersPresent", f.votersPresent());
        int seats = count(errors, "seats", f.seats());
        int candidates = count(errors, "candidates", f.candidates());
        int issued = count(errors, "ballotsIssued", f.ballotsIssued());
        int returned = count(errors, "ballotsReturned", f.ballotsReturned());
        if (f.seats() != null && f.seats() <= 0) {
            errors.add(new Violation("seats", "vote.seats.positive"));
        } else if (f.seats() != null && f.seats() > due && due > 0) {
            errors.add(new Violation("seats", "vote.count.overRoll", String.valueOf(due)));
        } else if (f.seats() != null && f.candidates() != null && f.candidates() >= 0) {
            if (f.candidates() < f.seats()) {
                errors.add(new Violation("candidates", "vote.candidates.belowSeats", String.valueOf(f.seats())));
            } else if (!VoteArithmetic.enoughCandidates(f.seats(), f.candidates())) { // R1.12
                errors.add(new Violation("candidates", "vote.candidates.tooFew",
                        String.valueOf(VoteArithmetic.minimumCandidates(f.seats()))));
            } else if (f.candidates() > VoteArithmetic.MAX_VOTERS) {
                errors.add(new Violation("candidates", "vote.count.tooLarge", String.valueOf(VoteArithmetic.MAX_VOTERS)));
            }
        }
        if (f.ballotsIssued() != null && f.votersPresent() != null && f.ballotsIssued() > f.votersPresent()
                && f.votersPresent() >= 0) {
            errors.add(new Violation("ballotsIssued", "vote.ballots.overPresent", String.valueOf(f.votersPresent())));
        }
        List<Integer> votes = f.electedVotes() == null ? List.of() : f.electedVotes();
        for (int i = 0; i < votes.size(); i++) {
            Integer v = votes.get(i);
            if (v == null) {
                errors.add(new Violation("electedVotes[" + i + "]", "validation.required"));
            } else if (v < 0) {
                errors.add(new Violation("electedVotes[" + i + "]", "validation.negative"));
            } else if (f.ballotsReturned() != null && f.ballotsReturned() >= 0 && v > f.ballotsReturned()) {
                errors.add(new Violation("electedVotes[" + i + "]", "vote.count.overBallots", String.valueOf(f.ballotsReturned())));
            }
        }
        if (f.seats() != null && f.seats() > 0 && votes.size() > f.seats()) {
            errors.add(new Violation("electedVotes", "vote.count.overBallots", String.valueOf(f.seats())));
        }
        String result = InvalidInputException.collect(errors, () -> TextInput.required(f.result(), "result", 1000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        VoteArithmetic.MajorityBase base = f.majorityBase() == null ? VoteArithmetic.MajorityBase.DUE : f.majorityBase();
        boolean quorum = VoteArithmetic.electionQuorum(due, present); // R1.11
        boolean enough = VoteArithmetic.enoughCandidates(seats, candidates); // R1.12
        boolean ballots = VoteArithmetic.ballotRoundValid(issued, returned); // R1.13
        List<Boolean> electedOk = (f.electedVotes() == null ? List.<Integer>of() : f.electedVotes()).stream()
                .map(v -> v != null && VoteArithmetic.elected(v, due, present, base)).toList(); // R1.13
        OrgElectionRecord e = new OrgElectionRecord();
        e.setRegionOrgId(o.regionOrgId());
        e.setOrgId(o.id());
        e.setOrgPath(o.path());
        e.setHeldOn(heldOn);
        e.setVotersDue(due);
        e.setVotersPresent(present);
        e.setSeats(seats);
        e.setCandidates(candidates);
        e.setBallotsIssued(issued);
        e.setBallotsReturned(returned);
        e.setMajorityBase(base.name());
        e.setQuorumOk(quorum);
        e.setCandidatesOk(enough);
        e.setBallotsOk(ballots);
        e.setResult(result);
        e.setActor(scope.username());
        long id = repo.insertElection(e);
        Long termId = null;
        boolean valid = quorum && enough && ballots && electedOk.stream().allMatch(b -> b);
        if (valid && f.committee() != null) {
            TermForm c = f.committee();
            OrgTermRecord t = record(o, new TermForm(c.startedOn() == null ? heldOn : c.startedOn(), c.termYears(),
                    c.secretary(), c.deputySecretary(), c.organizationMember(), c.propagandaMember(),
                    c.disciplineMember(), c.secretaryId(), c.deputySecretaryId(), c.organizationMemberId(),
                    c.propagandaMemberId(), c.disciplineMemberId()), new ArrayList<>(), scope);
            termId = repo.openTerm(t);
            events.publishEvent(io.zhibu.shared.rollup.FactsChanged.stock("org", List.of(o.id())));
            events.publishEvent(new OrgEvents.TermOpened(o.id(), o.path(), o.type().holdsMembers(), t.getSecretary(),
                    t.getDeputySecretary(), t.getSecretaryId(), t.getDeputySecretaryId()));
            repo.linkTerm(id, termId);
        }
        audit.success("org.election", "org", o.id(), o.path(), "due " + due + ", present " + present + ", valid " + valid);
        return new ElectionView(id, o.id(), heldOn, due, computedDue, present, seats, candidates,
                (int) VoteArithmetic.minimumCandidates(seats), issued, returned, base.name(), quorum, enough, ballots, electedOk,
                result, termId);
    }

    private OrgTermRecord record(Organization o, TermForm f, List<Violation> errors, DataScope scope) {
        if (f.startedOn() == null) {
            errors.add(new Violation("startedOn", "validation.required"));
        } else if (f.startedOn().isAfter(today())) {
            errors.add(new Violation("startedOn", "validation.futureDate"));
        }
        int years = f.termYears() == null ? o.domain().termYears(o.type()) : f.termYears();
        if (years < 3 || years > 5) {
            errors.add(new Violation("termYears", "term.years.range")); // 党章 art.31: three to five years
        }
        OrgTermRecord t = new OrgTermRecord();
        t.setSecretary(InvalidInputException.collect(errors, () -> TextInput.optional(f.secretary(), "secretary", 50)));
        t.setDeputySecretary(InvalidInputException.collect(errors, () -> TextInput.optional(f.deputySecretary(), "deputySecretary", 50)));
        t.setOrganizationMember(InvalidInputException.collect(errors, () -> TextInput.optional(f.organizationMember(), "organizationMember", 50)));
        t.setPropagandaMember(InvalidInputException.collect(errors, () -> TextInput.optional(f.propagandaMember(), "propagandaMember", 50)));
        t.setDisciplineMember(InvalidInputException.collect(errors, () -> TextInput.optional(f.disciplineMember(), "disciplineMember", 50)));
        // R1.4 / issue 18 point 4: the committee is picked from the organization's roll and stored by member id
        List<VotingRightsPort.RosterEntry> roll = roster(o.id());
        VotingRightsPort.RosterEntry sec = pick(roll, "secretary", f.secretaryId(), t.getSecretary(), errors);
        VotingRightsPort.RosterEntry dep = pick(roll, "deputySecretary", f.deputySecretaryId(), t.getDeputySecretary(), errors);
        VotingRightsPort.RosterEntry org = pick(roll, "organizationMember", f.organizationMemberId(), t.getOrganizationMember(), errors);
        VotingRightsPort.RosterEntry pro = pick(roll, "propagandaMember", f.propagandaMemberId(), t.getPropagandaMember(), errors);
        VotingRightsPort.RosterEntry dis = pick(roll, "disciplineMember", f.disciplineMemberId(), t.getDisciplineMember(), errors);
        if (sec != null) {
            t.setSecretaryId(sec.memberId());
            t.setSecretary(sec.name());
        }
        if (dep != null) {
            t.setDeputySecretaryId(dep.memberId());
            t.setDeputySecretary(dep.name());
        }
        if (org != null) {
            t.setOrganizationMemberId(org.memberId());
            t.setOrganizationMember(org.name());
        }
        if (pro != null) {
            t.setPropagandaMemberId(pro.memberId());
            t.setPropagandaMember(pro.name());
        }
        if (dis != null) {
            t.setDisciplineMemberId(dis.memberId());
            t.setDisciplineMember(dis.name());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        t.setRegionOrgId(o.regionOrgId());
        t.setOrgId(o.id());
        t.setOrgPath(o.path());
        t.setStartedOn(f.startedOn());
        t.setTermYears(years);
        t.setEndsOn(f.startedOn().plusYears(years));
        t.setActor(scope.username());
        return t;
    }

    /** The names a committee is picked from: the org's roll; empty where it has none (a 党委). */
    public List<String> rosterNames(long orgId) {
        return roster(orgId).stream().map(VotingRightsPort.RosterEntry::name).distinct().toList();
    }

    /** The roll a committee is picked from, by member id (the pickers' values); empty where it has none (a 党委). */
    public List<VotingRightsPort.RosterEntry> roster(long orgId) {
        VotingRightsPort port = voting.getIfAvailable();
        return port == null ? List.of() : port.roster(orgId);
    }

    /**
     * R1.4: one post picked from the roll — by member id (must be on the roll), else by a name that exactly one member
     * on the roll has (several: pick by id; none: not on the roll). An organization with no roll (a 党委) keeps a typed
     * name without id (null returned). Violations name the post's field.
     */
    static VotingRightsPort.RosterEntry pick(List<VotingRightsPort.RosterEntry> roll, String field, Long memberId,
                                             String name, List<Violation> errors) {
        if (memberId != null) {
            VotingRightsPort.RosterEntry e = roll.stream().filter(x -> x.memberId() == memberId).findFirst().orElse(null);
            if (e == null) {
                errors.add(new Violation(field, "term.notOnRoster"));
            }
            return e;
        }
        if (name == null || roll.isEmpty()) {
            return null;
        }
        List<VotingRightsPort.RosterEntry> named = roll.stream().filter(x -> x.name().equals(name)).toList();
        if (named.size() != 1) {
            errors.add(new Violation(field, named.isEmpty() ? "term.notOnRoster" : "term.nameAmbiguous"));
            return null;
        }
        return named.getFirst();
    }

    private TermView view(OrgTermRecord t, String orgName, LocalDate deferredUntil) {
        LocalDate deferred = t.getCurrentTerm() && deferredUntil != null && deferredUntil.isAfter(t.getEndsOn())
                ? deferredUntil : null;
        return new TermView(t.getId(), t.getOrgId(), orgName, t.getStartedOn(), t.getTermYears(), t.getEndsOn(),
                t.getCurrentTerm(), t.getSecretary(), t.getDeputySecretary(), t.getOrganizationMember(),
                t.getPropagandaMember(), t.getDisciplineMember(),
                t.getCurrentTerm() ? TermReminder.of(TermDeferralRules.effectiveEnd(t.getEndsOn(), deferred), today())
                        : TermReminder.NONE, deferred, t.getSecretaryId(), t.getDeputySecretaryId(),
                t.getOrganizationMemberId(), t.getPropagandaMemberId(), t.getDisciplineMemberId());
    }

    private static int count(List<Violation> errors, String field, Integer v) {
        if (v == null) {
            errors.add(new Violation(field, "validation.required"));
            return 0;
        }
        if (v < 0) {
            errors.add(new Violation(field, "term.count.negative"));
            return 0;
        }
        return v;
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
