package io.zhibu.points;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Points configuration ({@code zhibu.points.*}), every key with the default of rules.md §8.4:
 * {@code base} (60), {@code daily-automatic-cap} (10 points a day from automatic additions),
 * {@code star-tiers} ({@link StarTiers#DEFAULT}), and per item {@code items.<ITEM>.points|min|max|daily-cap|yearly-cap}.
 */
@ConfigurationProperties("zhibu.points")
public record PointsProperties(Integer base, Integer dailyAutomaticCap, String starTiers,
                               Map<PointItem, ItemOverride> items) {
    public record ItemOverride(Integer points, Integer min, Integer max, Integer dailyCap, Integer yearlyCap) {
    }

    public PointsProperties {
        base = base == null ? 60 : base;
        dailyAutomaticCap = dailyAutomaticCap == null ? 10 : dailyAutomaticCap;
        items = items == null ? Map.of() : Map.copyOf(items);
    }

    public static PointsProperties defaults() {
        return new PointsProperties(null, null, null, null);
    }

    public PointRules rules() {
        Map<PointItem, PointRules.ItemRule> rules = new EnumMap<>(PointItem.class);
        for (PointItem i : PointItem.values()) {
            PointRules.ItemRule d = i.defaultRule();
            ItemOverride o = items.get(i);
            rules.put(i, o == null ? d : new PointRules.ItemRule(i, o.points() == null ? d.points() : o.points(),
                    o.min() == null ? d.min() : o.min(), o.max() == null ? d.max() : o.max(),
                    o.dailyCap() == null ? d.dailyCap() : o.dailyCap(),
                    o.yearlyCap() == null ? d.yearlyCap() : o.yearlyCap()));
        }
        return new PointRules(base, dailyAutomaticCap, rules);
    }

    public StarTiers tiers() {
        return starTiers == null || starTiers.isBlank() ? StarTiers.DEFAULT : StarTiers.parse(starTiers);
    }
}
