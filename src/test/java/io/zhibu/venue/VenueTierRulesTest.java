package io.zhibu.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The venue standard's tiers against their numbers (five aspects 0–20; 90 / 75 / 60; an empty aspect fails). */
class VenueTierRulesTest {
    static final VenueTierRules.Criteria C = VenueTierRules.Criteria.DEFAULT;

    @Test
    @DisplayName("示范型 ≥90, 标准型 75–89, 简易型 60–74, below 60 不达标")
    void tiersByTotal() {
        assertThat(VenueTierRules.tier(18, 18, 18, 18, 18, C)).isEqualTo(VenueTier.MODEL);
        assertThat(VenueTierRules.tier(18, 18, 18, 18, 17, C)).isEqualTo(VenueTier.STANDARD);
        assertThat(VenueTierRules.tier(15, 15, 15, 15, 15, C)).isEqualTo(VenueTier.STANDARD);
        assertThat(VenueTierRules.tier(15, 15, 15, 15, 14, C)).isEqualTo(VenueTier.BASIC);
        assertThat(VenueTierRules.tier(12, 12, 12, 12, 12, C)).isEqualTo(VenueTier.BASIC);
        assertThat(VenueTierRules.tier(12, 12, 12, 12, 11, C)).isEqualTo(VenueTier.BELOW_STANDARD);
    }

    @Test
    @DisplayName("an aspect scored 0 is below standard whatever the total; criteria are configurable but must rise")
    void emptyAspectAndCriteria() {
        assertThat(VenueTierRules.tier(20, 20, 20, 20, 0, C)).isEqualTo(VenueTier.BELOW_STANDARD);
        var strict = new VenueTierRules.Criteria(70, 85, 95);
        assertThat(VenueTierRules.tier(18, 18, 18, 18, 18, strict)).isEqualTo(VenueTier.STANDARD);
        assertThatThrownBy(() -> new VenueTierRules.Criteria(75, 75, 90)).isInstanceOf(IllegalArgumentException.class);
        assertThat(VenueTierRules.validScore(21)).isFalse();
        assertThat(VenueTierRules.validScore(-1)).isFalse();
        assertThat(VenueTierRules.validScore(null)).isFalse();
        assertThat(VenueTierRules.validScore(0)).isTrue();
    }
}
