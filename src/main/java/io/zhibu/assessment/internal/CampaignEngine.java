package io.zhibu.assessment.internal;

import static io.zhibu.db.Tables.ASSESSMENT_CAMPAIGN;
import static io.zhibu.db.Tables.ASSESSMENT_RESULT;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.assessment.BranchFactSource.FactDef;
import io.zhibu.assessment.BranchScoring;
import io.zhibu.assessment.BranchScoring.Entries;
import io.zhibu.assessment.StandardSystem;
import io.zhibu.assessment.StarRating;
import io.zhibu.db.tables.records.AssessmentCampaignRecord;
import io.zhibu.db.tables.records.AssessmentEntryRecord;
import io.zhibu.db.tables.records.AssessmentResultRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Query;
import org.jooq.Record;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores a whole campaign in one set-based pass: each fact source answers once for the campaign's subtree, the
 * entries are read with one query, every branch is scored in memory ({@link BranchScoring}), quotas applied over the
 * campaign, ranks assigned, and the result rows written in JDBC batches. No per-branch query.
 */
@Component
public class CampaignEngine {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private final AssessmentRepository repo;
    private final List<BranchFactSource> sources;
    private final Clock clock;

    public CampaignEngine(AssessmentRepository repo, List<BranchFactSource> sources, Clock clock) {
        this.repo = repo;
        this.sources = sources;
        this.clock = clock;
    }

    /** A branch of the campaign as the org module describes it. */
    public record BranchRef(long orgId, String name, String path, Long regionOrgId) {
    }

    public record Outcome(int branches, long factsMs, long computeMs, long writeMs) {
    }

    public Map<String, FactDef> factDefs() {
        Map<String, FactDef> out = new LinkedHashMap<>();
        for (BranchFactSource s : sources) {
            s.facts().forEach(d -> out.put(d.key(), d));
        }
        return out;
    }

    public Set<String> knownFacts() {
        Set<String> out = new TreeSet<>(factDefs().keySet());
        out.add(io.zhibu.assessment.StandardSystem.SCORE_FACT);
        return out;
    }

