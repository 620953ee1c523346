package io.zhibu.assessment;

import io.zhibu.assessment.AssessmentViews.Breakdown;
import io.zhibu.assessment.AssessmentViews.ItemScore;
import io.zhibu.assessment.AssessmentViews.VetoResult;
import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.assessment.BranchFactSource.FactDef;
import io.zhibu.assessment.StandardSystem.Aspect;
import io.zhibu.assessment.StandardSystem.Item;
import io.zhibu.assessment.StandardSystem.ScoringMode;
import io.zhibu.assessment.StandardSystem.Standard;
import io.zhibu.assessment.StandardSystem.Veto;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one branch against a system from its facts and the people's entries (pure; rules.md §8.1): a derived item
 * from its fact (or the fact's default), a judged item from the self-check, and a spot-check score overrides both.
 * Vetoes from facts or marked by the assessor; stars from {@link StarRating}.
 */
public final class BranchScoring {
    private BranchScoring() {
    }

    /** The people's entries for one branch: self scores and notes, checked scores and reasons, judged vetoes hit. */
    public record Entries(Map<String, BigDecimal> selfScores, Map<String, String> selfNotes,
                          Map<String, BigDecimal> checkedScores, Map<String, String> checkReasons,
                          Set<String> vetoesMarked) {
        public static final Entries NONE = new Entries(Map.of(), Map.of(), Map.of(), Map.of(), Set.of());
    }

    public record Scored(StarRating.Rating rating, BigDecimal derivedScore, Breakdown breakdown) {
    }

    public static Scored score(StandardSystem system, int year, long orgId, Map<String, BranchFact> facts,
                               Map<String, FactDef> defs, Entries entries) {
        List<ItemScore> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal derivedTotal = BigDecimal.ZERO;
        for (Aspect a : system.aspects()) {
            for (Standard s : a.standards()) {
                for (Item i : s.items()) {
                    BigDecimal value = null;
                    String detail = null;
                    String link = null;
                    BigDecimal derived = null;
                    if (i.mode() == ScoringMode.DERIVED) {
                        BranchFact f = facts.get(i.fact());
                        FactDef d = defs.get(i.fact());
                        value = f != null ? f.value() : d == null ? null : d.defaultValue();
                        detail = f != null ? f.detail() : null;
                        link = d == null ? null : d.linkFor(orgId, year);
                        derived = StarRating.derivedPoints(i, value);
                        derivedTotal = derivedTotal.add(derived);
                    }
                    BigDecimal self = entries.selfScores().get(i.code());
                    BigDecimal checked = entries.checkedScores().get(i.code());
                    BigDecimal score = checked != null ? checked
                            : i.mode() == ScoringMode.DERIVED ? derived : self != null ? self : BigDecimal.ZERO;
                    score = score.setScale(2, RoundingMode.HALF_UP);
                    total = total.add(score);
                    items.add(new ItemScore(a.name(), s.name(), i.code(), i.name(), i.points(), i.mode().name(),
                            i.fact(), value, detail, link, derived, self, entries.selfNotes().get(i.code()), checked,
                            entries.checkReasons().get(i.code()), score));
                }
            }
        }
        List<VetoResult> vetoes = new ArrayList<>();
        List<String> hit = new ArrayList<>();
        for (Veto v : system.vetoList()) {
            BigDecimal value = null;
            String link = null;
            boolean isHit;
            if (v.judged()) {
                isHit = entries.vetoesMarked().contains(v.code());
            } else if (StandardSystem.SCORE_FACT.equals(v.fact())) {
                value = total.setScale(2, RoundingMode.HALF_UP);
                isHit = StarRating.hit(v, value) || entries.vetoesMarked().contains(v.code());
            } else {
                BranchFact f = facts.get(v.fact());
                FactDef d = defs.get(v.fact());
                value = f != null ? f.value() : d == null ? null : d.defaultValue();
                link = d == null ? null : d.linkFor(orgId, year);
                isHit = StarRating.hit(v, value) || entries.vetoesMarked().contains(v.code());
            }
            if (isHit) {
                hit.add(v.code());
            }
            vetoes.add(new VetoResult(v.code(), v.name(), v.fact(), value, v.judged(), isHit, link));
        }
        StarRating.Rating rating = StarRating.rate(total, system.tierList(), hit);
        return new Scored(rating, derivedTotal.setScale(2, RoundingMode.HALF_UP),
                new Breakdown(items, vetoes, rating.rule().name(), tierText(rating)));
    }

    /** The tier rule applied, in words the result page shows (numbers only; labels come from the system). */
    public static String tierText(StarRating.Rating r) {
        return switch (r.rule()) {
            case VETO -> "veto " + String.join(",", r.vetoes()) + " → 0★";
            case BELOW -> r.score().toPlainString() + " < lowest tier → 0★";
            case TIER, QUOTA -> r.tier() == null ? "quota full → 0★"
                    : r.score().toPlainString() + " ∈ [" + r.tier().min().toPlainString() + ", "
                    + (r.tier().below() == null ? "max]" : r.tier().below().toPlainString() + ")") + " → "
                    + r.tier().stars() + "★" + (r.rule() == StarRating.Rule.QUOTA ? " (quota)" : "");
        };
    }
}
