package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** 三率 arithmetic: percentages with one decimal, half up; satisfaction counts 满意 + 基本满意. */
class SurveyRatesTest {
    @Test
    void rates() {
        SurveyRates.Rates r = SurveyRates.of(8, 3, 2, 6, 1, 10);
        assertThat(r.satisfaction()).isEqualByComparingTo("62.5");
        assertThat(r.awareness()).isEqualByComparingTo("75.0");
        assertThat(r.participation()).isEqualByComparingTo("12.5");
        assertThat(r.response()).isEqualByComparingTo("80.0");
        assertThat(r.vetoed()).isFalse();
    }

    @Test
    void roundingHalfUp() {
        // 2/3 = 66.666… → 66.7; 1/3 → 33.3; 1/6 = 16.666… → 16.7
        SurveyRates.Rates r = SurveyRates.of(3, 1, 1, 1, 0, 6);
        assertThat(r.satisfaction()).isEqualTo(new BigDecimal("66.7"));
        assertThat(r.awareness()).isEqualTo(new BigDecimal("33.3"));
        assertThat(r.response()).isEqualTo(new BigDecimal("50.0"));
        assertThat(SurveyRates.of(6, 1, 0, 0, 0, 0).satisfaction()).isEqualTo(new BigDecimal("16.7"));
    }

    @Test
    void vetoBelowSixtyOnly() {
        assertThat(SurveyRates.of(5, 2, 1, 0, 0, 5).satisfaction()).isEqualByComparingTo("60");
        assertThat(SurveyRates.of(5, 2, 1, 0, 0, 5).vetoed()).isFalse();
        // 119/200 = 59.5%
        assertThat(SurveyRates.of(200, 100, 19, 0, 0, 200).vetoed()).isTrue();
        assertThat(SurveyRates.of(200, 100, 19, 0, 0, 200).satisfaction()).isEqualByComparingTo("59.5");
    }

    @Test
    void noAnswersNoRatesNoVeto() {
        SurveyRates.Rates r = SurveyRates.of(0, 0, 0, 0, 0, 20);
        assertThat(r.satisfaction()).isNull();
        assertThat(r.response()).isEqualByComparingTo("0");
        assertThat(r.vetoed()).isFalse();
        assertThat(SurveyRates.of(3, 1, 0, 0, 0, 0).response()).isNull();
    }

    @Test
    void inconsistentCountsAreRefused() {
        assertThatThrownBy(() -> SurveyRates.of(2, 2, 1, 0, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SurveyRates.of(2, 0, 0, 3, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
