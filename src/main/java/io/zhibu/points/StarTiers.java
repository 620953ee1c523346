package io.zhibu.points;

import java.util.Comparator;
import java.util.List;

/**
 * 积分定星 member stars from the yearly points total on an ordered list of tiers (minimum points → stars), the
 * highest tier reached wins. Default: the city scheme of rules.md §8.1 applied to member points — 5★ ≥90, 4★ 80–89,
 * 3★ 70–79, 2★ 60–69, 1★ below 60. Configurable as {@code zhibu.points.star-tiers} ("90:5,80:4,70:3,60:2,0:1").
 * The stars are an input to 民主评议, never an automatic grade (§8.4).
 */
public final class StarTiers {
    public record Tier(int minPoints, int stars) {
    }

    public static final StarTiers DEFAULT = parse("90:5,80:4,70:3,60:2,0:1");

    private final List<Tier> tiers;

    public StarTiers(List<Tier> tiers) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one star tier");
        }
        this.tiers = tiers.stream().sorted(Comparator.comparingInt(Tier::minPoints).reversed()).toList();
    }

    /** "min:stars,min:stars,…" in any order. */
    public static StarTiers parse(String spec) {
        return new StarTiers(java.util.Arrays.stream(spec.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> {
                    String[] p = s.split(":");
                    return new Tier(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
                }).toList());
    }

    /** Stars for a yearly total; 0 below the lowest tier. */
    public int stars(int total) {
        for (Tier t : tiers) {
            if (total >= t.minPoints()) {
                return t.stars();
            }
        }
        return 0;
    }

    public List<Tier> tiers() {
        return tiers;
    }
}
