package io.zhibu.meeting;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.MeetingEvaluationEntryRecord;
import io.zhibu.db.tables.records.MeetingEvaluationRecord;
import io.zhibu.meeting.EvaluationRecords.*;
import io.zhibu.meeting.EvaluationRules.Grade;
import io.zhibu.meeting.internal.EvaluationRepository;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberSummary;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 民主评议党员 (R8.1–R8.3): a yearly round per branch — self-evaluation, peer comments, anonymous assessment, the
 * committee's decision with the four grades (优秀 ≤ 1/3, probationary members not graded) and feedback to each member.
 */
@Service
public class EvaluationService {
    private final EvaluationRepository repo;
    private final MeetingService meetings;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<EvaluationInputs> inputs;

    public EvaluationService(EvaluationRepository repo, MeetingService meetings, OrgService orgs, AuditLog audit, Clock clock,
                             ObjectProvider<EvaluationInputs> inputs) {
        this.repo = repo;
        this.inputs = inputs;
        this.meetings = meetings;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    /** The newest rounds in the caller's scope (or under {@code orgId}), at most {@link io.zhibu.shared.Page#MAX_SIZE}. */
    @Transactional(readOnly = true)
    public List<RoundSummary> list(DataScope scope, Long orgId) {
        return page(scope, orgId, 0, io.zhibu.shared.Page.MAX_SIZE).items();
    }

    /** One page of rounds, newest first: a county holds one round per branch and year. */
    @Transactional(readOnly = true)
    public io.zhibu.shared.Page<RoundSummary> page(DataScope scope, Long orgId, Integer page, int size) {
        requireReader(scope);
        String path = orgId == null ? scope.orgPath() : orgs.get(scope, orgId).path();
        Long self = scope.selfOnly() ? scope.selfMemberId() : null;
        int total = repo.count(path, self);
        int pages = Math.max(1, (total + size - 1) / size);
        int p = Math.min(io.zhibu.shared.Page.clampPage(page), pages - 1);
        var rows = repo.list(path, self, p * size, size).stream().filter(r -> scope.covers(r.getOrgPath())).toList();
        var counts = repo.entryCounts(rows.stream().map(MeetingEvaluationRecord::getId).toList());
        var names = orgs.namesOf(rows.stream().map(MeetingEvaluationRecord::getOrgId).distinct().toList());
        var items = rows.stream().map(r -> new RoundSummary(r.getId(), r.getOrgId(), names.get(r.getOrgId()), r.getEvalYear(),
                r.getStatus(), counts.getOrDefault(r.getId(), 0))).toList();
        return new io.zhibu.shared.Page<>(items, p, size, total);
    }

    @Transactional
    public RoundView open(DataScope scope, OpenRound cmd) {
        requireSecretary(scope);
        List<Violation> errors = new ArrayList<>();
        Organization org = null;
        if (cmd == null || cmd.orgId() == null) {
            errors.add(new Violation("orgId", "validation.required"));
        } else {
            try {
                org = orgs.get(scope, cmd.orgId());
                if (!org.type().holdsMembers()) {
                    errors.add(new Violation("orgId", "meeting.org.notABranch"));
                }
            } catch (NotFoundException e) {
                errors.add(new Violation("orgId", "meeting.org.unknown"));
            }
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (cmd == null || cmd.year() == null || cmd.year() < thisYear - 1 || cmd.year() > thisYear) {
            errors.add(new Violation("year", "meeting.evaluation.year", thisYear - 1, thisYear));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (repo.exists(org.id(), cmd.year())) {
            throw new ConflictException("meeting.evaluation.exists");
        }
        MeetingEvaluationRecord r = repo.newRound();
        r.setRegionOrgId(org.regionOrgId());
        r.setOrgId(org.id());
        r.setOrgPath(org.path());
        r.setEvalYear(cmd.year());
        r.setStatus(RoundStatus.OPEN);
        r.setVersion(0);
        r.setCreatedAt(OffsetDateTime.now(clock));
        r.store();
        List<MemberSummary> roster = meetings.roster(scope, org.id());
        for (MemberSummary m : roster) {
            MeetingEvaluationEntryRecord e = repo.newEntry();
            e.setRegionOrgId(org.regionOrgId());
            e.setOrgPath(org.path());
            e.setEvaluationId(r.getId());
            e.setMemberId(m.id());
            e.setName(m.name());
            e.setProbationary(m.category() == MemberCategory.PROBATIONARY);
            e.store();
        }
        audit.success("meeting.evaluation.open", "evaluation", r.getId(), org.path(), cmd.year() + ", " + roster.size() + " members");
        return view(scope, r);
    }

    @Transactional(readOnly = true)
    public RoundView get(DataScope scope, long id) {
        return view(scope, load(scope, id));
    }

    /** 个人自评: the member's own self-evaluation (may be rewritten while the round is open). */
    @Transactional
    public RoundView selfEvaluate(DataScope scope, long id, SelfEvaluation cmd) {
        MeetingEvaluationRecord r = loadOpen(scope, id);
        MeetingEvaluationEntryRecord e = ownEntry(scope, r);
        e.setSelfText(TextInput.required(cmd == null ? null : cmd.text(), "text", 2000));
        e.store();
        audit.success("meeting.evaluation.self", "evaluation", id, r.getOrgPath(), "member " + e.getMemberId());
        return view(scope, r);
    }

    /** 党员互评: one comment per pair, signed. */
    @Transactional
    public RoundView peer(DataScope scope, long id, PeerComment cmd) {
        MeetingEvaluationRecord r = loadOpen(scope, id);
        MeetingEvaluationEntryRecord e = ownEntry(scope, r);
        if (cmd == null || cmd.toMemberId() == null || cmd.toMemberId().equals(e.getMemberId())
                || repo.entry(id, cmd.toMemberId()).isEmpty()) {
            throw InvalidInputException.of("toMemberId", "meeting.evaluation.peerUnknown");
        }
        String text = TextInput.required(cmd.text(), "text", 1000);
        if (repo.peerExists(id, e.getMemberId(), cmd.toMemberId())) {
            throw new ConflictException("meeting.evaluation.peerTwice");
        }
        repo.insertPeer(r.getRegionOrgId(), id, e.getMemberId(), cmd.toMemberId(), text);
        audit.success("meeting.evaluation.peer", "evaluation", id, r.getOrgPath(), "member " + e.getMemberId());
        return view(scope, r);
    }

    /** 民主测评: one anonymous ballot per member; only the fact of voting is kept with the voter. */
    @Transactional
    public RoundView ballot(DataScope scope, long id, Ballot cmd) {
        MeetingEvaluationRecord r = loadOpen(scope, id);
        MeetingEvaluationEntryRecord e = ownEntry(scope, r);
        Map<Long, MeetingEvaluationEntryRecord> entries = byMember(repo.entries(id));
        Map<Long, Grade> grades = cmd == null || cmd.grades() == null ? Map.of() : cmd.grades();
        if (grades.isEmpty()) {
            throw InvalidInputException.of("grades", "validation.required");
        }
        for (var g : grades.entrySet()) {
            MeetingEvaluationEntryRecord t = entries.get(g.getKey());
            if (t == null || g.getValue() == null || t.getProbationary()) { // R8.3
                throw InvalidInputException.of("grades", "meeting.evaluation.gradeInvalid");
            }
        }
        if (repo.voted(id, e.getMemberId())) {
            throw new ConflictException("meeting.evaluation.votedTwice");
        }
        repo.insertVoter(r.getRegionOrgId(), id, e.getMemberId());
        grades.forEach((memberId, grade) -> repo.addAnonymous(id, memberId, grade.name()));
        audit.success("meeting.evaluation.ballot", "evaluation", id, r.getOrgPath(), grades.size() + " grades (anonymous)");
        return view(scope, r);
    }

    /** 组织评定: the grades of every full member (优秀 ≤ 1/3, R8.2; probationary not graded, R8.3) and feedback. */
    @Transactional
    public RoundView decide(DataScope scope, long id, Decision cmd) {
        MeetingEvaluationRecord r = loadOpen(scope, id);
        requireSecretary(scope);
        List<MeetingEvaluationEntryRecord> entries = repo.entries(id);
        Map<Long, Grade> grades = cmd == null || cmd.grades() == null ? Map.of() : cmd.grades();
        Map<Long, String> feedback = cmd == null || cmd.feedback() == null ? Map.of() : cmd.feedback();
        List<Violation> errors = new ArrayList<>();
        int graded = 0;
        int excellent = 0;
        for (MeetingEvaluationEntryRecord e : entries) {
            Grade g = grades.get(e.getMemberId());
            if (e.getProbationary() && g != null) {
                errors.add(new Violation("grade_" + e.getMemberId(), "meeting.evaluation.probationary"));
            } else if (!e.getProbationary() && g == null) {
                errors.add(new Violation("grade_" + e.getMemberId(), "validation.required"));
            } else if (g != null) {
                graded++;
                excellent += g == Grade.EXCELLENT ? 1 : 0;
            }
            try {
                TextInput.optional(feedback.get(e.getMemberId()), "feedback_" + e.getMemberId(), 1000);
            } catch (InvalidInputException x) {
                errors.addAll(x.violations());
            }
        }
        if (grades.keySet().stream().anyMatch(k -> entries.stream().noneMatch(e -> e.getMemberId().equals(k)))) {
            errors.add(new Violation("grades", "meeting.evaluation.gradeInvalid"));
        }
        if (!EvaluationRules.excellentWithinCap(excellent, graded)) {
            errors.add(new Violation("grades", "meeting.evaluation.excellentCap", excellent, EvaluationRules.excellentCap(graded)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (MeetingEvaluationEntryRecord e : entries) {
            Grade g = grades.get(e.getMemberId());
            e.setGrade(g == null ? null : g);
            e.setFeedback(TextInput.optional(feedback.get(e.getMemberId()), "feedback", 1000));
            e.store();
        }
        r.setStatus(RoundStatus.DECIDED);
        r.setVersion(r.getVersion() + 1);
        r.store();
        audit.success("meeting.evaluation.decide", "evaluation", id, r.getOrgPath(), graded + " graded, " + excellent + " excellent");
        return view(scope, r);
    }

    private MeetingEvaluationRecord load(DataScope scope, long id) {
        requireReader(scope);
        MeetingEvaluationRecord r = repo.find(id).filter(x -> scope.covers(x.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("evaluation", id));
        if (scope.selfOnly() && (scope.selfMemberId() == null || repo.entry(id, scope.selfMemberId()).isEmpty())) {
            throw new NotFoundException("evaluation", id);
        }
        return r;
    }

    private MeetingEvaluationRecord loadOpen(DataScope scope, long id) {
        load(scope, id);
        MeetingEvaluationRecord r = repo.findForUpdate(id).orElseThrow(() -> new NotFoundException("evaluation", id));
        if (r.getStatus() != RoundStatus.OPEN) {
            throw new ConflictException("meeting.evaluation.closed");
        }
        return r;
    }

    private MeetingEvaluationEntryRecord ownEntry(DataScope scope, MeetingEvaluationRecord r) {
        if (!scope.selfOnly()) {
            throw new ForbiddenException("members evaluate; the committee decides");
        }
        return repo.entry(r.getId(), scope.selfMemberId()).orElseThrow(() -> new NotFoundException("evaluation", r.getId()));
    }

    private RoundView view(DataScope scope, MeetingEvaluationRecord r) {
        boolean manager = !scope.selfOnly();
        boolean decided = r.getStatus() == RoundStatus.DECIDED;
        List<MeetingEvaluationEntryRecord> entries = repo.entries(r.getId());
        Map<Long, List<String>> comments = new java.util.HashMap<>();
        if (manager) {
            Map<Long, String> names = new java.util.HashMap<>();
            entries.forEach(e -> names.put(e.getMemberId(), e.getName()));
            repo.peers(r.getId()).forEach(p -> comments.computeIfAbsent(p.getToMemberId(), k -> new ArrayList<>())
                    .add(names.getOrDefault(p.getFromMemberId(), "?") + ": " + p.getText()));
        }
        // §8.4: points and stars are shown as reference input (committee; a member their own), never turned into a grade
        List<Long> referenced = entries.stream().map(MeetingEvaluationEntryRecord::getMemberId)
                .filter(m -> manager || Objects.equals(m, scope.selfMemberId())).toList();
        EvaluationInputs source = inputs.getIfAvailable();
        Map<Long, EvaluationInputs.PointsReference> points = source == null || referenced.isEmpty() ? Map.of()
                : source.pointsOf(referenced, r.getEvalYear());
        List<Entry> out = new ArrayList<>();
        int graded = 0;
        for (MeetingEvaluationEntryRecord e : entries) {
            graded += e.getProbationary() ? 0 : 1;
            boolean own = Objects.equals(e.getMemberId(), scope.selfMemberId());
            Map<Grade, Integer> anon = new EnumMap<>(Grade.class);
            if (manager) {
                anon.put(Grade.EXCELLENT, e.getAnonExcellent());
                anon.put(Grade.QUALIFIED, e.getAnonQualified());
                anon.put(Grade.BASIC, e.getAnonBasic());
                anon.put(Grade.UNQUALIFIED, e.getAnonUnqualified());
            }
            boolean showResult = manager || (own && decided);
            out.add(new Entry(e.getMemberId(), e.getName(), e.getProbationary(), manager || own ? e.getSelfText() : null,
                    manager ? e.getPeerCount() : 0, anon, showResult ? e.getGrade() : null,
                    showResult ? e.getFeedback() : null, comments.getOrDefault(e.getMemberId(), List.of()),
                    manager || own ? points.get(e.getMemberId()) : null));
        }
        boolean voted = scope.selfOnly() && scope.selfMemberId() != null && repo.voted(r.getId(), scope.selfMemberId());
        return new RoundView(r.getId(), r.getOrgId(), r.getEvalYear(), r.getStatus(),
                manager ? repo.voters(r.getId()) : 0, EvaluationRules.excellentCap(graded), voted, out, true);
    }

    private static Map<Long, MeetingEvaluationEntryRecord> byMember(List<MeetingEvaluationEntryRecord> entries) {
        Map<Long, MeetingEvaluationEntryRecord> m = new java.util.HashMap<>();
        entries.forEach(e -> m.put(e.getMemberId(), e));
        return m;
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role cannot read organization life");
        }
    }

    private static void requireSecretary(DataScope scope) {
        if (!MeetingService.canWrite(scope)) {
            throw new ForbiddenException("only the branch secretary runs the evaluation");
        }
    }
}
