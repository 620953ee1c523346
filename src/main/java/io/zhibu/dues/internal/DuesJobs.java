package io.zhibu.dues.internal;

import io.zhibu.dues.DuesService;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Dues sweeps: online payments left pending longer than {@code zhibu.dues.pending-timeout} (default 30 min, the
 * gateway never answered) expire, so the member can pay again. Runs on one node at a time (ShedLock).
 */
@Component
public class DuesJobs {
    private static final Logger log = LoggerFactory.getLogger(DuesJobs.class);
    private final DuesService dues;
    private final Clock clock;
    private final Duration timeout;

    DuesJobs(DuesService dues, Clock clock, io.zhibu.dues.DuesProperties settings) {
        this.dues = dues;
        this.clock = clock;
        this.timeout = settings.pendingTimeout();
    }

    @Scheduled(fixedDelayString = "${zhibu.dues.expiry-check-every:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "dues.expirePendingPayments", lockAtMostFor = "PT10M")
    public void expirePendingPayments() {
        int n = dues.expirePending(OffsetDateTime.now(clock).minus(timeout));
        if (n > 0) {
            log.info("Expired {} pending dues payments (no callback within {})", n, timeout);
        }
    }

    public Duration timeout() {
        return timeout;
    }
}
