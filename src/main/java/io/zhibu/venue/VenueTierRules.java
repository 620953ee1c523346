package io.zhibu.venue;

/**
 * The venue standard (阵地建设标准, the venue-3tier preset and the Jiaozuo 村级组织活动场所规范化建设 / Qingshen “十有”
 * 活动室): five aspects scored 0–{@value #ASPECT_MAX} each by the inspector — 场所, 标识, 制度上墙, 设施设备, 日常使用 —
 * and the total against three tier minimums. Defaults [L]: 示范型 ≥90, 标准型 ≥75, 简易型 ≥60, below 60 不达标; an
 * aspect scored 0 (e.g. no signage at all) also makes the venue 不达标. Configurable: {@code zhibu.venue.tiers.*}.
 */
public final class VenueTierRules {
    public static final int ASPECT_MAX = 20;

    /** Tier minimums of the total (0–100), each strictly above the previous one. */
    public record Criteria(int basicMin, int standardMin, int modelMin) {
        public static final Criteria DEFAULT = new Criteria(60, 75, 90);

        public Criteria {
            if (!(0 < basicMin && basicMin < standardMin && standardMin < modelMin && modelMin <= 5 * ASPECT_MAX)) {
                throw new IllegalArgumentException("venue tier minimums must rise within 1..100: " + basicMin + "/"
                        + standardMin + "/" + modelMin);
            }
        }
    }

    private VenueTierRules() {
    }

    public static boolean validScore(Integer s) {
        return s != null && s >= 0 && s <= ASPECT_MAX;
    }

    public static int total(int place, int signage, int rules, int equipment, int use) {
        return place + signage + rules + equipment + use;
    }

    public static VenueTier tier(int place, int signage, int rules, int equipment, int use, Criteria c) {
        if (place == 0 || signage == 0 || rules == 0 || equipment == 0 || use == 0) {
            return VenueTier.BELOW_STANDARD;
        }
        int total = total(place, signage, rules, equipment, use);
        if (total >= c.modelMin()) {
            return VenueTier.MODEL;
        }
        if (total >= c.standardMin()) {
            return VenueTier.STANDARD;
        }
        return total >= c.basicMin() ? VenueTier.BASIC : VenueTier.BELOW_STANDARD;
    }
}
