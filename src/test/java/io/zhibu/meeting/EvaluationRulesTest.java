package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** R8.2 (优秀 ≤ 1/3) and R8.3 (probationary not graded). */
class EvaluationRulesTest {
    @Test
    void excellentAtMostOneThird() {
        assertThat(EvaluationRules.excellentWithinCap(3, 9)).isTrue();
        assertThat(EvaluationRules.excellentWithinCap(4, 9)).isFalse();
        assertThat(EvaluationRules.excellentWithinCap(3, 10)).isTrue();
        assertThat(EvaluationRules.excellentWithinCap(1, 2)).isFalse();
        assertThat(EvaluationRules.excellentWithinCap(0, 0)).isTrue();
        assertThat(EvaluationRules.excellentCap(9)).isEqualTo(3);
        assertThat(EvaluationRules.excellentCap(11)).isEqualTo(3);
        assertThat(EvaluationRules.excellentCap(12)).isEqualTo(4);
    }

    @Test
    void probationaryMembersAreNotGraded() {
        assertThat(EvaluationRules.graded(true)).isFalse();
        assertThat(EvaluationRules.graded(false)).isTrue();
    }
}
