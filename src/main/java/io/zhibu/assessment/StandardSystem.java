package io.zhibu.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 标准体系 one standard system (rules.md §8.1): aspects (方面) → standards (标准) → scored items (评分项), veto items
 * (一票否决) and star tiers (星级). Stored as JSON; a saved system is an immutable version.
 *
 * @param domain an {@code OrgDomain} name or {@code ALL}
 * @param total  the points the items must add up to (usually 100)
 */
public record StandardSystem(String code, String name, String domain, BigDecimal total, List<Aspect> aspects,
                             List<Veto> vetoes, List<Tier> tiers, String note) {

    /** How an item is scored. */
    public enum ScoringMode {
        /** From a named platform fact, linearly between {@code zeroAt} (0 points) and {@code fullAt} (all points). */
        DERIVED,
        /** By a person (self-check, then spot check) with evidence. */
        JUDGED
    }

    public enum Comparison {
        LT, LE, GT, GE, EQ;

        public boolean test(BigDecimal value, BigDecimal threshold) {
            int c = value.compareTo(threshold);
            return switch (this) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case EQ -> c == 0;
            };
        }
    }

    public record Aspect(String code, String name, List<Standard> standards) {
    }

    public record Standard(String code, String name, List<Item> items) {
    }

    /** 评分项: {@code fact}, {@code fullAt}, {@code zeroAt} only for DERIVED items. */
    public record Item(String code, String name, BigDecimal points, ScoringMode mode, String fact, BigDecimal fullAt,
                       BigDecimal zeroAt, String guidance) {
    }

    /**
     * The branch's own total score as a veto fact (e.g. Qingshen "得分在60分以下 … 不定星级"): evaluated after the items
     * are scored, never collected from a module.
     */
    public static final String SCORE_FACT = "assessment.score";

    /**
     * 一票否决: hit when {@code fact op threshold}; without a fact the veto is judged (marked by the assessor). A
     * {@code disabled} veto is kept for fidelity to its source (with the {@code note} why) but never applied.
     */
    public record Veto(String code, String name, String fact, Comparison op, BigDecimal threshold, Boolean disabled,
                       String note) {
        public Veto(String code, String name, String fact, Comparison op, BigDecimal threshold) {
            this(code, name, fact, op, threshold, null, null);
        }

        public boolean judged() {
            return fact == null || fact.isBlank();
        }

        public boolean active() {
            return !Boolean.TRUE.equals(disabled);
        }
    }

    /**
     * 星级档次: scores in {@code [min, below)} (the top tier: {@code [min, total]}) earn {@code stars}; optional quota:
     * at most {@code quotaPct}% of the campaign's branches in this tier.
     */
    public record Tier(int stars, String label, BigDecimal min, BigDecimal below, Integer quotaPct) {
    }

    public List<Item> items() {
        List<Item> out = new ArrayList<>();
        if (aspects != null) {
            for (Aspect a : aspects) {
                if (a != null && a.standards() != null) {
                    for (Standard s : a.standards()) {
                        if (s != null && s.items() != null) {
                            out.addAll(s.items());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The vetoes that apply (disabled ones left out): what scoring, checks and forms use. */
    public List<Veto> vetoList() {
        return vetoes == null ? List.of() : vetoes.stream().filter(v -> v == null || v.active()).toList();
    }

    /** Every veto as the source wrote it, disabled ones included (display and validation). */
    public List<Veto> allVetoes() {
        return vetoes == null ? List.of() : vetoes;
    }

    public List<Tier> tierList() {
        return tiers == null ? List.of() : tiers;
    }
}
