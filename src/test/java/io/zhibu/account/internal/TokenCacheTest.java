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
