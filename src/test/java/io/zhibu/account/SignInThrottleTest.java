package io.zhibu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.web.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Issue 15 §7 and R9.6: failure budgets per address and per login name; the lock per account and address. */
class SignInThrottleTest {
    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MutableClock clock = new MutableClock();
    private final SignInThrottle t = new SignInThrottle(10, 6, Duration.ofMinutes(15), Duration.ofMinutes(15), clock);

    @Test
    void anAddressThatSpentItsFailureBudgetGets429WithAWait() {
        for (int i = 0; i < 10; i++) {
            t.checkAllowed("10.0.0.1", "user" + i);
            t.failed("10.0.0.1", "user" + i, null);
        }
        assertThatThrownBy(() -> t.checkAllowed("10.0.0.1", "someone-else"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.code()).isEqualTo("auth.tooManyAttempts");
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 15 * 60L);
                });
        assertThatCode(() -> t.checkAllowed("10.0.0.2", "someone-else")).as("other addresses are not affected")
                .doesNotThrowAnyException();
    }

    @Test
    void aLoginNameUnderAttackFromManyAddressesIsThrottledNotLocked() {
        for (int i = 0; i < 6; i++) {
            t.failed("10.1.0." + i, "Admin ", 1L);
        }
        assertThatThrownBy(() -> t.checkAllowed("10.9.9.9", "admin")).isInstanceOf(TooManyRequestsException.class);
        // R9.6 lock counts per account and address: no single address reached five failures
        assertThat(t.locked(1L, "10.9.9.9")).isFalse();
        assertThat(t.locked(1L, "10.1.0.0")).isFalse();
    }

    @Test
    void fiveFailuresFromOneAddressLockTheAccountThereForTheLockDuration() {
        for (int i = 0; i < 4; i++) {
            assertThat(t.failed("10.2.0.1", "bob", 7L)).isFalse();
        }
        assertThat(t.failed("10.2.0.1", "bob", 7L)).as("the fifth failure locks").isTrue();
        assertThat(t.locked(7L, "10.2.0.1")).isTrue();
        assertThat(t.locked(7L, "10.2.0.2")).as("nobody locks bob for everyone").isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertThat(t.locked(7L, "10.2.0.1")).as("unlocked after 15 minutes").isFalse();
    }

    @Test
    void successForgetsFailuresAndSpendsNothing() {
        for (int i = 0; i < 4; i++) {
            t.failed("10.3.0.1", "carol", 8L);
        }
        t.succeeded(8L, "10.3.0.1");
        assertThat(t.failed("10.3.0.1", "carol", 8L)).isFalse();
        for (int i = 0; i < 100; i++) {
            t.checkAllowed("10.3.0.9", "dave");
        }
    }

    @Test
    void loginNamesOfAnyLengthMakeOneBoundedKey() {
        String huge = "x".repeat(100_000);
        assertThat(SignInThrottle.loginKey(huge)).hasSize(64);
        assertThat(SignInThrottle.loginKey(null)).isEmpty();
        assertThatCode(() -> t.failed("10.4.0.1", huge, null)).doesNotThrowAnyException();
    }
}
