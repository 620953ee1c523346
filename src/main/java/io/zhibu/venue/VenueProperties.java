package io.zhibu.venue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code zhibu.venue.tiers.basic-min / standard-min / model-min}: the tier criteria (defaults 60 / 75 / 90). */
@ConfigurationProperties("zhibu.venue")
public record VenueProperties(Tiers tiers) {
    public record Tiers(Integer basicMin, Integer standardMin, Integer modelMin) {
    }

    public VenueTierRules.Criteria criteria() {
        VenueTierRules.Criteria d = VenueTierRules.Criteria.DEFAULT;
        if (tiers == null) {
            return d;
        }
        return new VenueTierRules.Criteria(tiers.basicMin() == null ? d.basicMin() : tiers.basicMin(),
                tiers.standardMin() == null ? d.standardMin() : tiers.standardMin(),
                tiers.modelMin() == null ? d.modelMin() : tiers.modelMin());
    }
}
