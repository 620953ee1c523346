package io.zhibu.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhibu.audit.*}: how long rows stay in the online table before they move, unchanged and still chained, to
 * the archive table ({@code online-days}, default 180: R9.6 / 网络安全法 art.21 ask for at least six months of logs;
 * archived rows are never deleted), and how many refusals per user and IP a minute are written one by one
 * ({@code refusals-per-minute}); beyond that they are counted and written as one summary row.
 */
@ConfigurationProperties("zhibu.audit")
public record AuditProperties(@DefaultValue("180") int onlineDays, @DefaultValue("30") int refusalsPerMinute) {
    public AuditProperties {
        if (onlineDays < 1) {
            throw new IllegalArgumentException("zhibu.audit.online-days must be at least 1");
        }
        if (refusalsPerMinute < 1) {
            throw new IllegalArgumentException("zhibu.audit.refusals-per-minute must be at least 1");
        }
    }
}
