package io.zhibu.warning;

/**
 * Published after a sweep commits, one per warning, so that rollups can follow the open warnings by kind
 * and severity without counting rows (synchronous Spring events, outside the sweep's transaction).
 */
public final class WarningEvents {
    private WarningEvents() {
    }

    /** A warning opened. */
    public record Opened(long warningId, long orgId, String orgPath, String rule, Severity severity) {
    }

    /** A warning closed by itself: its fact is fixed (or its rule switched off). */
    public record Closed(long warningId, long orgId, String orgPath, String rule, Severity severity) {
    }

    /** An open warning moved to another severity (e.g. T-3 → T-1). */
    public record SeverityChanged(long warningId, long orgId, String orgPath, String rule, Severity from, Severity to) {
    }
}
