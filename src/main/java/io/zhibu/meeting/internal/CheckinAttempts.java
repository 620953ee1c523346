package io.zhibu.meeting.internal;

import static io.zhibu.db.Tables.MEETING_ATTENDANCE;

import io.zhibu.shared.web.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-in codes cannot be guessed (issue 19): wrong codes are counted per member and meeting in their own
 * transaction (the refused check-in itself rolls back), the {@code max-wrong-codes}th locks that member's check-in for
 * the meeting; and attempts per client IP are rate-limited.
 */
@Component
public class CheckinAttempts {
    /** {@code zhibu.meeting.checkin.*}. */
    @ConfigurationProperties("zhibu.meeting.checkin")
    public record Limits(@DefaultValue("5") int maxWrongCodes, @DefaultValue("30") int perIp,
                         @DefaultValue("10m") Duration perIpPeriod) {
    }

    private final DSLContext db;
    private final TransactionTemplate own;
    private final RateLimits rates;
    private final Limits limits;
    private final Clock clock;

    public CheckinAttempts(DSLContext db, PlatformTransactionManager txm, RateLimits rates, Limits limits, Clock clock) {
        this.db = db;
        this.own = new TransactionTemplate(txm);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.rates = rates;
        this.limits = limits;
        this.clock = clock;
    }

    public Limits limits() {
        return limits;
    }

    /** One attempt from the caller's IP; a 429 beyond {@code per-ip} attempts per {@code per-ip-period}. */
    public void countIp() {
        rates.check(new RateLimits.Limit("checkin-ip", limits.perIp(), limits.perIpPeriod()), RateLimits.clientIp());
    }

    /** Counts one wrong code (committed even though the check-in is refused); returns the failures so far. */
    public int wrongCode(long attendanceId) {
        Integer n = own.execute(st -> {
            var a = MEETING_ATTENDANCE;
            db.update(a).set(a.CHECKIN_FAILURES, a.CHECKIN_FAILURES.plus(1))
                    .set(a.CHECKIN_LOCKED_AT, DSL.when(a.CHECKIN_FAILURES.plus(1).ge(limits.maxWrongCodes()),
                            DSL.coalesce(a.CHECKIN_LOCKED_AT, io.zhibu.shared.db.Citus.enabled()
                                    // Citus: a constant, not a cast of a parameter (STABLE) inside COALESCE
                                    ? DSL.inline(OffsetDateTime.now(clock)) : DSL.val(OffsetDateTime.now(clock)))).otherwise(a.CHECKIN_LOCKED_AT))
                    .where(a.ID.eq(attendanceId)).execute();
            return db.select(a.CHECKIN_FAILURES).from(a).where(a.ID.eq(attendanceId)).fetchOne(a.CHECKIN_FAILURES);
        });
        return n == null ? 0 : n;
    }
}
