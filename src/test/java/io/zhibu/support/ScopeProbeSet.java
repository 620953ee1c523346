package io.zhibu.support;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Data-scope probes of one module's endpoints. {@code DataScopeTest} finds every implementation under
 * {@code io.zhibu} (public no-arg constructor), requires a probe or exemption for every handler mapping, and runs
 * them all. Keys are "METHOD /pattern" exactly as mapped, e.g. "GET /api/v1/members/{id}".
 */
public interface ScopeProbeSet {
    Map<String, Consumer<ScopeContext>> probes();

    /** Endpoints that carry no organization data, each with the reason. */
    default Map<String, String> exempt() {
        return Map.of();
    }
}
