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

/**
 * Issue 15 §7 and R9.6: failure budgets per address and per login name (the latter only for addresses not known for
 * the login); the lock per account and address.
 */
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
    void anAttackOnALoginNameFromManyAddressesDoesNotStopTheOwnerSigningInFromTheirAddress() {
        // the owner signed in from their office before
        t.checkAllowed("10.9.9.9", "admin");
        t.succeeded(1L, "10.9.9.9", "admin");
        // then 50 addresses try two passwords each
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < 2; k++) {
                try {
                    t.checkAllowed("10.1.0." + i, " Admin");
                    t.failed("10.1.0." + i, " Admin", 1L);
                } catch (TooManyRequestsException throttled) {
                    // the attack is throttled
                }
            }
        }
        assertThatCode(() -> t.checkAllowed("10.9.9.9", "admin")).as("the owner's address is let through")
                .doesNotThrowAnyException();
        assertThat(t.locked(1L, "10.9.9.9")).as("R9.6 lock counts per account and address").isFalse();
        assertThatThrownBy(() -> t.checkAllowed("10.7.7.7", "admin")).as("an unknown address is throttled")
                .isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> t.checkAllowed("10.1.0.49", "ADMIN")).isInstanceOf(TooManyRequestsException.class);
        // the same answer for a login name nobody has (no enumeration): its budget is spent the same way
        for (int i = 0; i < 6; i++) {
            t.checkAllowed("10.2.1." + i, "nobody");
            t.failed("10.2.1." + i, "nobody", null);
        }
        assertThatThrownBy(() -> t.checkAllowed("10.9.9.9", "nobody")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void theOwnersAddressIsStillThrottledPerAddressAndLockedAfterFiveFailures() {
        t.succeeded(1L, "10.9.9.9", "admin");
        for (int i = 0; i < 4; i++) {
            t.checkAllowed("10.9.9.9", "admin");
            assertThat(t.failed("10.9.9.9", "admin", 1L)).isFalse();
        }
        t.checkAllowed("10.9.9.9", "admin");
        assertThat(t.failed("10.9.9.9", "admin", 1L)).isTrue();
        assertThat(t.locked(1L, "10.9.9.9")).isTrue();
        for (int i = 0; i < 5; i++) {
            t.checkAllowed("10.9.9.9", "someone" + i);
            t.failed("10.9.9.9", "someone" + i, null);
        }
        assertThatThrownBy(() -> t.checkAllowed("10.9.9.9", "admin")).as("the address budget still applies")
                .isInstanceOf(TooManyRequestsException.class);
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
        t.succeeded(8L, "10.3.0.1", "carol");
        assertThat(t.failed("10.3.0.1", "carol", 8L)).isFalse();
        for (int i = 0; i < 100; i++) {
            t.checkAllowed("10.3.0.9", "dave");
            t.succeeded(9L, "10.3.0.9", "dave");
        }
    }

    @Test
    void loginNamesOfAnyLengthMakeOneBoundedKey() {
        String huge = "x".repeat(100_000);
        assertThat(SignInThrottle.loginKey(huge)).hasSize(64);
        assertThat(SignInThrottle.loginKey(null)).isEmpty();
        assertThatCode(() -> t.failed("10.4.0.1", huge, null)).doesNotThrowAnyException();
    }

    @Test
    void passwordHashesWaitForAFreeHasherAndAnswer429WhenNoneFrees() throws Exception {
        SignInThrottle one = new SignInThrottle(10, 6, Duration.ofMinutes(15), Duration.ofMinutes(15), clock, 1,
                Duration.ofMillis(50));
        assertThat(one.hashing(() -> "hashed")).isEqualTo("hashed");
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> one.hashing(() -> {
            busy.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        busy.await();
        assertThatThrownBy(() -> one.hashing(() -> "second")).as("the only hasher is busy")
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.code()).isEqualTo("auth.tooManyAttempts"));
        done.countDown();
        holder.join();
        assertThat(one.hashing(() -> "third")).as("free again").isEqualTo("third");
    }

    @Test
    void concurrentAttemptsTakeTheirTokenAtTheCheckSoNoMoreThanTheBudgetPass() {
        // ten attempts checked before any of them failed: the budget (10 per address) still holds
        for (int i = 0; i < 10; i++) {
            t.checkAllowed("10.5.0.1", "user" + i);
        }
        assertThatThrownBy(() -> t.checkAllowed("10.5.0.1", "user-eleven")).isInstanceOf(TooManyRequestsException.class);
        // a refusal by the per-login budget gives the address's token back
        for (int i = 0; i < 6; i++) {
            t.checkAllowed("10.6.0." + i, "erin");
        }
        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> t.checkAllowed("10.6.1.1", "erin")).isInstanceOf(TooManyRequestsException.class);
        }
        assertThatCode(() -> t.checkAllowed("10.6.1.1", "frank")).doesNotThrowAnyException();
    }
}
