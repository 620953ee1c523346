package io.zhibu.warning;

import java.util.Map;

/**
 * The effective settings of one rule (defaults of {@link WarningRule} overridden by
 * {@code zhibu.warnings.rules.<id>.enabled/thresholds/severity}).
 */
public record RuleSettings(WarningRule rule, boolean enabled, Map<String, Integer> thresholds,
                           Map<String, Severity> severities) {

    public int threshold(String key) {
        Integer v = thresholds.get(key);
        if (v == null) {
            throw new IllegalArgumentException("rule " + rule.id() + " has no threshold " + key);
        }
        return v;
    }

    public Severity severity(String level) {
        Severity s = severities.get(level);
        if (s == null) {
            throw new IllegalArgumentException("rule " + rule.id() + " has no level " + level);
        }
        return s;
    }

    public static RuleSettings defaults(WarningRule rule) {
        return new RuleSettings(rule, true, rule.defaultThresholds(), rule.defaultSeverities());
    }
}
