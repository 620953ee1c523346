package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** R6.3: attendance rate per member per year = present over called; leave and absence both not present. */
class AttendanceRateRulesTest {
    @Test
    void presentOverCalled() {
        assertThat(AttendanceRateRules.ratePerMille(9, 2, 1)).isEqualTo(750);
        assertThat(AttendanceRateRules.ratePerMille(12, 0, 0)).isEqualTo(1000);
        assertThat(AttendanceRateRules.ratePerMille(0, 1, 0)).isZero();
        assertThat(AttendanceRateRules.ratePerMille(0, 0, 0)).isNull();
        assertThat(AttendanceRateRules.ratePerMille(2, 1, 0)).isEqualTo(667);
    }

    @Test
    void belowEightyPercentIsMarked() {
        assertThat(AttendanceRateRules.low(799)).isTrue();
        assertThat(AttendanceRateRules.low(800)).isFalse();
        assertThat(AttendanceRateRules.low(null)).isFalse();
    }
}
