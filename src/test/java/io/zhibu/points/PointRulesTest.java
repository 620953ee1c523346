package io.zhibu.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** rules.md §8.4 and R7.4: base + additions − deductions with floor 0; per-item and daily caps. */
class PointRulesTest {
    private final PointRules rules = PointsProperties.defaults().rules();

    @Test
    void totalIsBasePlusLedgerWithFloorZero() {
        assertThat(rules.base()).isEqualTo(60);
        assertThat(rules.total(0)).isEqualTo(60);
        assertThat(rules.total(25)).isEqualTo(85);
        assertThat(rules.total(-60)).isEqualTo(0);
        assertThat(rules.total(-75)).as("floor 0").isEqualTo(0);
    }

    @Test
    void perItemDailyCap() {
        // MATERIAL_COMPLETED: +1 each, at most 5 a day
        assertThat(rules.award(PointItem.MATERIAL_COMPLETED, 1, new PointRules.Used(4, 4, 4))).isEqualTo(1);
        assertThat(rules.award(PointItem.MATERIAL_COMPLETED, 1, new PointRules.Used(5, 5, 5))).isZero();
        assertThat(rules.award(PointItem.MATERIAL_COMPLETED, 1, new PointRules.Used(0, 40, 0))).as("next day").isEqualTo(1);
    }

    @Test
    void perItemYearlyCap() {
        // MEETING_ATTENDED: +2 each, at most 30 a year
        assertThat(rules.award(PointItem.MEETING_ATTENDED, 2, new PointRules.Used(0, 28, 0))).isEqualTo(2);
        assertThat(rules.award(PointItem.MEETING_ATTENDED, 2, new PointRules.Used(0, 29, 0))).as("partly").isEqualTo(1);
        assertThat(rules.award(PointItem.MEETING_ATTENDED, 2, new PointRules.Used(0, 30, 0))).isZero();
        // VOLUNTEERING (entered by the branch): at most 20 a year
        assertThat(rules.award(PointItem.VOLUNTEERING, 5, new PointRules.Used(0, 18, 0))).isEqualTo(2);
    }

    @Test
    void dailyCapOverAllAutomaticAdditions() {
        // 10 a day from automatic additions, whatever the item
        assertThat(rules.award(PointItem.QUIZ_LEVEL_PASSED, 2, new PointRules.Used(0, 0, 9))).isEqualTo(1);
        assertThat(rules.award(PointItem.QUIZ_LEVEL_PASSED, 2, new PointRules.Used(0, 0, 10))).isZero();
        // manual entries are a human decision (audited): not under the automatic daily cap
        assertThat(rules.award(PointItem.HONOUR, 8, new PointRules.Used(0, 0, 10))).isEqualTo(8);
    }

    @Test
    void deductionsAreNotCappedByAdditionsAndKeepTheirSign() {
        assertThat(rules.award(PointItem.DUES_LATE, -2, new PointRules.Used(0, -20, 10))).isEqualTo(-2);
        assertThat(rules.award(PointItem.MEETING_ABSENT, -3, new PointRules.Used(0, 0, 10))).isEqualTo(-3);
    }

    @Test
    void rangesOfBranchEntries() {
        assertThat(rules.inRange(PointItem.HONOUR, 3)).isTrue();
        assertThat(rules.inRange(PointItem.HONOUR, 10)).isTrue();
        assertThat(rules.inRange(PointItem.HONOUR, 11)).isFalse();
        assertThat(rules.inRange(PointItem.HONOUR, 2)).isFalse();
        assertThat(rules.inRange(PointItem.COMPLAINT, -5)).isTrue();
        assertThat(rules.inRange(PointItem.COMPLAINT, 1)).isFalse();
    }

    @Test
    void configurationOverridesItems() {
        PointRules custom = new PointsProperties(100, 4, null,
                Map.of(PointItem.MEETING_ATTENDED, new PointsProperties.ItemOverride(3, null, null, 3, null))).rules();
        assertThat(custom.total(0)).isEqualTo(100);
        assertThat(custom.rule(PointItem.MEETING_ATTENDED).points()).isEqualTo(3);
        assertThat(custom.award(PointItem.MEETING_ATTENDED, 3, new PointRules.Used(0, 0, 0))).isEqualTo(3);
        assertThat(custom.award(PointItem.MEETING_ATTENDED, 3, new PointRules.Used(1, 1, 1))).isEqualTo(2);
        assertThat(custom.award(PointItem.MEETING_ATTENDED, 3, new PointRules.Used(0, 0, 3))).as("daily automatic cap 4").isEqualTo(1);
    }
}