    public LocalDate asOf(int year) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = LocalDate.of(year, 12, 31);
        return today.isBefore(end) ? today : end;
    }

    public Outcome score(AssessmentCampaignRecord c, StandardSystem system, List<BranchRef> branches) {
        return score(c, system, branches, sources, false, Map.of());
    }

    /** The whole campaign, each branch in {@code perBranch} with its own applicable standard (适用标准). */
    public Outcome score(AssessmentCampaignRecord c, StandardSystem system, List<BranchRef> branches,
                         Map<Long, StandardSystem> perBranch) {
        return score(c, system, branches, sources, false, perBranch);
    }

    /**
     * One branch after a self-check or spot-check entry: its facts (the sources asked for its path only) and
     * entries; quotas and ranks wait for the next full scoring (rescore or publish).
     */
    public Outcome scoreOne(AssessmentCampaignRecord c, StandardSystem system, BranchRef branch) {
        return score(c, system, List.of(branch), sources, true, Map.of());
    }

    /** The whole campaign; {@code factSources} is the Spring list except in the benchmark. */
    public Outcome score(AssessmentCampaignRecord c, StandardSystem system, List<BranchRef> branches,
                         List<BranchFactSource> factSources, boolean partial) {
        return score(c, system, branches, factSources, partial, Map.of());
    }

    /**
     * The whole campaign (or one branch when {@code partial}); a branch in {@code perBranch} is scored with that
     * system (its applicable standard), the others with {@code system}; quotas use {@code system}'s tiers.
     */
    public Outcome score(AssessmentCampaignRecord c, StandardSystem system, List<BranchRef> branches,
                         List<BranchFactSource> factSources, boolean partial, Map<Long, StandardSystem> perBranch) {
        long t0 = System.nanoTime();
        int year = c.getAssessYear();
        LocalDate asOf = asOf(year);
        Map<String, FactDef> defs = new HashMap<>();
        Map<Long, Map<String, BranchFact>> facts = new HashMap<>();
        for (BranchFactSource s : factSources) {
            s.facts().forEach(d -> defs.put(d.key(), d));
            for (BranchFact f : s.collect(year, asOf, partial ? branches.getFirst().path() : c.getOrgPath())) {
                facts.computeIfAbsent(f.orgId(), k -> new HashMap<>()).put(f.key(), f);
            }
        }
        Map<Long, Entries> entries = entriesByOrg(repo.entries(c.getId(), partial ? branches.getFirst().orgId() : null));
        // 6+X: a branch with approved X items is scored with its own system (XItems, within the X allowance)
        Map<Long, List<io.zhibu.assessment.XItems.XItem>> xItems =
                repo.approvedXItems(c.getId(), partial ? branches.getFirst().orgId() : null);
        long t1 = System.nanoTime();
        Map<Long, BranchScoring.Scored> scored = new HashMap<>();
        Map<Long, StarRating.Rating> ratings = new HashMap<>();
        for (BranchRef b : branches) {
            BranchScoring.Scored s = BranchScoring.score(
                    io.zhibu.assessment.XItems.forBranch(perBranch.getOrDefault(b.orgId(), system), xItems.get(b.orgId())), year, b.orgId(), facts.getOrDefault(b.orgId(), Map.of()),
                    defs, entries.getOrDefault(b.orgId(), Entries.NONE));
            scored.put(b.orgId(), s);
            ratings.put(b.orgId(), s.rating());
        }
        Map<Long, StarRating.Rating> finalRatings = partial ? ratings : StarRating.applyQuotas(ratings, system.tierList());
        Map<Long, Integer> ranks = partial ? Map.of() : ranks(finalRatings);
        long t2 = System.nanoTime();
        Map<Long, Record> existing = new HashMap<>();
        for (Record r : repo.resultLines(c.getId(), partial ? branches.getFirst().path() : null)) {
            existing.put(r.get(ASSESSMENT_RESULT.ORG_ID), r);
        }
        var db = repo.db();
        List<AssessmentResultRecord> inserts = new ArrayList<>();
        List<Query> updates = new ArrayList<>();
        for (BranchRef b : branches) {
            BranchScoring.Scored s = scored.get(b.orgId());
            StarRating.Rating r = finalRatings.get(b.orgId());
            // the compact item line instead of the JSON breakdown (rebuilt when a page is read: ItemLine.explain)
            String line = ItemLine.encode(s.breakdown(), r.rule());
            String tierText = BranchScoring.tierText(r);
            String vetoes = r.vetoes().isEmpty() ? null : String.join(",", r.vetoes());
            String label = r.tier() == null ? null : r.tier().label();
            Record old = existing.get(b.orgId());
            if (old != null) {
                Integer rank = partial ? old.get(ASSESSMENT_RESULT.SCORE_RANK) : ranks.get(b.orgId());
                if (line.equals(old.get(ASSESSMENT_RESULT.ITEM_LINE)) && r.score().compareTo(old.get(ASSESSMENT_RESULT.TOTAL_SCORE)) == 0
                        && r.stars() == old.get(ASSESSMENT_RESULT.STARS) && java.util.Objects.equals(vetoes, old.get(ASSESSMENT_RESULT.VETOES))
                        && java.util.Objects.equals(tierText, old.get(ASSESSMENT_RESULT.TIER_RULE))
                        && java.util.Objects.equals(rank, old.get(ASSESSMENT_RESULT.SCORE_RANK))) {
                    continue; // unchanged: nothing to write
                }
                updates.add(db.update(ASSESSMENT_RESULT).set(ASSESSMENT_RESULT.TOTAL_SCORE, r.score())
                        .set(ASSESSMENT_RESULT.DERIVED_SCORE, s.derivedScore()).set(ASSESSMENT_RESULT.STARS, r.stars())
                        .set(ASSESSMENT_RESULT.TIER_LABEL, label).set(ASSESSMENT_RESULT.TIER_RULE, tierText)
                        .set(ASSESSMENT_RESULT.VETOES, vetoes).set(ASSESSMENT_RESULT.ITEM_LINE, line)
                        .set(ASSESSMENT_RESULT.BREAKDOWN, (String) null)
                        .set(ASSESSMENT_RESULT.SCORE_RANK, partial ? ASSESSMENT_RESULT.SCORE_RANK : org.jooq.impl.DSL.val(ranks.get(b.orgId())))
                        .set(ASSESSMENT_RESULT.VERSION, ASSESSMENT_RESULT.VERSION.plus(1))
                        .where(ASSESSMENT_RESULT.CAMPAIGN_ID.eq(c.getId()), ASSESSMENT_RESULT.ORG_ID.eq(b.orgId())));
            } else {
                AssessmentResultRecord n = new AssessmentResultRecord();
                n.setCampaignId(c.getId());
                n.setRegionOrgId(b.regionOrgId());
                n.setOrgId(b.orgId());
                n.setOrgPath(b.path());
                n.setOrgName(b.name());
                n.setTotalScore(r.score());
                n.setDerivedScore(s.derivedScore());
                n.setStars(r.stars());
                n.setTierLabel(label);
                n.setTierRule(tierText);
                n.setVetoes(vetoes);
                n.setItemLine(line);
                n.setScoreRank(ranks.get(b.orgId()));
                n.setSampled(false);
                n.setVersion(0);
                inserts.add(n);
            }
        }
        for (int i = 0; i < inserts.size(); i += 1000) {
            db.batchInsert(inserts.subList(i, Math.min(inserts.size(), i + 1000))).execute();
        }
        for (int i = 0; i < updates.size(); i += 1000) {
            db.batch(updates.subList(i, Math.min(updates.size(), i + 1000))).execute();
        }
        long t3 = System.nanoTime();
        if (partial) {
            return new Outcome(branches.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        }
        db.update(ASSESSMENT_CAMPAIGN).set(ASSESSMENT_CAMPAIGN.BRANCHES, branches.size())
                .set(ASSESSMENT_CAMPAIGN.SCORED_AT, OffsetDateTime.now(clock))
                .set(ASSESSMENT_CAMPAIGN.SCORE_MS, (t3 - t0) / 1_000_000)
                .where(ASSESSMENT_CAMPAIGN.ID.eq(c.getId())).execute();
        return new Outcome(branches.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    /** The current facts of one branch (the sources asked for its path only): detail texts of an explanation. */
    public Map<String, BranchFact> factsOf(int year, long orgId, String path) {
        Map<String, BranchFact> out = new HashMap<>();
        for (BranchFactSource s : sources) {
            for (BranchFact f : s.collect(year, asOf(year), path)) {
                if (f.orgId() == orgId) {
                    out.put(f.key(), f);
                }
            }
        }
        return out;
    }

    /** Competition ranking by score (1, 2, 2, 4, …). */
    static Map<Long, Integer> ranks(Map<Long, StarRating.Rating> ratings) {
        List<Map.Entry<Long, StarRating.Rating>> list = new ArrayList<>(ratings.entrySet());
        list.sort(Comparator.<Map.Entry<Long, StarRating.Rating>, BigDecimal>comparing(e -> e.getValue().score()).reversed()
                .thenComparing(Map.Entry::getKey));
        Map<Long, Integer> out = new HashMap<>();
        BigDecimal prev = null;
        int rank = 0;
        for (int i = 0; i < list.size(); i++) {
            BigDecimal s = list.get(i).getValue().score();
            if (prev == null || s.compareTo(prev) != 0) {
                rank = i + 1;
                prev = s;
            }
            out.put(list.get(i).getKey(), rank);
        }
        return out;
    }

    /** The latest entry per (org, item, kind) wins; a VETO entry with score 0 takes a marked veto back. */
    public static Map<Long, Entries> entriesByOrg(List<AssessmentEntryRecord> rows) {
        Map<Long, Map<String, AssessmentEntryRecord>> latest = new HashMap<>();
        for (AssessmentEntryRecord e : rows) {
            latest.computeIfAbsent(e.getOrgId(), k -> new LinkedHashMap<>()).put(e.getKind() + ":" + e.getItemCode(), e);
        }
        Map<Long, Entries> out = new HashMap<>();
        latest.forEach((org, m) -> {
            Map<String, BigDecimal> self = new HashMap<>();
            Map<String, String> selfNotes = new HashMap<>();
            Map<String, BigDecimal> checked = new HashMap<>();
            Map<String, String> reasons = new HashMap<>();
            Set<String> vetoes = new HashSet<>();
            for (AssessmentEntryRecord e : m.values()) {
                switch (e.getKind()) {
                    case "SELF" -> {
                        if (e.getScore() != null) {
                            self.put(e.getItemCode(), e.getScore());
                        }
                        if (e.getNote() != null) {
                            selfNotes.put(e.getItemCode(), e.getNote());
                        }
                    }
                    case "CHECK" -> {
                        checked.put(e.getItemCode(), e.getScore());
                        reasons.put(e.getItemCode(), e.getNote());
                    }
                    case "VETO" -> {
                        if (e.getScore() != null && e.getScore().signum() > 0) {
                            vetoes.add(e.getItemCode());
                        }
                    }
                    default -> {
                    }
                }
            }
            out.put(org, new Entries(self, selfNotes, checked, reasons, vetoes));
        });
        return out;
    }
}
