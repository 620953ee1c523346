package io.zhibu.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values kept refresh-ahead with one builder per key (issue 20: fifty callers of the city's dashboard all waited for
 * the same snapshot each time the rollup version moved; the city roster's total was counted on every page).
 * <ul>
 * <li>A value is <em>fresh</em> while it is younger than {@code fresh} and was built at the current version.</li>
 * <li>No value yet: the first caller builds it, the others wait for that one build (single flight).</li>
 * <li>A value no longer fresh: the first caller builds the next one and waits for it — so a caller who has just
 * changed the data reads its own change — while every other caller meanwhile gets the previous value at once.</li>
 * <li>Bounded staleness: a value older than {@code maxStale} is dropped, never served; in steady use a value is at
 * most {@code fresh} plus one build old.</li>
 * </ul>
 * A {@code fresh} of zero turns keeping off: every call builds. Only values that pass {@code keep} are kept (e.g.
 * only large counts, which a few seconds of lag cannot mislead; small ones are counted on every call).
 */
public final class RefreshAhead<K, V> {
    private record Kept<V>(V value, long version, long builtAt) {
    }

    private final long freshNanos;
    private final LongSupplier version;
    private final LongSupplier nanoTime;
    private final Cache<K, Kept<V>> kept;
    private final Predicate<V> keep;
    private final ConcurrentMap<K, Boolean> building = new ConcurrentHashMap<>();

    public RefreshAhead(Duration fresh, Duration maxStale, int maxSize, LongSupplier version) {
        this(fresh, maxStale, maxSize, version, v -> true, System::nanoTime);
    }

    public RefreshAhead(Duration fresh, Duration maxStale, int maxSize, LongSupplier version, Predicate<V> keep) {
        this(fresh, maxStale, maxSize, version, keep, System::nanoTime);
    }

    RefreshAhead(Duration fresh, Duration maxStale, int maxSize, LongSupplier version, Predicate<V> keep,
                 LongSupplier nanoTime) {
        this.keep = keep;
        this.freshNanos = fresh.isNegative() ? 0 : fresh.toNanos();
        this.version = version;
        this.nanoTime = nanoTime;
        Duration keepFor = maxStale.compareTo(fresh) > 0 ? maxStale : fresh;
        this.kept = freshNanos == 0 ? null : Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(maxSize)
                .ticker(nanoTime::getAsLong).build();
    }

    /** The kept value of {@code key}, built by {@code build} when there is none or it is no longer fresh (see above). */
    public V get(K key, Supplier<V> build) {
        if (kept == null) {
            return build.get();
        }
        long v = version.getAsLong();
        Kept<V> k = kept.getIfPresent(key);
        if (k == null) {
            Object[] built = new Object[1];
            k = kept.get(key, x -> {
                V value = build.get();
                built[0] = value;
                return keep.test(value) ? new Kept<>(value, v, nanoTime.getAsLong()) : null;
            });
            if (k == null) {
                // not to be kept: built here, or (having waited for another caller's build) built now
                @SuppressWarnings("unchecked")
                V value = built[0] != null ? (V) built[0] : build.get();
                return value;
            }
        }
        if (k.version() == v && nanoTime.getAsLong() - k.builtAt() < freshNanos) {
            return k.value();
        }
        if (building.putIfAbsent(key, Boolean.TRUE) != null) {
            return k.value(); // another caller builds the next one: serve the previous
        }
        try {
            V value = build.get();
            if (keep.test(value)) {
                kept.put(key, new Kept<>(value, v, nanoTime.getAsLong()));
            } else {
                kept.invalidate(key);
            }
            return value;
        } finally {
            building.remove(key);
        }
    }

    public void invalidateAll() {
        if (kept != null) {
            kept.invalidateAll();
        }
    }
}
