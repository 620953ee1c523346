package io.zhibu.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.account.AccountService.SignedIn;
import io.zhibu.shared.DataScope;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Issue 20: a known token costs no database round trip; revocation empties the cache; refusals are never kept. */
class TokenCacheTest {
    private static final SignedIn USER = new SignedIn(new DataScope(1L, "admin", io.zhibu.shared.Role.ADMIN, null, "", null, null), "张三", io.zhibu.account.Restriction.NONE);

    @Test
    void aVerifiedTokenIsAskedForOnceWhileItIsFresh() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(5));
        AtomicInteger db = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThat(cache.resolve("t1", () -> {
                db.incrementAndGet();
                return Optional.of(USER);
            })).contains(USER);
        }
        assertThat(db).hasValue(1);
    }

    @Test
    void refusedTokensAreNotKeptAndEveryWriteEmptiesTheCache() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(5));
        AtomicInteger db = new AtomicInteger();
        cache.resolve("bad", () -> {
            db.incrementAndGet();
            return Optional.empty();
        });
        cache.resolve("bad", () -> {
            db.incrementAndGet();
            return Optional.empty();
        });
        assertThat(db).hasValue(2);
        cache.resolve("t1", () -> Optional.of(USER));
        assertThat(cache.size()).isEqualTo(1);
        cache.invalidateAll(); // e.g. logout, lock, password change, revoked sessions
        assertThat(cache.size()).isZero();
        assertThat(cache.resolve("t1", Optional::empty)).isEmpty();
    }

    @Test
    void concurrentCallsWithOneTokenVerifyItOnce() throws Exception {
        TokenCache cache = new TokenCache(Duration.ofSeconds(5));
        AtomicInteger db = new AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Thread> callers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(Thread.ofPlatform().start(() -> cache.resolve("busy", () -> {
                db.incrementAndGet();
                try {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(USER);
            })));
        }
        // every caller is parked: one in the database (the latch), the others waiting for its answer
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !callers.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.BLOCKED || t.getState() == Thread.State.TIMED_WAITING)) {
            Thread.onSpinWait();
        }
        release.countDown();
        for (Thread t : callers) {
            t.join(10_000);
        }
        assertThat(db).hasValue(1);
    }

    @Test
    void aZeroLifetimeTurnsTheCacheOff() {
        TokenCache cache = new TokenCache(Duration.ZERO);
        AtomicInteger db = new AtomicInteger();
        cache.resolve("t1", () -> {
            db.incrementAndGet();
            return Optional.of(USER);
        });
        cache.resolve("t1", () -> {
            db.incrementAndGet();
            return Optional.of(USER);
        });
        assertThat(db).hasValue(2);
    }
}
