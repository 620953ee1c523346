package io.zhibu.warning;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Warning configuration ({@code zhibu.warnings.*}), every key with a default:
 * <ul>
 * <li>{@code rules.<id>.enabled} (true), {@code rules.<id>.thresholds.<key>} and {@code rules.<id>.severity.<LEVEL>}:
 * override the defaults of {@link WarningRule} (e.g. {@code rules.term-expiry.thresholds.notice=6},
 * {@code rules.dues-arrears.severity.REMINDER=URGENT});</li>
 * <li>{@code sweep-cron} (03:10 daily) and {@code digest-cron} (07:30 daily) of the scheduled jobs;</li>
 * <li>{@code notify-from} (WARNING): warnings of at least this severity send an in-app message when they open
 * or escalate;</li>
 * <li>{@code batch-size} (2,000): candidates per INSERT batch into the sweep's staging table.</li>
 * </ul>
 */
@ConfigurationProperties("zhibu.warnings")
public record WarningProperties(Map<String, RuleConfig> rules, String sweepCron, String digestCron, Severity notifyFrom,
                                Integer batchSize) {

    public record RuleConfig(Boolean enabled, Map<String, Integer> thresholds, Map<String, Severity> severity) {
    }

    public WarningProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        sweepCron = sweepCron == null ? "0 10 3 * * *" : sweepCron;
        digestCron = digestCron == null ? "0 30 7 * * *" : digestCron;
        notifyFrom = notifyFrom == null ? Severity.WARNING : notifyFrom;
        batchSize = batchSize == null ? 2000 : batchSize;
    }

    public static WarningProperties defaults() {
        return new WarningProperties(null, null, null, null, null);
    }

    /** The rule's defaults with the configured overrides; unknown threshold or level keys are refused at start. */
    public RuleSettings settings(WarningRule rule) {
        RuleConfig c = rules.get(rule.id());
        if (c == null) {
            return RuleSettings.defaults(rule);
        }
        Map<String, Integer> t = new HashMap<>(rule.defaultThresholds());
        if (c.thresholds() != null) {
            c.thresholds().forEach((k, v) -> {
                String key = k.toLowerCase(Locale.ROOT);
                if (!t.containsKey(key) || v == null || v < 0) {
                    throw new IllegalStateException("zhibu.warnings.rules." + rule.id() + ".thresholds." + k
                            + ": unknown key or negative value (known: " + rule.defaultThresholds().keySet() + ")");
                }
                t.put(key, v);
            });
        }
        Map<String, Severity> s = new HashMap<>(rule.defaultSeverities());
        if (c.severity() != null) {
            c.severity().forEach((k, v) -> {
                String level = k.toUpperCase(Locale.ROOT).replace('-', '_');
                if (!s.containsKey(level) || v == null) {
                    throw new IllegalStateException("zhibu.warnings.rules." + rule.id() + ".severity." + k
                            + ": unknown level (known: " + rule.defaultSeverities().keySet() + ")");
                }
                s.put(level, v);
            });
        }
        return new RuleSettings(rule, c.enabled() == null || c.enabled(), Map.copyOf(t), Map.copyOf(s));
    }
}
