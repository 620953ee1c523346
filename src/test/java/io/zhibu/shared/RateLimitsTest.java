package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.web.RateLimits;
import io.zhibu.shared.web.TooManyRequestsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-key token buckets: the 31st check-in attempt from one IP within the period answers 429 with a wait. */
class RateLimitsTest {
    @Test
    void bucketPerKey() {
        RateLimits limits = new RateLimits();
        RateLimits.Limit l = new RateLimits.Limit("checkin-ip", 30, Duration.ofMinutes(10));
        for (int i = 0; i < 30; i++) {
            limits.check(l, "10.0.0.1");
        }
        assertThatThrownBy(() -> limits.check(l, "10.0.0.1")).isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds()).isPositive());
        limits.check(l, "10.0.0.2"); // another address has its own budget
        assertThat(limits.tryTake(new RateLimits.Limit("other", 1, Duration.ofMinutes(1)), "10.0.0.1")).isTrue();
    }
}
