package io.zhibu.assessment;

import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.assessment.StandardSystem.Veto;
import io.zhibu.assessment.internal.CampaignEngine;
import io.zhibu.assessment.internal.FiveGoodRepository;
import io.zhibu.assessment.internal.PresetLibrary;
import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.AssessmentFiveGoodCheckRecord;
import io.zhibu.db.tables.records.AssessmentFiveGoodRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 闵行“五好”创建 (seed 001; issue 18 point 1): a branch applies (申报) for the 五好 title of a year with the standard
 * that applies to its type and domain ({@link ApplicablePresets}); the four high-voltage lines
 * ({@link FiveGoodGate}: 有不合格党员、违纪违法党员、超计划生育 (disabled since 2021)、重大治安和刑事案件) bar the
 * application — checked from the platform facts when the branch applies and again, with the superior's marks of the
 * judged lines, when the superior passes it; the superior awards (命名) a passed application, which enters the
 * register of titles won per year; 中期检查 are recorded against the application (date, checker, findings).
 * Scope: the branch applies and reads its own; the superior (organization department above it) reviews, awards and
 * checks; anything outside the caller's subtree answers 404. Every write and refusal is audited.
 */
@Service
public class FiveGoodService {
    private final FiveGoodRepository repo;
    private final CampaignEngine engine;
    private final PresetLibrary presets;
    private final ApplicablePresets applicable;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    public FiveGoodService(FiveGoodRepository repo, CampaignEngine engine, PresetLibrary presets,
                           ApplicablePresets applicable, OrgService orgs, AuditLog audit, Clock clock,
                           TransactionTemplate tx) {
        this.repo = repo;
        this.engine = engine;
        this.presets = presets;
        this.applicable = applicable;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** 申报: the branch, the year, and what it has done (申报材料 in words). */
    public record ApplyForm(Long orgId, Integer year, String statement) {
    }

    /** 审核: PASS or REJECT (note required to reject); {@code lines}: codes of the judged lines the superior finds hit. */
    public record ReviewForm(String decision, String note, List<String> lines) {
    }

    /** 中期检查: date, checker, findings. */
    public record CheckForm(LocalDate checkedOn, String checker, String findings) {
    }

    /** One high-voltage line as it stands for the application: hit from the fact, or marked by the superior. */
    public record LineView(String code, String name, boolean judged, boolean disabled, String note, BigDecimal value,
                           boolean hit) {
    }

    public record CheckView(long id, LocalDate checkedOn, String checker, String findings, String createdBy,
                            OffsetDateTime createdAt) {
    }

    public record FiveGoodView(long id, long orgId, String orgName, int year, String preset, String presetName,
                               String statement, FiveGoodStatus status, String appliedBy, OffsetDateTime appliedAt,
                               String reviewedBy, OffsetDateTime reviewedAt, String reviewNote, String barredLines,
                               String awardedBy, OffsetDateTime awardedAt, boolean canReview, Set<FiveGoodStatus.Action> actions,
                               List<LineView> lines, List<CheckView> checks) {
        /** Whether the caller may award the title now (the page's award button). */
        public boolean canAward() {
            return actions.contains(FiveGoodStatus.Action.AWARD);
        }
    }

    /** One title of the register (命名的“五好”党组织). */
    public record TitleView(long applicationId, int year, long orgId, String orgName, String presetName,
                            String awardedBy, OffsetDateTime awardedAt) {
    }

    /** What a branch would be checked against before it applies (the apply form shows the lines and whether they bar). */
    public record Eligibility(long orgId, String orgName, int year, String preset, String presetName,
                              List<LineView> lines, boolean mayApply, boolean hasStanding) {
    }

    // ------------------------------------------------------------------ queries

    public List<FiveGoodView> list(DataScope scope, Integer year, FiveGoodStatus status) {
        requireReader(scope);
        return repo.list(scope.orgPath(), year, status).stream().map(r -> view(scope, r, null, List.of())).toList();
    }

    public FiveGoodView get(DataScope scope, long id) {
        AssessmentFiveGoodRecord r = visible(scope, id);
        return view(scope, r, lines(r.getOrgId(), r.getOrgPath(), r.getAssessYear(), system(r.getPreset()), Set.of()),
                repo.checks(id).stream().map(FiveGoodService::checkView).toList());
    }

    /** The register of titles won (AWARDED) per year in the caller's subtree; all years when {@code year} is null. */
    public List<TitleView> titles(DataScope scope, Integer year) {
        requireReader(scope);
        return repo.list(scope.orgPath(), year, FiveGoodStatus.AWARDED).stream()
                .map(r -> new TitleView(r.getId(), r.getAssessYear(), r.getOrgId(), r.getOrgName(),
                        system(r.getPreset()).name(), r.getAwardedBy(), r.getAwardedAt())).toList();
    }

    /** The lines the branch would be checked against for {@code year}, from the current facts. */
    public Eligibility eligibility(DataScope scope, long orgId, int year) {
        requireReader(scope);
        Organization org = orgs.get(scope, orgId);
        String preset = presetOf(org);
        StandardSystem s = system(preset);
        List<LineView> lines = lines(org.id(), org.path(), year, s, Set.of());
        return new Eligibility(org.id(), org.name(), year, preset, s.name(), lines,
                lines.stream().noneMatch(LineView::hit), repo.hasStanding(org.id(), year));
    }

    // ------------------------------------------------------------------ writes

    /** 申报: refused (409, the lines named) when a high-voltage line is hit by the branch's facts of the year. */
    public FiveGoodView apply(DataScope scope, ApplyForm form) {
        requireReader(scope);
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("the branch applies");
        }
        List<Violation> errors = new ArrayList<>();
        if (form == null || form.orgId() == null) {
            errors.add(new Violation("orgId", "validation.required"));
        }
        if (form == null || form.year() == null || form.year() < 2000 || form.year() > 2100) {
            errors.add(new Violation("year", "assessment.year.invalid"));
        }
        String statement = InvalidInputException.collect(errors,
                () -> TextInput.required(form == null ? null : form.statement(), "statement", 2000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization org = orgs.get(scope, form.orgId());
        String preset = presetOf(org);
        StandardSystem s = system(preset);
        if (repo.hasStanding(org.id(), form.year())) {
            throw new ConflictException("assessment.fiveGood.exists", form.year());
        }
        FiveGoodGate.Verdict v = FiveGoodGate.check(s, facts(org.id(), org.path(), form.year()), Set.of());
        if (!v.mayApply()) {
            String names = names(v.hit());
            audit.refused("assessment.fiveGood.apply", "organization", org.id(), org.path(), form.year() + " " + names);
            throw new ConflictException("assessment.fiveGood.barred", names);
        }
        AssessmentFiveGoodRecord saved = tx.execute(st -> {
            AssessmentFiveGoodRecord r = new AssessmentFiveGoodRecord();
            r.setRegionOrgId(org.regionOrgId());
            r.setOrgId(org.id());
            r.setOrgPath(org.path());
            r.setOrgName(org.name());
            r.setAssessYear(form.year());
            r.setPreset(preset);
            r.setStatement(statement);
            r.setStatus(FiveGoodStatus.APPLIED);
            r.setAppliedBy(scope.username());
            r.setAppliedAt(OffsetDateTime.now(clock));
            r.setVersion(0);
            AssessmentFiveGoodRecord out = repo.insert(r);
            audit.success("assessment.fiveGood.apply", "assessment_five_good", out.getId(), org.path(),
                    org.name() + " " + form.year() + " (" + s.name() + ")");
            return out;
        });
        return get(scope, saved.getId());
    }

    /** 审核: PASS is refused (409, the lines named) while a line is hit (facts, or the judged lines marked). */
    public FiveGoodView review(DataScope scope, long id, ReviewForm form) {
        AssessmentFiveGoodRecord r = superiorOf(scope, id);
        FiveGoodStatus.Action a;
        String d = form == null ? null : form.decision();
        if (FiveGoodStatus.Action.PASS.name().equals(d)) {
            a = FiveGoodStatus.Action.PASS;
        } else if (FiveGoodStatus.Action.REJECT.name().equals(d)) {
            a = FiveGoodStatus.Action.REJECT;
        } else {
            throw InvalidInputException.of("decision", "assessment.fiveGood.decision");
        }
        StandardSystem s = system(r.getPreset());
        Set<String> judged = s.vetoList().stream().filter(Veto::judged).map(Veto::code).collect(Collectors.toSet());
        List<Violation> errors = new ArrayList<>();
        Set<String> marked = new HashSet<>();
        for (String code : form.lines() == null ? List.<String>of() : form.lines()) {
            if (!judged.contains(code)) {
                errors.add(new Violation("lines", "assessment.fiveGood.line.unknown", code));
            } else {
                marked.add(code);
            }
        }
        String note = InvalidInputException.collect(errors, () -> a == FiveGoodStatus.Action.REJECT
                ? TextInput.required(form.note(), "note", 1000) : TextInput.optional(form.note(), "note", 1000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        FiveGoodStatus now = r.getStatus();
        if (!now.allowed().contains(a)) {
            throw new ConflictException("assessment.fiveGood.state", now.name());
        }
        FiveGoodGate.Verdict v = FiveGoodGate.check(s, facts(r.getOrgId(), r.getOrgPath(), r.getAssessYear()), marked);
        String lines = v.mayApply() ? null : names(v.hit());
        if (a == FiveGoodStatus.Action.PASS && !v.mayApply()) {
            audit.refused("assessment.fiveGood.pass", "assessment_five_good", id, r.getOrgPath(), lines);
            throw new ConflictException("assessment.fiveGood.barred", lines);
        }
        FiveGoodStatus next = now.next(a);
        tx.executeWithoutResult(st -> {
            if (!repo.review(id, r.getVersion(), next, scope.username(), OffsetDateTime.now(clock), note, lines)) {
                throw new ConflictException("error.concurrentChange");
            }
            audit.success("assessment.fiveGood." + a.name().toLowerCase(), "assessment_five_good", id, r.getOrgPath(),
                    r.getOrgName() + " " + r.getAssessYear() + (note == null ? "" : ": " + note)
                            + (lines == null ? "" : " [" + lines + "]"));
        });
        return get(scope, id);
    }

    /** 命名: the superior awards the title to a passed application (it enters the register). */
    public FiveGoodView award(DataScope scope, long id) {
        AssessmentFiveGoodRecord r = superiorOf(scope, id);
        if (!r.getStatus().allowed().contains(FiveGoodStatus.Action.AWARD)) {
            throw new ConflictException("assessment.fiveGood.state", r.getStatus().name());
        }
        tx.executeWithoutResult(st -> {
            if (!repo.award(id, r.getVersion(), scope.username(), OffsetDateTime.now(clock))) {
                throw new ConflictException("error.concurrentChange");
            }
            audit.success("assessment.fiveGood.award", "assessment_five_good", id, r.getOrgPath(),
                    r.getOrgName() + " " + r.getAssessYear());
        });
        return get(scope, id);
    }

    /** 中期检查: the superior records a check (date not in the future, checker, findings). */
    public CheckView addCheck(DataScope scope, long id, CheckForm form) {
        AssessmentFiveGoodRecord r = superiorOf(scope, id);
        List<Violation> errors = new ArrayList<>();
        LocalDate on = form == null ? null : form.checkedOn();
        if (on == null) {
            errors.add(new Violation("checkedOn", "validation.required"));
        } else if (on.isAfter(LocalDate.now(clock))) {
            errors.add(new Violation("checkedOn", "assessment.fiveGood.check.future"));
        }
        String checker = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.checker(), "checker", 50));
        String findings = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.findings(), "findings", 2000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!r.getStatus().checkable()) {
            throw new ConflictException("assessment.fiveGood.state", r.getStatus().name());
        }
        return tx.execute(st -> {
            AssessmentFiveGoodCheckRecord c = new AssessmentFiveGoodCheckRecord();
            c.setApplicationId(id);
            c.setOrgPath(r.getOrgPath());
            c.setCheckedOn(on);
            c.setChecker(checker);
            c.setFindings(findings);
            c.setCreatedBy(scope.username());
            c.setCreatedAt(OffsetDateTime.now(clock));
            AssessmentFiveGoodCheckRecord saved = repo.insertCheck(c);
            audit.success("assessment.fiveGood.check", "assessment_five_good", id, r.getOrgPath(),
                    on + " " + checker + ": " + findings);
            return checkView(saved);
        });
    }

    // ------------------------------------------------------------------ helpers

    private String presetOf(Organization org) {
        String id = applicable.presetFor(ApplicablePresets.MINHANG, org.type(), org.domain());
        if (id == null || presets.get(id).isEmpty()) {
            throw InvalidInputException.of("orgId", "assessment.fiveGood.noStandard");
        }
        return id;
    }

    private StandardSystem system(String preset) {
        return presets.get(preset).orElseThrow(() -> new NotFoundException("preset", preset));
    }

    /** The branch's facts of the year (defaults for facts without records). */
    private Map<String, BigDecimal> facts(long orgId, String path, int year) {
        Map<String, BigDecimal> out = new HashMap<>();
        engine.factDefs().forEach((k, d) -> {
            if (d.defaultValue() != null) {
                out.put(k, d.defaultValue());
            }
        });
        for (Map.Entry<String, BranchFact> e : engine.factsOf(year, orgId, path).entrySet()) {
            if (e.getValue().value() != null) {
                out.put(e.getKey(), e.getValue().value());
            }
        }
        return out;
    }

    private List<LineView> lines(long orgId, String path, int year, StandardSystem s, Set<String> marked) {
        Map<String, BigDecimal> f = facts(orgId, path, year);
        Set<String> hit = FiveGoodGate.check(s, f, marked).hit().stream().map(Veto::code).collect(Collectors.toSet());
        List<LineView> out = new ArrayList<>();
        for (Veto v : s.allVetoes()) {
            out.add(new LineView(v.code(), v.name(), v.judged(), !v.active(), v.note(),
                    v.judged() ? null : f.get(v.fact()), hit.contains(v.code())));
        }
        return out;
    }

    private static String names(List<Veto> hit) {
        return hit.stream().map(Veto::name).collect(Collectors.joining("、"));
    }

    private AssessmentFiveGoodRecord visible(DataScope scope, long id) {
        requireReader(scope);
        return repo.find(id).filter(r -> scope.covers(r.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("five-good application", id));
    }

    private AssessmentFiveGoodRecord superiorOf(DataScope scope, long id) {
        AssessmentFiveGoodRecord r = visible(scope, id);
        if (!AssessmentService.canSpotCheck(scope, r.getOrgPath())) {
            throw new ForbiddenException("five-good applications are reviewed by the superior");
        }
        return r;
    }

    private FiveGoodView view(DataScope scope, AssessmentFiveGoodRecord r, List<LineView> lines, List<CheckView> checks) {
        boolean canReview = AssessmentService.canSpotCheck(scope, r.getOrgPath());
        return new FiveGoodView(r.getId(), r.getOrgId(), r.getOrgName(), r.getAssessYear(), r.getPreset(),
                presets.get(r.getPreset()).map(StandardSystem::name).orElse(r.getPreset()), r.getStatement(),
                r.getStatus(), r.getAppliedBy(), r.getAppliedAt(), r.getReviewedBy(), r.getReviewedAt(),
                r.getReviewNote(), r.getBarredLines(), r.getAwardedBy(), r.getAwardedAt(), canReview,
                canReview ? r.getStatus().allowed() : Set.of(), lines == null ? List.of() : lines, checks);
    }

    private static CheckView checkView(AssessmentFiveGoodCheckRecord c) {
        return new CheckView(c.getId(), c.getCheckedOn(), c.getChecker(), c.getFindings(), c.getCreatedBy(), c.getCreatedAt());
    }

    private static void requireReader(DataScope scope) {
        if (scope.selfOnly() || !scope.canReadOrgs()) {
            throw new ForbiddenException("five-good creation is for organizations");
        }
    }
}
