package io.zhibu.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Token buckets (Bucket4j) per purpose and key — a client IP, a user — kept in memory for a while after their last
 * use. One node's view: behind several nodes each allows its share, which is still a bound on a scan or a burst.
 */
@Component
public class RateLimits {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    /** A limit: {@code capacity} requests, refilled gradually over {@code period}. */
    public record Limit(String name, long capacity, Duration period) {
    }

    /** Takes one token or throws a 429 with the wait. */
    public void check(Limit limit, String key) {
        ConsumptionProbe p = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!p.isConsumed()) {
            throw new TooManyRequestsException("error.tooManyRequests", Duration.ofNanos(p.getNanosToWaitForRefill()));
        }
    }

    /** Takes one token; false when the bucket is empty (the caller decides what to do). */
    public boolean tryTake(Limit limit, String key) {
        return bucket(limit, key).tryConsume(1);
    }

    private Bucket bucket(Limit limit, String key) {
        return buckets.get(limit.name() + '|' + key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build());
    }

    /** The client address of the current request (after trusted proxies' X-Forwarded-For), or "-" outside one. */
    public static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest r = a.getRequest();
            return r.getRemoteAddr() == null ? "-" : r.getRemoteAddr();
        }
        return "-";
    }
}
