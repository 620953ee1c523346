package io.zhibu.command;

import static io.zhibu.command.DebriefGrade.AVERAGE;
import static io.zhibu.command.DebriefGrade.FAIRLY_GOOD;
import static io.zhibu.command.DebriefGrade.GOOD;
import static io.zhibu.command.DebriefGrade.POOR;
import static io.zhibu.command.EvaluatorKind.LEADER;
import static io.zhibu.command.EvaluatorKind.REPRESENTATIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.command.DebriefScoring.Vote;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule D1 against the [L] defaults: leaders 0.6, representatives 0.4; 好 100, 较好 80, 一般 60, 差 40. */
class DebriefScoringTest {
    private final DebriefScoring scoring = new DebriefScoring(DebriefProperties.defaults());

    @Test
    void weightedMeanPerKind() {
        // leaders (100 + 80) / 2 = 90, representatives 60: 90 × 0.6 + 60 × 0.4 = 78 → 较好
        var r = scoring.score(List.of(new Vote(LEADER, GOOD), new Vote(LEADER, FAIRLY_GOOD),
                new Vote(REPRESENTATIVE, AVERAGE), new Vote(REPRESENTATIVE, AVERAGE)));
        assertThat(r.score()).isEqualByComparingTo("78.00");
        assertThat(r.grade()).isEqualTo(FAIRLY_GOOD);
        assertThat(r.votes()).isEqualTo(4);
    }

    @Test
    void poorOverall() {
        // 60 × 0.6 + 40 × 0.4 = 52 → 差
        var r = scoring.score(List.of(new Vote(LEADER, AVERAGE), new Vote(REPRESENTATIVE, POOR)));
        assertThat(r.score()).isEqualByComparingTo("52");
        assertThat(r.grade()).isEqualTo(POOR);
        assertThat(scoring.score(List.of(new Vote(LEADER, POOR), new Vote(REPRESENTATIVE, POOR))).grade()).isEqualTo(POOR);
    }

    @Test
    void thresholdsAreInclusive() {
        // 90 × 0.6 + 90 × 0.4 = 90 → 好; 60 → 一般; 75 → 较好
        assertThat(scoring.score(List.of(new Vote(LEADER, GOOD), new Vote(LEADER, FAIRLY_GOOD),
                new Vote(REPRESENTATIVE, GOOD), new Vote(REPRESENTATIVE, FAIRLY_GOOD))).grade()).isEqualTo(GOOD);
        assertThat(scoring.grade(new BigDecimal("60"))).isEqualTo(AVERAGE);
        assertThat(scoring.grade(new BigDecimal("59.99"))).isEqualTo(POOR);
        assertThat(scoring.grade(new BigDecimal("75"))).isEqualTo(FAIRLY_GOOD);
        assertThat(scoring.grade(new BigDecimal("89.99"))).isEqualTo(FAIRLY_GOOD);
    }

    @Test
    void aKindWithoutGradesDoesNotCountAsZero() {
        var r = scoring.score(List.of(new Vote(LEADER, GOOD)));
        assertThat(r.score()).isEqualByComparingTo("100");
        assertThat(r.grade()).isEqualTo(GOOD);
    }

    @Test
    void noGradesYetNoResult() {
        assertThat(scoring.score(List.of())).isNull();
        assertThat(scoring.score(null)).isNull();
    }

    @Test
    void weightsNotSummingToOneAreRefused() {
        assertThatThrownBy(() -> new DebriefScoring(new DebriefProperties(
                Map.of(LEADER, new BigDecimal("0.5"), REPRESENTATIVE, new BigDecimal("0.4")), null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new DebriefScoring(new DebriefProperties(
                Map.of(LEADER, new BigDecimal("1.2"), REPRESENTATIVE, new BigDecimal("-0.2")), null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        // other weights summing to 1 are fine: 0.7 × 100 + 0.3 × 40 = 82
        var s = new DebriefScoring(new DebriefProperties(
                Map.of(LEADER, new BigDecimal("0.7"), REPRESENTATIVE, new BigDecimal("0.3")), null, null));
        assertThat(s.score(List.of(new Vote(LEADER, GOOD), new Vote(REPRESENTATIVE, POOR))).score()).isEqualByComparingTo("82");
    }
}
