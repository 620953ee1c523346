package io.zhibu.account.internal;

import io.zhibu.shared.Sha256;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.zhibu.account.AccountService.SignedIn;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Verified bearer tokens for a few seconds, so that an API call costs no database round trip for its token (issue
 * 20: the token check was two SQL statements per call). Only tokens the database accepted are kept, keyed by the
 * token's SHA-256; every change to an account or its tokens on this node empties the cache at once and again after
 * its commit, and the short lifetime ({@code zhibu.security.token-cache-ttl}, default 5 s; 0 turns it off) bounds
 * how long another node may still honour a revoked token or a locked account. With several app nodes
 * ({@code zhibu.cluster.enabled}) the change is also a cluster signal ({@code ClusterSignals.TOKENS}) that empties the
 * other nodes' caches when it commits (issue 23).
 */
@Component
public class TokenCache {
    private final Cache<String, SignedIn> cache;
    private final boolean enabled;
    private final io.zhibu.shared.cluster.ClusterSignals signals;

    public TokenCache(@Value("${zhibu.security.token-cache-ttl:5s}") Duration ttl) {
        this(ttl, io.zhibu.shared.cluster.ClusterSignals.local());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public TokenCache(@Value("${zhibu.security.token-cache-ttl:5s}") Duration ttl,
                      io.zhibu.shared.cluster.ClusterSignals signals) {
        this.signals = signals;
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.cache = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofNanos(1)).maximumSize(200_000)
                .build();
        signals.on(io.zhibu.shared.cluster.ClusterSignals.TOKENS, cache::invalidateAll);
    }

    /** The signed-in user of a token: from the cache, or from {@code verify} (kept only when it is present). */
    public Optional<SignedIn> resolve(String token, Supplier<Optional<SignedIn>> verify) {
        if (!enabled || token == null || token.length() > 100) {
            return verify.get();
        }
        // one verification per token at a time (issue 20: when a busy token's entry expired, every concurrent call
        // with it went to the database at once — the token check's p99); a token the database refuses is not kept
        return Optional.ofNullable(cache.get(Sha256.hex(token), k -> verify.get().orElse(null)));
    }

    /** Forget every verified token: now, and once more after the current transaction commits. */
    public void invalidateAll() {
        cache.invalidateAll();
        signals.publish(io.zhibu.shared.cluster.ClusterSignals.TOKENS);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidateAll();
                }
            });
        }
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
