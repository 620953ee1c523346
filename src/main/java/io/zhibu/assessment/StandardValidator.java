package io.zhibu.assessment;

import io.zhibu.assessment.StandardSystem.Item;
import io.zhibu.assessment.StandardSystem.ScoringMode;
import io.zhibu.assessment.StandardSystem.Tier;
import io.zhibu.assessment.StandardSystem.Veto;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a standard system before it is saved (rules.md §8.1): item points add up to the total, tiers without gaps or
 * overlaps, derived items and vetoes name a fact the platform knows. Reports every problem at once.
 */
public final class StandardValidator {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private StandardValidator() {
    }

    public static void validate(StandardSystem s, Set<String> knownFacts) {
        List<Violation> errors = new ArrayList<>();
        if (s == null) {
            throw InvalidInputException.of("system", "validation.required");
        }
        if (s.code() == null || !CODE.matcher(s.code()).matches()) {
            errors.add(new Violation("code", "assessment.code.invalid"));
        }
        if (s.name() == null || s.name().isBlank() || s.name().length() > 100) {
            errors.add(new Violation("name", "validation.required"));
        }
        if (s.total() == null || s.total().signum() <= 0) {
            errors.add(new Violation("total", "assessment.total.invalid"));
        }
        List<Item> items = s.items();
        if (items.isEmpty()) {
            errors.add(new Violation("aspects", "assessment.items.empty"));
        }
        Set<String> codes = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Item i : items) {
            String f = "items." + (i == null ? "?" : i.code());
            if (i == null || i.code() == null || !CODE.matcher(i.code()).matches() || !codes.add(i.code())) {
                errors.add(new Violation(f, "assessment.item.code"));
                continue;
            }
            if (i.points() == null || i.points().signum() <= 0) {
                errors.add(new Violation(f, "assessment.item.points"));
            } else {
                sum = sum.add(i.points());
            }
            if (i.mode() == null) {
                errors.add(new Violation(f, "assessment.item.mode"));
            } else if (i.mode() == ScoringMode.DERIVED) {
                if (i.fact() == null || !knownFacts.contains(i.fact())) {
                    errors.add(new Violation(f, "assessment.fact.unknown", i.fact()));
                }
                if (i.fullAt() == null || i.zeroAt() == null || i.fullAt().compareTo(i.zeroAt()) == 0) {
                    errors.add(new Violation(f, "assessment.item.range"));
                }
            }
        }
        if (s.total() != null && items.size() > 0 && sum.compareTo(s.total()) != 0) {
            errors.add(new Violation("total", "assessment.points.sum", sum.stripTrailingZeros().toPlainString(),
                    s.total().stripTrailingZeros().toPlainString()));
        }
        Set<String> vetoCodes = new HashSet<>();
        for (Veto v : s.allVetoes()) {
            String f = "vetoes." + (v == null ? "?" : v.code());
            if (v == null || v.code() == null || !CODE.matcher(v.code()).matches() || !vetoCodes.add(v.code())) {
                errors.add(new Violation(f, "assessment.item.code"));
                continue;
            }
            if (!v.judged()) {
                if (!knownFacts.contains(v.fact())) {
                    errors.add(new Violation(f, "assessment.fact.unknown", v.fact()));
                }
                if (v.op() == null || v.threshold() == null) {
                    errors.add(new Violation(f, "assessment.veto.condition"));
                }
            }
        }
        tiers(s.tierList(), s.total(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Tiers from the top: each tier's {@code below} is the next higher tier's {@code min}; the top is open. */
    static void tiers(List<Tier> tiers, BigDecimal total, List<Violation> errors) {
        if (tiers.isEmpty()) {
            errors.add(new Violation("tiers", "assessment.tiers.empty"));
            return;
        }
        if (tiers.stream().anyMatch(t -> t == null || t.min() == null || t.stars() < 1)) {
            errors.add(new Violation("tiers", "assessment.tiers.invalid"));
            return;
        }
        List<Tier> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparing(Tier::min).reversed());
        Set<Integer> stars = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Tier t = sorted.get(i);
            if (!stars.add(t.stars())) {
                errors.add(new Violation("tiers", "assessment.tiers.stars"));
            }
            if (t.min().signum() < 0 || (total != null && t.min().compareTo(total) > 0)) {
                errors.add(new Violation("tiers", "assessment.tiers.range", t.stars()));
            }
            if (t.quotaPct() != null && (t.quotaPct() < 1 || t.quotaPct() > 100)) {
                errors.add(new Violation("tiers", "assessment.tiers.quota", t.stars()));
            }
            if (i == 0) {
                if (t.below() != null && total != null && t.below().compareTo(total) <= 0) {
                    errors.add(new Violation("tiers", "assessment.tiers.gap", t.below(), total));
                }
                continue;
            }
            Tier higher = sorted.get(i - 1);
            if (higher.stars() <= t.stars()) {
                errors.add(new Violation("tiers", "assessment.tiers.stars"));
            }
            if (t.below() == null || t.below().compareTo(t.min()) <= 0) {
                errors.add(new Violation("tiers", "assessment.tiers.range", t.stars()));
            } else if (t.below().compareTo(higher.min()) < 0) {
                errors.add(new Violation("tiers", "assessment.tiers.gap", t.below(), higher.min()));
            } else if (t.below().compareTo(higher.min()) > 0) {
                errors.add(new Violation("tiers", "assessment.tiers.overlap", higher.min(), t.below()));
            }
        }
    }
}
