package io.zhibu.assessment;

import io.zhibu.assessment.StandardSystem.Item;
import io.zhibu.assessment.StandardSystem.Tier;
import io.zhibu.assessment.StandardSystem.Veto;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place of the score and star arithmetic (rules.md §8.1): a derived item's points from its fact, veto tests,
 * the tier a score falls in (any veto → no star), and tier quotas over a campaign. Scores carry two decimals.
 */
public final class StarRating {
    /** The default tiers (Qingshen 6+X, product brief): ≥95 ★★★★★, 80–94 ★★★★, 60–79 ★★★, below 60 no star. */
    public static final List<Tier> DEFAULT_TIERS = List.of(
            new Tier(5, "五星", new BigDecimal("95"), null, null),
            new Tier(4, "四星", new BigDecimal("80"), new BigDecimal("95"), null),
            new Tier(3, "三星", new BigDecimal("60"), new BigDecimal("80"), null));

    private StarRating() {
    }

    /** Why a result got its stars. */
    public enum Rule {
        /** The score lies in the tier's range. */
        TIER,
        /** A veto item was hit: no star whatever the score. */
        VETO,
        /** Below the lowest tier. */
        BELOW,
        /** The tier's quota was full: moved down to the next tier the score qualifies for. */
        QUOTA
    }

    /** stars 0 = no star; {@code tier} null when no star. */
    public record Rating(BigDecimal score, int stars, Tier tier, Rule rule, List<String> vetoes) {
    }

    /** Points of a DERIVED item: linear from zeroAt (0) to fullAt (all points), clamped, half-up to 0.01. */
    public static BigDecimal derivedPoints(Item item, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal span = item.fullAt().subtract(item.zeroAt());
        BigDecimal share = span.signum() == 0 ? (value.compareTo(item.fullAt()) == 0 ? BigDecimal.ONE : BigDecimal.ZERO)
                : value.subtract(item.zeroAt()).divide(span, 10, RoundingMode.HALF_UP);
        if (share.signum() < 0) {
            share = BigDecimal.ZERO;
        } else if (share.compareTo(BigDecimal.ONE) > 0) {
            share = BigDecimal.ONE;
        }
        return item.points().multiply(share).setScale(2, RoundingMode.HALF_UP);
    }

    /** A fact-based veto is hit when {@code value op threshold}; a missing value never hits. */
    public static boolean hit(Veto veto, BigDecimal value) {
        return !veto.judged() && value != null && veto.op().test(value, veto.threshold());
    }

    /** The tier whose range holds {@code score}, or null (below the lowest tier). */
    public static Tier tierOf(BigDecimal score, List<Tier> tiers) {
        for (Tier t : tiers) {
            if (score.compareTo(t.min()) >= 0 && (t.below() == null || score.compareTo(t.below()) < 0)) {
                return t;
            }
        }
        return null;
    }

    /** The minimum score of the lowest star tier (below it: no star), or null without tiers. */
    public static BigDecimal lowestTierMin(List<Tier> tiers) {
        return tiers.stream().map(Tier::min).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Stars for one score: any veto → no star; otherwise the tier of the score. */
    public static Rating rate(BigDecimal score, List<Tier> tiers, List<String> vetoesHit) {
        BigDecimal s = score.setScale(2, RoundingMode.HALF_UP);
        if (vetoesHit != null && !vetoesHit.isEmpty()) {
            return new Rating(s, 0, null, Rule.VETO, List.copyOf(vetoesHit));
        }
        Tier t = tierOf(s, tiers);
        return t == null ? new Rating(s, 0, null, Rule.BELOW, List.of()) : new Rating(s, t.stars(), t, Rule.TIER, List.of());
    }

    /**
     * Tier quotas over a whole campaign: a tier with {@code quotaPct} holds at most floor(pct × n / 100) branches (n =
     * all rated branches); the best scores keep the tier (ties: lower org id first), the rest move down to the next
     * tier with room. Returns the ratings by org id.
     */
    public static Map<Long, Rating> applyQuotas(Map<Long, Rating> ratings, List<Tier> tiers) {
        Map<Long, Rating> out = new HashMap<>(ratings);
        if (tiers.stream().noneMatch(t -> t.quotaPct() != null)) {
            return out;
        }
        int n = ratings.size();
        List<Tier> ordered = new ArrayList<>(tiers);
        ordered.sort(Comparator.comparingInt(Tier::stars).reversed());
        List<Map.Entry<Long, Rating>> rated = new ArrayList<>(ratings.entrySet().stream().filter(e -> e.getValue().stars() > 0).toList());
        rated.sort(Comparator.<Map.Entry<Long, Rating>, BigDecimal>comparing(e -> e.getValue().score()).reversed()
                .thenComparing(Map.Entry::getKey));
        Map<Tier, Integer> used = new HashMap<>();
        for (Map.Entry<Long, Rating> e : rated) {
            Rating r = e.getValue();
            int from = ordered.indexOf(r.tier());
            for (int i = from; i < ordered.size(); i++) {
                Tier t = ordered.get(i);
                int cap = t.quotaPct() == null ? Integer.MAX_VALUE : t.quotaPct() * n / 100;
                if (used.getOrDefault(t, 0) < cap) {
                    used.merge(t, 1, Integer::sum);
                    out.put(e.getKey(), new Rating(r.score(), t.stars(), t, i == from ? r.rule() : Rule.QUOTA, r.vetoes()));
                    break;
                }
                if (i == ordered.size() - 1) {
                    out.put(e.getKey(), new Rating(r.score(), 0, null, Rule.QUOTA, r.vetoes()));
                }
            }
        }
        return out;
    }
}
