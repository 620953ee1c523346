package io.zhibu.points;

import java.util.Map;

/**
 * The points arithmetic of rules.md §8.4 in one place: yearly points = base + additions − deductions, floor 0;
 * per-item daily and yearly caps, and one daily cap over all automatic additions (R7.4 anti-gaming), so points
 * cannot be farmed. Caps bound the magnitude in the item's direction: a deduction cap limits how much is deducted.
 */
public final class PointRules {
    /** One item's configured rule; caps null = none. */
    public record ItemRule(PointItem item, int points, int min, int max, Integer dailyCap, Integer yearlyCap) {
    }

    /** What the member has already got for the item today and this year, and all automatic additions today. */
    public record Used(int itemToday, int itemYear, int automaticAdditionsToday) {
    }

    private final int base;
    private final int dailyAutomaticCap;
    private final Map<PointItem, ItemRule> rules;

    public PointRules(int base, int dailyAutomaticCap, Map<PointItem, ItemRule> rules) {
        this.base = base;
        this.dailyAutomaticCap = dailyAutomaticCap;
        this.rules = Map.copyOf(rules);
    }

    public int base() {
        return base;
    }

    public int dailyAutomaticCap() {
        return dailyAutomaticCap;
    }

    public ItemRule rule(PointItem item) {
        return rules.get(item);
    }

    /** The displayed yearly total: base plus the ledger's sum, never below 0 (§8.4 "floor 0, reset yearly"). */
    public int total(long ledgerSum) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, base + ledgerSum));
    }

    /** Whether an entered amount lies in the item's range (a branch may not enter +50 for volunteering). */
    public boolean inRange(PointItem item, int points) {
        ItemRule r = rule(item);
        return points >= r.min() && points <= r.max();
    }

    /**
     * The points actually awarded for a request of {@code requested} (same sign as the item), after the caps.
     * 0 when a cap is already reached: the posting is still recorded, so the member sees why nothing was added.
     */
    public int award(PointItem item, int requested, Used used) {
        ItemRule r = rule(item);
        int sign = requested < 0 ? -1 : 1;
        int want = Math.abs(requested);
        if (r.dailyCap() != null) {
            want = Math.min(want, Math.max(0, r.dailyCap() - Math.abs(used.itemToday())));
        }
        if (r.yearlyCap() != null) {
            want = Math.min(want, Math.max(0, r.yearlyCap() - Math.abs(used.itemYear())));
        }
        if (sign > 0 && item.automatic()) {
            want = Math.min(want, Math.max(0, dailyAutomaticCap - used.automaticAdditionsToday()));
        }
        return sign * want;
    }
}
