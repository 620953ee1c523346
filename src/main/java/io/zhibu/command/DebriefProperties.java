package io.zhibu.command;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 述职评议考核 scoring (rule D1, {@link DebriefScoring}): weight per evaluator kind, points per grade and the minimum
 * weighted score of each overall grade. All defaults are <b>[L]</b> (a common local practice, not a national rule):
 * leaders 0.6, member representatives 0.4; 好 100, 较好 80, 一般 60, 差 40; overall 好 ≥ 90, 较好 ≥ 75, 一般 ≥ 60,
 * else 差. Configured under {@code zhibu.command.debrief}.
 */
@ConfigurationProperties("zhibu.command.debrief")
public record DebriefProperties(Map<EvaluatorKind, BigDecimal> weights, Map<DebriefGrade, BigDecimal> points,
                                Map<DebriefGrade, BigDecimal> thresholds) {

    public DebriefProperties {
        weights = weights == null || weights.isEmpty() ? defaultWeights() : new EnumMap<>(weights);
        points = points == null || points.isEmpty() ? defaultPoints() : new EnumMap<>(points);
        thresholds = thresholds == null || thresholds.isEmpty() ? defaultThresholds() : new EnumMap<>(thresholds);
    }

    /** The [L] defaults. */
    public static DebriefProperties defaults() {
        return new DebriefProperties(null, null, null);
    }

    private static Map<EvaluatorKind, BigDecimal> defaultWeights() {
        Map<EvaluatorKind, BigDecimal> m = new EnumMap<>(EvaluatorKind.class);
        m.put(EvaluatorKind.LEADER, new BigDecimal("0.6"));
        m.put(EvaluatorKind.REPRESENTATIVE, new BigDecimal("0.4"));
        return m;
    }

    private static Map<DebriefGrade, BigDecimal> defaultPoints() {
        Map<DebriefGrade, BigDecimal> m = new EnumMap<>(DebriefGrade.class);
        m.put(DebriefGrade.GOOD, new BigDecimal("100"));
        m.put(DebriefGrade.FAIRLY_GOOD, new BigDecimal("80"));
        m.put(DebriefGrade.AVERAGE, new BigDecimal("60"));
        m.put(DebriefGrade.POOR, new BigDecimal("40"));
        return m;
    }

    private static Map<DebriefGrade, BigDecimal> defaultThresholds() {
        Map<DebriefGrade, BigDecimal> m = new EnumMap<>(DebriefGrade.class);
        m.put(DebriefGrade.GOOD, new BigDecimal("90"));
        m.put(DebriefGrade.FAIRLY_GOOD, new BigDecimal("75"));
        m.put(DebriefGrade.AVERAGE, new BigDecimal("60"));
        m.put(DebriefGrade.POOR, BigDecimal.ZERO);
        return m;
    }
}
