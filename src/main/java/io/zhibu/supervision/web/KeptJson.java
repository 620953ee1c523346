package io.zhibu.supervision.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;

/**
 * What a dashboard view turns into — its JSON body and ETag, or the page's chart data — kept beside the view object
 * itself (issue 20). {@code Dashboards} hands every caller of the same kept snapshot, order and breadcrumb depth the
 * same immutable {@code Dashboard}; keyed by that object's identity (weak keys), the serialized form lives exactly as
 * long as the view is served, so fifty callers of the city's dashboard serialize it once instead of fifty times a
 * second, and a new snapshot (a new object) is never answered with an old body.
 */
final class KeptJson<V> {
    private final Cache<Object, V> kept = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();
    private final Function<Object, V> make;

    KeptJson(Function<Object, V> make) {
        this.make = make;
    }

    V of(Object view) {
        return kept.get(view, make);
    }

    /** A JSON body and its strong ETag (a hash of the bytes, quoted). */
    record Body(byte[] bytes, String etag) {
        static Body of(byte[] bytes) {
            return new Body(bytes, "\"" + io.zhibu.shared.Sha256.hex(bytes).substring(0, 32) + "\"");
        }
    }
}
