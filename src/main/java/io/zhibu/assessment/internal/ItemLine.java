package io.zhibu.assessment.internal;

import io.zhibu.assessment.AssessmentViews.Breakdown;
import io.zhibu.assessment.AssessmentViews.ItemScore;
import io.zhibu.assessment.AssessmentViews.VetoResult;
import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.assessment.BranchFactSource.FactDef;
import io.zhibu.assessment.BranchScoring.Entries;
import io.zhibu.assessment.StandardSystem;
import io.zhibu.assessment.StandardSystem.Aspect;
import io.zhibu.assessment.StandardSystem.Item;
import io.zhibu.assessment.StandardSystem.ScoringMode;
import io.zhibu.assessment.StandardSystem.Standard;
import io.zhibu.assessment.StandardSystem.Veto;
import io.zhibu.assessment.StarRating;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compact form of a result's breakdown (what scoring writes per branch instead of a ~5 KB JSON): the tier rule,
 * each item's score and fact value in system order, each veto's fact value —
 * {@code RULE#score,value;score,value;…#value;value;…}, a few hundred bytes. The readable breakdown is rebuilt from it,
 * the system version, the entries and the fact definitions when a page is read ({@link #explain}).
 */
public final class ItemLine {
    private ItemLine() {
    }

    public static String encode(Breakdown b, StarRating.Rule rule) {
        StringBuilder s = new StringBuilder(rule.name()).append('#');
        for (int i = 0; i < b.items().size(); i++) {
            ItemScore it = b.items().get(i);
            if (i > 0) {
                s.append(';');
            }
            s.append(it.score().toPlainString()).append(',');
            if (it.factValue() != null) {
                s.append(it.factValue().toPlainString());
            }
        }
        s.append('#');
        for (int i = 0; i < b.vetoes().size(); i++) {
            if (i > 0) {
                s.append(';');
            }
            BigDecimal v = b.vetoes().get(i).value();
            if (v != null) {
                s.append(v.toPlainString());
            }
        }
        return s.toString();
    }

    /**
     * The self-explaining breakdown from the stored line: scores and fact values as scored; the people's entries
     * (append-only, so the same as at scoring) for self/checked scores and reasons; fact definitions for the source
     * links; {@code current} facts only for the detail text, and only where the value is still the scored one.
     */
    public static Breakdown explain(String line, StandardSystem system, int year, long orgId, Set<String> vetoesHit,
                                    Map<String, FactDef> defs, Map<String, BranchFact> current, Entries entries,
                                    String tierText) {
        String[] parts = line.split("#", -1);
        String[] items = parts[1].isEmpty() ? new String[0] : parts[1].split(";", -1);
        String[] vetoValues = parts[2].isEmpty() ? new String[0] : parts[2].split(";", -1);
        List<ItemScore> out = new ArrayList<>();
        int k = 0;
        for (Aspect a : system.aspects()) {
            for (Standard st : a.standards()) {
                for (Item i : st.items()) {
                    String[] sv = k < items.length ? items[k].split(",", -1) : new String[]{"0", ""};
                    k++;
                    BigDecimal score = new BigDecimal(sv[0]);
                    BigDecimal value = sv.length > 1 && !sv[1].isEmpty() ? new BigDecimal(sv[1]) : null;
                    boolean derived = i.mode() == ScoringMode.DERIVED;
                    FactDef d = derived ? defs.get(i.fact()) : null;
                    BranchFact f = derived ? current.get(i.fact()) : null;
                    String detail = f != null && value != null && f.value() != null && f.value().compareTo(value) == 0 ? f.detail() : null;
                    out.add(new ItemScore(a.name(), st.name(), i.code(), i.name(), i.points(), i.mode().name(), i.fact(),
                            value, detail, d == null ? null : d.linkFor(orgId, year),
                            derived ? StarRating.derivedPoints(i, value) : null, entries.selfScores().get(i.code()),
                            entries.selfNotes().get(i.code()), entries.checkedScores().get(i.code()),
                            entries.checkReasons().get(i.code()), score));
                }
            }
        }
        List<VetoResult> vetoes = new ArrayList<>();
        int j = 0;
        for (Veto v : system.vetoList()) {
            String raw = j < vetoValues.length ? vetoValues[j] : "";
            j++;
            // the score pseudo-fact (Qingshen V1, score < 60) is the result itself: no source page, as in the scoring
            FactDef d = v.judged() || io.zhibu.assessment.StandardSystem.SCORE_FACT.equals(v.fact()) ? null : defs.get(v.fact());
            vetoes.add(new VetoResult(v.code(), v.name(), v.fact(), raw.isEmpty() ? null : new BigDecimal(raw), v.judged(),
                    vetoesHit.contains(v.code()), d == null ? null : d.linkFor(orgId, year)));
        }
        return new Breakdown(out, vetoes, parts[0], tierText);
    }
}
