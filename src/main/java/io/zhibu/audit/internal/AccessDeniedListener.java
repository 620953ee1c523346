package io.zhibu.audit.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.zhibu.audit.AuditProperties;
import io.zhibu.shared.AccessDenied;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Refusal;
import io.zhibu.shared.web.RateLimits;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Refusals go into the audit trail (R9.6: success or failure of every event) with who (user, role), what (request
 * and object or refused fields) and where (client IP, the user's scope): 403 role refusals ({@link AccessDenied}),
 * 404 out of scope and 400 on writes ({@link Refusal}). A scan must not flood the trail: per user and IP, at most
 * {@code refusals-per-minute} rows a minute; the rest are counted and written as one {@code refusal.suppressed} row
 * when the budget allows again or at the next minute's flush.
 */
@Component
class AccessDeniedListener {
    private final AuditRefusals writer;
    private final AuditProperties props;
    private final Cache<String, Budget> budgets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    AccessDeniedListener(AuditRefusals writer, AuditProperties props) {
        this.writer = writer;
        this.props = props;
    }

    /** One key's budget and what it kept back. */
    static final class Budget {
        final Bucket bucket;
        final AtomicLong suppressed = new AtomicLong();
        volatile Who who;

        Budget(int perMinute) {
            bucket = Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                    .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
        }
    }

    record Who(String actor, String role, String scopePath, String ip) {
    }

    @EventListener
    void on(AccessDenied e) {
        String target = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getMethod() + " " + a.getRequest().getRequestURI() : null;
        record("access.denied", target, e.what());
    }

    @EventListener
    void on(Refusal r) {
        String action = switch (r.kind()) {
            case NOT_FOUND -> "refused.notFound";
            case FORBIDDEN -> "access.denied";
            case INVALID -> "refused.invalid";
            case TIMEOUT -> "refused.timeout";
        };
        record(action, r.method() + " " + r.uri(), r.what());
    }

    private void record(String action, String target, String detail) {
        DataScope s = CurrentScope.orNull();
        Who who = new Who(s == null ? "anonymous" : s.username(), s == null ? null : s.role().name(),
                s == null ? null : s.orgPath(), RateLimits.clientIp());
        Budget b = budgets.get(who.actor() + '|' + who.ip(), k -> new Budget(props.refusalsPerMinute()));
        b.who = who;
        if (!b.bucket.tryConsume(1)) {
            b.suppressed.incrementAndGet();
            return;
        }
        long kept = b.suppressed.getAndSet(0);
        String d = detail == null ? "" : detail;
        writer.write(who, action, target, kept > 0 ? d + " (+" + kept + " similar refusals not written one by one)" : d);
    }

    /** Writes what a budget kept back, one summary row per user and IP (every minute; tests call it directly). */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void flush() {
        budgets.asMap().forEach((k, b) -> {
            long n = b.suppressed.getAndSet(0);
            if (n > 0 && b.who != null) {
                writer.write(b.who, "refusal.suppressed", "requests", n + " refusals within the minute's budget of "
                        + props.refusalsPerMinute() + " were not written one by one");
            }
        });
    }
}
