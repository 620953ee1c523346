package io.zhibu.assessment;

import io.zhibu.assessment.AssessmentViews.*;
import io.zhibu.assessment.internal.AssessmentRepository;
import io.zhibu.assessment.internal.CampaignEngine;
import io.zhibu.assessment.internal.CampaignEngine.BranchRef;
import io.zhibu.assessment.internal.ItemLine;
import io.zhibu.assessment.internal.PresetLibrary;
import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.AssessmentCampaignRecord;
import io.zhibu.db.tables.records.AssessmentEntryRecord;
import io.zhibu.db.tables.records.AssessmentEvidenceRecord;
import io.zhibu.db.tables.records.AssessmentResultRecord;
import io.zhibu.db.tables.records.AssessmentSystemRecord;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import static io.zhibu.db.Tables.ASSESSMENT_RESULT;

/**
 * 考核评价 (rules.md §8.1): standard systems as versioned configuration, campaigns over a superior's subtree, the
 * branch's self-check, the superior's spot check with mandatory reasons, publication. Every change is audited;
 * anything outside the caller's subtree answers 404.
 */
@Service
public class AssessmentService {
    static final List<OrgType> BRANCH_TYPES = List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH);
    /** Evidence files up to 5 MB each. */
    public static final int MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

    private final AssessmentRepository repo;
    private final CampaignEngine engine;
    private final PresetLibrary presets;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    private org.springframework.context.ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    void setEvents(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    private final io.zhibu.shared.upload.UploadCheck uploads;

    private ApplicablePresets applicable = new ApplicablePresets(null);

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setApplicable(ApplicablePresets applicable) {
        this.applicable = applicable;
    }

    public AssessmentService(AssessmentRepository repo, CampaignEngine engine, PresetLibrary presets, OrgService orgs,
                             AuditLog audit, Clock clock, TransactionTemplate tx,
                             io.zhibu.shared.upload.UploadCheck uploads) {
        this.uploads = uploads;
        this.repo = repo;
        this.engine = engine;
        this.presets = presets;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    // ------------------------------------------------------------------ standard systems

    public List<PresetInfo> presets(DataScope scope) {
        requireReader(scope);
        return presets.list();
    }

    public StandardSystem preset(DataScope scope, String id) {
        requireReader(scope);
        return presets.get(id).orElseThrow(() -> new NotFoundException("preset", id));
    }

    /** The facts standard systems may name (from every registered {@link BranchFactSource}). */
    public Set<String> knownFacts() {
        return engine.knownFacts();
    }

    /** The facts standard systems may name, with their units and defaults (the editor's list to pick from). */
    public List<BranchFactSource.FactDef> factDefs() {
        return List.copyOf(engine.factDefs().values());
    }

    /** Saves a system as a new version (version 1, or last + 1 for the same owner, code, year and domain). */
    public SystemView saveSystem(DataScope scope, SystemForm form) {
        requireOrgManager(scope);
        List<Violation> errors = new ArrayList<>();
        if (form == null) {
            throw InvalidInputException.of("system", "validation.required");
        }
        Long ownerId = form.ownerOrgId() != null ? form.ownerOrgId() : scope.scopeOrgId();
        if (ownerId == null) {
            errors.add(new Violation("ownerOrgId", "validation.required"));
        }
        if (form.year() == null || form.year() < 2000 || form.year() > 2100) {
            errors.add(new Violation("year", "assessment.year.invalid"));
        }
        StandardSystem system = form.system();
        if (system == null && form.preset() != null) {
            system = presets.get(form.preset()).orElse(null);
            if (system == null) {
                errors.add(new Violation("preset", "assessment.preset.unknown"));
            }
        } else if (system == null) {
            errors.add(new Violation("system", "validation.required"));
        }
        if (system != null) {
            String d = system.domain() == null ? "ALL" : system.domain();
            if (!"ALL".equals(d) && !java.util.Arrays.stream(d.split(",")).allMatch(p -> java.util.Arrays.stream(OrgDomain.values())
                    .anyMatch(x -> x.name().equals(p.strip())))) {
                errors.add(new Violation("domain", "assessment.domain.invalid"));
            }
            InvalidInputException.collect(errors, () -> {
                StandardValidator.validate(form.system() != null ? form.system() : presets.get(form.preset()).orElseThrow(),
                        knownFacts());
                return Boolean.TRUE;
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization owner = orgs.get(scope, ownerId);
        StandardSystem s = system;
        String domain = s.domain() == null ? "ALL" : s.domain();
        AssessmentSystemRecord saved = tx.execute(st -> {
            AssessmentSystemRecord r = new AssessmentSystemRecord();
            r.setRegionOrgId(owner.regionOrgId());
            r.setOwnerOrgId(owner.id());
            r.setOwnerPath(owner.path());
            r.setCode(s.code());
            r.setName(s.name());
            r.setAssessYear(form.year());
            r.setDomain(domain);
            r.setVersionNo(repo.lastVersion(owner.path(), s.code(), form.year(), domain) + 1);
            r.setTotalPoints(s.total());
            r.setBody(CampaignEngine.JSON.writeValueAsString(s));
            r.setCreatedBy(scope.username());
            r.setCreatedAt(OffsetDateTime.now(clock));
            AssessmentSystemRecord out = repo.insertSystem(r);
            audit.success("assessment.system.save", "assessment_system", out.getId(), owner.path(),
                    s.code() + " " + form.year() + " v" + out.getVersionNo());
            return out;
        });
        return view(saved);
    }

    public List<SystemSummary> systems(DataScope scope, Integer year) {
        requireReader(scope);
        return repo.systems(scope.orgPath(), ancestors(scope.orgPath()), year).stream().map(AssessmentService::summary).toList();
    }

    public SystemView system(DataScope scope, long id) {
        requireReader(scope);
        return view(visibleSystem(scope, id));
    }

    private AssessmentSystemRecord visibleSystem(DataScope scope, long id) {
        return repo.system(id).filter(r -> scope.covers(r.getOwnerPath()) || scope.orgPath().startsWith(r.getOwnerPath()))
                .orElseThrow(() -> new NotFoundException("assessment system", id));
    }

    // ------------------------------------------------------------------ campaigns

    /** Opens a campaign for the subtree of {@code orgId} and scores every branch of it from the facts at once. */
    public CampaignView openCampaign(DataScope scope, CampaignForm form) {
        requireOrgManager(scope);
        List<Violation> errors = new ArrayList<>();
        if (form == null || form.orgId() == null) {
            errors.add(new Violation("orgId", "validation.required"));
        }
        if (form == null || form.systemId() == null) {
            errors.add(new Violation("systemId", "validation.required"));
        }
        String name = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.name(), "name", 100));
        String family = form == null || form.family() == null || form.family().isBlank() ? null : form.family().strip();
        if (family != null && !applicable.families().contains(family)) {
            errors.add(new Violation("family", "assessment.family.unknown", family));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization org = orgs.get(scope, form.orgId());
        AssessmentSystemRecord sys = visibleSystem(scope, form.systemId());
        StandardSystem system = body(sys);
        List<Organization> members = branchOrgs(scope, org, family == null ? sys.getDomain() : "ALL");
        List<BranchRef> branches = refs(members);
        if (branches.isEmpty()) {
            throw InvalidInputException.of("orgId", "assessment.campaign.noBranches");
        }
        AssessmentCampaignRecord c = tx.execute(st -> {
            AssessmentCampaignRecord r = new AssessmentCampaignRecord();
            r.setRegionOrgId(org.regionOrgId());
            r.setOrgId(org.id());
            r.setOrgPath(org.path());
            r.setOrgName(org.name());
            r.setName(name);
            r.setAssessYear(sys.getAssessYear());
            r.setSystemId(sys.getId());
            r.setPresetFamily(family);
            r.setStatus("OPEN");
            r.setBranches(branches.size());
            r.setCreatedBy(scope.username());
            r.setCreatedAt(OffsetDateTime.now(clock));
            r.setVersion(0);
            AssessmentCampaignRecord out = repo.insertCampaign(r);
            engine.score(out, system, branches, perBranch(out, members));
            audit.success("assessment.campaign.open", "assessment_campaign", out.getId(), org.path(),
                    name + ": " + sys.getCode() + " v" + sys.getVersionNo() + ", " + branches.size() + " branches"
                            + (family == null ? "" : ", by domain (" + family + ")"));
            return out;
        });
        return campaign(scope, c.getId());
    }

    public List<CampaignView> campaigns(DataScope scope) {
        requireReader(scope);
        return repo.campaigns(scope.orgPath(), ancestors(scope.orgPath())).stream().map(c -> campaignView(scope, c, null)).toList();
    }

    public CampaignView campaign(DataScope scope, long id) {
        AssessmentCampaignRecord c = visibleCampaign(scope, id);
        List<Record> lines = repo.resultLines(id, scope.orgPath());
        CampaignView v = campaignView(scope, c, stats(lines));
        if (c.getPresetFamily() == null) {
            return v;
        }
        // 适用标准: which standard scores how many of the branches the caller sees
        Map<String, StandardSystem> family = familySystems(c);
        Map<String, Integer> counts = new TreeMap<>();
        List<Long> ids = lines.stream().map(r -> r.get(ASSESSMENT_RESULT.ORG_ID)).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            for (io.zhibu.org.OrgNode n : orgs.activeNodes(ids.subList(i, Math.min(ids.size(), i + 1000)))) {
                String p = applicable.presetFor(c.getPresetFamily(), n.type(), n.domain());
                if (p != null && family.containsKey(p)) {
                    counts.merge(p, 1, Integer::sum);
                }
            }
        }
        List<AppliedStandard> applied = counts.entrySet().stream().map(e -> new AppliedStandard(
                family.get(e.getKey()).code(), family.get(e.getKey()).name(), e.getValue())).toList();
        return new CampaignView(v.id(), v.name(), v.year(), v.orgId(), v.orgName(), v.systemId(), v.systemName(),
                v.systemVersion(), v.status(), v.branches(), v.scoreMs(), v.scoredAt(), v.publishedAt(), v.version(),
                v.manageable(), v.stats(), v.family(), applied);
    }

    /** The ranking of the branches the caller sees, with last year's published result of each. */
    public List<ResultRow> ranking(DataScope scope, long id) {
        AssessmentCampaignRecord c = visibleCampaign(scope, id);
        Map<Long, Record> last = new HashMap<>();
        for (Record r : repo.publishedOfYear(c.getAssessYear() - 1, scope.orgPath())) {
            last.put(r.get(ASSESSMENT_RESULT.ORG_ID), r);
        }
        List<ResultRow> out = new ArrayList<>();
        for (Record r : repo.resultLines(id, scope.orgPath())) {
            Record l = last.get(r.get(ASSESSMENT_RESULT.ORG_ID));
            String v = r.get(ASSESSMENT_RESULT.VETOES);
            out.add(new ResultRow(r.get(ASSESSMENT_RESULT.ORG_ID), r.get(ASSESSMENT_RESULT.ORG_NAME),
                    r.get(ASSESSMENT_RESULT.TOTAL_SCORE), r.get(ASSESSMENT_RESULT.STARS), r.get(ASSESSMENT_RESULT.TIER_LABEL),
                    v == null ? List.of() : List.of(v.split(",")), r.get(ASSESSMENT_RESULT.SCORE_RANK),
                    r.get(ASSESSMENT_RESULT.SELF_SUBMITTED_AT) != null, Boolean.TRUE.equals(r.get(ASSESSMENT_RESULT.SAMPLED)),
                    r.get(ASSESSMENT_RESULT.CHECKED_AT) != null,
                    l == null ? null : l.get(ASSESSMENT_RESULT.TOTAL_SCORE), l == null ? null : l.get(ASSESSMENT_RESULT.STARS)));
        }
        return out;
    }

    /** Scores the whole campaign again from the current facts and entries (quotas and ranks over all branches). */
    public CampaignView rescore(DataScope scope, long id) {
        AssessmentCampaignRecord c = managedCampaign(scope, id);
        requireNotPublished(c);
        tx.executeWithoutResult(st -> {
            List<Organization> members = campaignOrgs(scope, c);
            CampaignEngine.Outcome o = engine.score(c, body(repo.system(c.getSystemId()).orElseThrow()), refs(members),
                    perBranch(c, members));
            audit.success("assessment.campaign.rescore", "assessment_campaign", id, c.getOrgPath(), o.branches() + " branches");
        });
        return campaign(scope, id);
    }

    /** 抽查 sample: ALL, or RANDOM {@code size} branches (seeded when a seed is given); moves the campaign to CHECKING. */
    public CampaignView sample(DataScope scope, long id, SampleForm form) {
        AssessmentCampaignRecord c = managedCampaign(scope, id);
        requireNotPublished(c);
        String mode = form == null ? null : form.mode();
        if (!"ALL".equals(mode) && !"RANDOM".equals(mode)) {
            throw InvalidInputException.of("mode", "assessment.sample.mode");
        }
        List<Record> lines = repo.resultLines(id, c.getOrgPath());
        int n = lines.size();
        if ("RANDOM".equals(mode) && (form.size() == null || form.size() < 1 || form.size() > n)) {
            throw InvalidInputException.of("size", "assessment.sample.size", n);
        }
        List<Long> ids = new ArrayList<>(lines.stream().map(r -> r.get(ASSESSMENT_RESULT.ORG_ID)).sorted().toList());
        if ("RANDOM".equals(mode)) {
            Collections.shuffle(ids, form.seed() == null ? new Random() : new Random(form.seed()));
            ids = ids.subList(0, form.size());
        }
        List<Long> chosen = ids;
        tx.executeWithoutResult(st -> {
            var db = repo.db();
            db.update(ASSESSMENT_RESULT).set(ASSESSMENT_RESULT.SAMPLED, false).where(ASSESSMENT_RESULT.CAMPAIGN_ID.eq(id)).execute();
            for (int i = 0; i < chosen.size(); i += 1000) {
                db.update(ASSESSMENT_RESULT).set(ASSESSMENT_RESULT.SAMPLED, true).where(ASSESSMENT_RESULT.CAMPAIGN_ID.eq(id))
                        .and(ASSESSMENT_RESULT.ORG_ID.in(chosen.subList(i, Math.min(chosen.size(), i + 1000)))).execute();
            }
            if (!repo.bumpCampaign(id, c.getVersion(), "CHECKING")) {
                throw new ConflictException("error.concurrentChange");
            }
            audit.success("assessment.campaign.sample", "assessment_campaign", id, c.getOrgPath(),
                    mode + " " + chosen.size() + " of " + n);
        });
        return campaign(scope, id);
    }

    /** Publishes the results to the branches: a final full scoring (quotas, ranks), then the campaign is closed. */
    public CampaignView publish(DataScope scope, long id) {
        AssessmentCampaignRecord c = managedCampaign(scope, id);
        requireNotPublished(c);
        tx.executeWithoutResult(st -> {
            AssessmentSystemRecord sys = repo.system(c.getSystemId()).orElseThrow();
            List<Organization> members = campaignOrgs(scope, c);
            engine.score(c, body(sys), refs(members), perBranch(c, members));
            if (!repo.bumpCampaign(id, c.getVersion(), "PUBLISHED")) {
                throw new ConflictException("error.concurrentChange");
            }
            audit.success("assessment.campaign.publish", "assessment_campaign", id, c.getOrgPath(), c.getName());
            // published stars change the dashboards' star figures of every branch of the campaign
            events.publishEvent(io.zhibu.shared.rollup.FactsChanged.stock("assessment", java.util.List.of(0L)));
        });
        return campaign(scope, id);
    }

    // ------------------------------------------------------------------ one branch's result

    public ResultDetail result(DataScope scope, long id, long orgId) {
        AssessmentCampaignRecord c = visibleCampaign(scope, id);
        AssessmentResultRecord r = visibleResult(scope, c, orgId);
        Breakdown b;
        if (r.getItemLine() != null) {
            // rebuilt from the compact item line (scoring writes no JSON any more)
            b = ItemLine.explain(r.getItemLine(), systemFor(c, orgId), c.getAssessYear(), orgId,
                    r.getVetoes() == null ? Set.of() : Set.of(r.getVetoes().split(",")), engine.factDefs(),
                    engine.factsOf(c.getAssessYear(), orgId, r.getOrgPath()),
                    CampaignEngine.entriesByOrg(repo.entries(id, orgId)).getOrDefault(orgId, BranchScoring.Entries.NONE),
                    r.getTierRule());
        } else {
            b = r.getBreakdown() == null ? new Breakdown(List.of(), List.of(), null, null)
                    : CampaignEngine.JSON.readValue(r.getBreakdown(), Breakdown.class);
        }
        List<Evidence> ev = repo.evidenceList(id, orgId).stream().map(e -> new Evidence(e.get(0, Long.class),
                e.get(1, String.class), e.get(2, String.class), e.get(3, Long.class), e.get(4, String.class),
                e.get(5, OffsetDateTime.class))).toList();
        boolean open = !"PUBLISHED".equals(c.getStatus());
        return new ResultDetail(id, c.getName(), c.getAssessYear(), c.getStatus(), orgId, r.getOrgName(), r.getTotalScore(),
                r.getStars(), r.getTierLabel(), b.rule(), r.getTierRule(), b.items(), b.vetoes(), r.getScoreRank(),
                r.getSelfComment(), r.getSelfSubmittedAt(), r.getSampled(), r.getCheckedAt(), r.getCheckedBy(),
                r.getRectification(), ev, r.getVersion(), open && "OPEN".equals(c.getStatus()) && scope.canManageMembers(),
                open && canSpotCheck(scope, r.getOrgPath()));
    }

    /** 自查: the branch scores its judged items, comments any item, and may submit; only while the campaign is OPEN. */
    public ResultDetail selfCheck(DataScope scope, long id, long orgId, SelfCheckForm form) {
        AssessmentCampaignRecord c = visibleCampaign(scope, id);
        AssessmentResultRecord r = visibleResult(scope, c, orgId);
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("self-check is the branch's");
        }
        if (!"OPEN".equals(c.getStatus())) {
            throw new ConflictException("assessment.selfCheck.closed");
        }
        StandardSystem system = baseFor(c, orgId);
        Map<String, StandardSystem.Item> items = itemsByCode(systemFor(c, orgId));
        List<Violation> errors = new ArrayList<>();
        List<AssessmentEntryRecord> rows = new ArrayList<>();
        for (ItemEntry e : form == null || form.items() == null ? List.<ItemEntry>of() : form.items()) {
            StandardSystem.Item item = e == null ? null : items.get(e.code());
            if (item == null) {
                errors.add(new Violation("items", "assessment.item.unknown", e == null ? null : e.code()));
                continue;
            }
            String note = InvalidInputException.collect(errors, () -> TextInput.optional(e.note(), "items." + e.code(), 1000));
            if (e.score() != null && item.mode() != StandardSystem.ScoringMode.JUDGED) {
                errors.add(new Violation("items." + e.code(), "assessment.item.derivedNoScore"));
            } else if (e.score() != null && (e.score().signum() < 0 || e.score().compareTo(item.points()) > 0
                    || e.score().stripTrailingZeros().scale() > 2)) {
                errors.add(new Violation("items." + e.code(), "assessment.item.scoreRange", item.points()));
            } else if (e.score() != null || note != null) {
                rows.add(entry(c, r, e.code(), "SELF", e.score(), note, scope));
            }
        }
        String comment = InvalidInputException.collect(errors, () -> TextInput.optional(form == null ? null : form.comment(), "comment", 1000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean submit = form != null && Boolean.TRUE.equals(form.submit());
        tx.executeWithoutResult(st -> {
            repo.insertEntries(rows);
            var upd = repo.db().update(ASSESSMENT_RESULT).set(ASSESSMENT_RESULT.SELF_COMMENT, comment != null ? comment : r.getSelfComment());
            if (submit) {
                upd = upd.set(ASSESSMENT_RESULT.SELF_SUBMITTED_AT, OffsetDateTime.now(clock));
            }
            upd.where(ASSESSMENT_RESULT.ID.eq(r.getId())).execute();
            rescoreBranch(c, system, r);
            audit.success("assessment.selfCheck", "assessment_result", r.getId(), r.getOrgPath(),
                    rows.size() + " entries" + (submit ? ", submitted" : ""));
        });
        return result(scope, id, orgId);
    }

    /** 抽查: the superior adjusts item scores (reason mandatory), marks judged vetoes, writes rectification opinions. */
    public ResultDetail spotCheck(DataScope scope, long id, long orgId, SpotCheckForm form) {
        AssessmentCampaignRecord c = visibleCampaign(scope, id);
        AssessmentResultRecord r = visibleResult(scope, c, orgId);
        if (!canSpotCheck(scope, r.getOrgPath())) {
            throw new ForbiddenException("spot checks are the superior's");
        }
        requireNotPublished(c);
        StandardSystem system = baseFor(c, orgId);
        Map<String, StandardSystem.Item> items = itemsByCode(systemFor(c, orgId));
        Set<String> vetoCodes = new HashSet<>(system.vetoList().stream().map(StandardSystem.Veto::code).toList());
        List<Violation> errors = new ArrayList<>();
        List<AssessmentEntryRecord> rows = new ArrayList<>();
        for (ItemEntry e : form == null || form.items() == null ? List.<ItemEntry>of() : form.items()) {
            StandardSystem.Item item = e == null ? null : items.get(e.code());
            if (item == null) {
                errors.add(new Violation("items", "assessment.item.unknown", e == null ? null : e.code()));
                continue;
            }
            String f = "items." + e.code();
            String reason = InvalidInputException.collect(errors, () -> TextInput.optional(e.note(), f, 1000));
            if (e.score() == null || e.score().signum() < 0 || e.score().compareTo(item.points()) > 0
                    || e.score().stripTrailingZeros().scale() > 2) {
                errors.add(new Violation(f, "assessment.item.scoreRange", item.points()));
            } else if (reason == null) {
                errors.add(new Violation(f, "assessment.reason.required"));
            } else {
                rows.add(entry(c, r, e.code(), "CHECK", e.score(), reason, scope));
            }
        }
        Set<String> marked = new HashSet<>();
        for (String v : form == null || form.vetoes() == null ? List.<String>of() : form.vetoes()) {
            if (!vetoCodes.contains(v)) {
                errors.add(new Violation("vetoes", "assessment.veto.unknown", v));
            } else {
                marked.add(v);
            }
        }
        String rect = InvalidInputException.collect(errors, () -> TextInput.optional(form == null ? null : form.rectification(), "rectification", 2000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Set<String> before = CampaignEngine.entriesByOrg(repo.entries(id, orgId)).getOrDefault(orgId,
                BranchScoring.Entries.NONE).vetoesMarked();
        for (String v : vetoCodes) {
            if (marked.contains(v) != before.contains(v)) {
                rows.add(entry(c, r, v, "VETO", marked.contains(v) ? BigDecimal.ONE : BigDecimal.ZERO, "spot check", scope));
            }
        }
        tx.executeWithoutResult(st -> {
            repo.insertEntries(rows);
            repo.db().update(ASSESSMENT_RESULT).set(ASSESSMENT_RESULT.RECTIFICATION, rect != null ? rect : r.getRectification())
                    .set(ASSESSMENT_RESULT.CHECKED_AT, OffsetDateTime.now(clock)).set(ASSESSMENT_RESULT.CHECKED_BY, scope.username())
                    .where(ASSESSMENT_RESULT.ID.eq(r.getId())).execute();
            BigDecimal old = r.getTotalScore();
            rescoreBranch(c, system, r);
            for (AssessmentEntryRecord e : rows) {
                audit.success("assessment.spotCheck", "assessment_result", r.getId(), r.getOrgPath(),
                        e.getKind() + " " + e.getItemCode() + " → " + e.getScore() + ": " + e.getNote());
            }
            audit.success("assessment.spotCheck", "assessment_result", r.getId(), r.getOrgPath(),
                    "total " + old + " → " + repo.result(id, orgId).orElseThrow().getTotalScore());
        });
        return result(scope, id, orgId);
    }

    public Evidence addEvidence(DataScope scope, long id, long orgId, String itemCode, String fileName,
                                String contentType, byte[] content) {
        AssessmentCampaignRecord c = visibleCampaign(scope, id);
        AssessmentResultRecord r = visibleResult(scope, c, orgId);
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("evidence is the branch's");
        }
        requireNotPublished(c);
        List<Violation> errors = new ArrayList<>();
        if (content == null || content.length == 0) {
            errors.add(new Violation("file", "assessment.evidence.empty"));
        } else if (content.length > MAX_EVIDENCE_BYTES) {
            errors.add(new Violation("file", "assessment.evidence.tooLarge", MAX_EVIDENCE_BYTES / 1024 / 1024));
        }
        String name = InvalidInputException.collect(errors, () -> TextInput.required(fileName, "file", 200));
        // typed allow-list checked on the whole file: images decoded, PDFs without scripts, office files without macros
        io.zhibu.shared.upload.UploadCheck.Checked checked = errors.isEmpty()
                ? InvalidInputException.collect(errors, () -> uploads.check("file", fileName, content,
                        io.zhibu.shared.upload.FileType.DOCUMENTS)) : null;
        if (itemCode != null && !itemCode.isBlank() && !itemsByCode(systemFor(c, orgId)).containsKey(itemCode)) {
            errors.add(new Violation("itemCode", "assessment.item.unknown", itemCode));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return tx.execute(st -> {
            AssessmentEvidenceRecord e = new AssessmentEvidenceRecord();
            e.setCampaignId(id);
            e.setOrgId(orgId);
            e.setOrgPath(r.getOrgPath());
            e.setItemCode(itemCode == null || itemCode.isBlank() ? null : itemCode);
            e.setFileName(name);
            e.setContentType(checked.contentType());
            e.setSizeBytes((long) content.length);
            e.setContent(content);
            e.setCreatedBy(scope.username());
            e.setCreatedAt(OffsetDateTime.now(clock));
            AssessmentEvidenceRecord saved = repo.insertEvidence(e);
            audit.success("assessment.evidence", "assessment_result", r.getId(), r.getOrgPath(), name);
            return new Evidence(saved.getId(), saved.getItemCode(), name, content.length, scope.username(), saved.getCreatedAt());
        });
    }

    public AssessmentEvidenceRecord evidenceFile(DataScope scope, long evidenceId) {
        requireReader(scope);
        return repo.evidence(evidenceId).filter(e -> scope.covers(e.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
    }

    // ------------------------------------------------------------------ helpers

    /** The system one branch of the campaign is scored with: the campaign's, with its approved X items (6+X). */
    StandardSystem systemFor(AssessmentCampaignRecord c, long orgId) {
        return XItems.forBranch(baseFor(c, orgId), repo.approvedXItems(c.getId(), orgId).get(orgId));
    }

    /** The standard a branch of the campaign is scored with before its X items: its applicable one, or the campaign's. */
    StandardSystem baseFor(AssessmentCampaignRecord c, long orgId) {
        StandardSystem campaignSystem = body(repo.system(c.getSystemId()).orElseThrow());
        if (c.getPresetFamily() == null) {
            return campaignSystem;
        }
        Map<String, StandardSystem> family = familySystems(c);
        return orgs.activeNodes(List.of(orgId)).stream().findFirst()
                .map(n -> family.get(applicable.presetFor(c.getPresetFamily(), n.type(), n.domain())))
                .orElse(campaignSystem);
    }

    /** For a campaign scored by domain: each branch's applicable standard (empty map otherwise). */
    private Map<Long, StandardSystem> perBranch(AssessmentCampaignRecord c, List<Organization> members) {
        if (c.getPresetFamily() == null) {
            return Map.of();
        }
        Map<String, StandardSystem> family = familySystems(c);
        Map<Long, StandardSystem> out = new HashMap<>();
        for (Organization o : members) {
            StandardSystem s = family.get(applicable.presetFor(c.getPresetFamily(), o.type(), o.domain()));
            if (s != null) {
                out.put(o.id(), s);
            }
        }
        return out;
    }

    /**
     * The standards of the campaign's family by preset id: the latest version of an edited copy saved for the
     * campaign's year (same code, visible to the campaign's organization), else the shipped preset.
     */
    private Map<String, StandardSystem> familySystems(AssessmentCampaignRecord c) {
        Map<String, AssessmentSystemRecord> saved = new HashMap<>();
        for (AssessmentSystemRecord r : repo.systems(c.getOrgPath(), ancestors(c.getOrgPath()), c.getAssessYear())) {
            saved.putIfAbsent(r.getCode(), r); // ordered by version descending within a code
        }
        Map<String, StandardSystem> out = new HashMap<>();
        for (io.zhibu.org.OrgType t : io.zhibu.org.OrgType.values()) {
            for (OrgDomain d : OrgDomain.values()) {
                String id = applicable.presetFor(c.getPresetFamily(), t, d);
                if (id != null && !out.containsKey(id)) {
                    presets.get(id).ifPresent(p -> out.put(id, saved.containsKey(p.code()) ? body(saved.get(p.code())) : p));
                }
            }
        }
        return out;
    }

    /** The campaign's branches now (all domains when it is scored by domain). */
    private List<Organization> campaignOrgs(DataScope scope, AssessmentCampaignRecord c) {
        return branchOrgs(scope, orgs.get(scope, c.getOrgId()),
                c.getPresetFamily() != null ? "ALL" : repo.system(c.getSystemId()).orElseThrow().getDomain());
    }

    /** Scores one branch again (after its X items changed). */
    void rescoreBranch(AssessmentCampaignRecord c, AssessmentResultRecord r) {
        rescoreBranch(c, baseFor(c, r.getOrgId()), r);
    }

    private void rescoreBranch(AssessmentCampaignRecord c, StandardSystem system, AssessmentResultRecord r) {
        engine.scoreOne(c, system, new BranchRef(r.getOrgId(), r.getOrgName(), r.getOrgPath(), r.getRegionOrgId()));
    }

    private AssessmentEntryRecord entry(AssessmentCampaignRecord c, AssessmentResultRecord r, String code, String kind,
                                        BigDecimal score, String note, DataScope scope) {
        AssessmentEntryRecord e = new AssessmentEntryRecord();
        e.setCampaignId(c.getId());
        e.setOrgId(r.getOrgId());
        e.setOrgPath(r.getOrgPath());
        e.setItemCode(code);
        e.setKind(kind);
        e.setScore(score == null ? null : score.setScale(2, RoundingMode.HALF_UP));
        e.setNote(note);
        e.setActor(scope.username());
        e.setCreatedAt(OffsetDateTime.now(clock));
        return e;
    }

    private static Map<String, StandardSystem.Item> itemsByCode(StandardSystem s) {
        Map<String, StandardSystem.Item> m = new HashMap<>();
        s.items().forEach(i -> m.put(i.code(), i));
        return m;
    }

    /** The active branches of the subtree (of the system's domain — or comma-separated domains, e.g. 事业单位 = SCHOOL,HOSPITAL — unless ALL). */
    private List<Organization> branchOrgs(DataScope scope, Organization org, String domain) {
        List<Organization> list = org.type().holdsMembers() ? List.of(org) : orgs.activeIn(scope, org.id(), BRANCH_TYPES);
        Set<String> domains = java.util.Arrays.stream(domain.split(",")).map(String::strip).collect(java.util.stream.Collectors.toSet());
        return list.stream().filter(o -> "ALL".equals(domain) || domains.contains(o.domain().name())).toList();
    }

    private static List<BranchRef> refs(List<Organization> list) {
        return list.stream().map(o -> new BranchRef(o.id(), o.name(), o.path(), o.regionOrgId())).toList();
    }

    static boolean canSpotCheck(DataScope scope, String resultPath) {
        return scope.canManageOrgs() && scope.covers(resultPath) && !scope.orgPath().equals(resultPath);
    }

    AssessmentCampaignRecord visibleCampaign(DataScope scope, long id) {
        requireReader(scope);
        return repo.campaign(id).filter(c -> scope.covers(c.getOrgPath()) || scope.orgPath().startsWith(c.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("campaign", id));
    }

    AssessmentCampaignRecord managedCampaign(DataScope scope, long id) {
        requireOrgManager(scope);
        return repo.campaign(id).filter(c -> scope.covers(c.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("campaign", id));
    }

    AssessmentResultRecord visibleResult(DataScope scope, AssessmentCampaignRecord c, long orgId) {
        return repo.result(c.getId(), orgId).filter(r -> scope.covers(r.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("assessment result", orgId));
    }

    static void requireNotPublished(AssessmentCampaignRecord c) {
        if ("PUBLISHED".equals(c.getStatus())) {
            throw new ConflictException("assessment.campaign.published");
        }
    }

    private static void requireReader(DataScope scope) {
        if (scope.selfOnly() || !scope.canReadOrgs()) {
            throw new ForbiddenException("assessment is for organizations");
        }
    }

    private static void requireOrgManager(DataScope scope) {
        if (!scope.canManageOrgs()) {
            throw new ForbiddenException("assessment is managed by the organization department");
        }
    }

    /** The scope's ancestor paths (whose systems and campaigns also apply to it). */
    static List<String> ancestors(String path) {
        List<String> out = new ArrayList<>();
        for (int d = OrgPath.SEGMENT; d < path.length(); d += OrgPath.SEGMENT) {
            out.add(path.substring(0, d));
        }
        return out;
    }

    static StandardSystem body(AssessmentSystemRecord r) {
        return CampaignEngine.JSON.readValue(r.getBody(), StandardSystem.class);
    }

    private static SystemSummary summary(AssessmentSystemRecord r) {
        return new SystemSummary(r.getId(), r.getCode(), r.getName(), r.getAssessYear(), r.getDomain(), r.getVersionNo(),
                r.getTotalPoints(), r.getOwnerOrgId(), r.getCreatedBy(), r.getCreatedAt());
    }

    private static SystemView view(AssessmentSystemRecord r) {
        return new SystemView(summary(r), body(r));
    }

    private CampaignView campaignView(DataScope scope, AssessmentCampaignRecord c, CampaignStats stats) {
        AssessmentSystemRecord s = repo.system(c.getSystemId()).orElseThrow();
        return new CampaignView(c.getId(), c.getName(), c.getAssessYear(), c.getOrgId(), c.getOrgName(), s.getId(),
                s.getName(), s.getVersionNo(), c.getStatus(), c.getBranches(), c.getScoreMs(), c.getScoredAt(),
                c.getPublishedAt(), c.getVersion(), scope.canManageOrgs() && scope.covers(c.getOrgPath()), stats,
                c.getPresetFamily(), List.of());
    }

    static CampaignStats stats(List<Record> lines) {
        Map<Integer, Integer> stars = new TreeMap<>(Collections.reverseOrder());
        int passed = 0;
        int vetoed = 0;
        int self = 0;
        int sampled = 0;
        int checked = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (Record r : lines) {
            int s = r.get(ASSESSMENT_RESULT.STARS);
            stars.merge(s, 1, Integer::sum);
            passed += s > 0 ? 1 : 0;
            vetoed += r.get(ASSESSMENT_RESULT.VETOES) != null ? 1 : 0;
            self += r.get(ASSESSMENT_RESULT.SELF_SUBMITTED_AT) != null ? 1 : 0;
            sampled += Boolean.TRUE.equals(r.get(ASSESSMENT_RESULT.SAMPLED)) ? 1 : 0;
            checked += r.get(ASSESSMENT_RESULT.CHECKED_AT) != null ? 1 : 0;
            sum = sum.add(r.get(ASSESSMENT_RESULT.TOTAL_SCORE));
        }
        int n = lines.size();
        return new CampaignStats(n, stars, passed,
                n == 0 ? null : BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP),
                n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP), vetoed, self, sampled, checked);
    }
}
