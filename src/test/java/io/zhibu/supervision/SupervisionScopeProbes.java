package io.zhibu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Scope probes of the supervision endpoints: a township sees its own subtree's dashboards, rankings and bulletins and
 * never the neighbouring township's; the rollup jobs are the administrator's.
 */
public class SupervisionScopeProbes implements ScopeProbeSet {
    private static void adminOnly(ScopeContext t, String method, String path) {
        Api.Response r = t.township().send(method, path, null);
        assertThat(r.status()).as(method + " " + path).isEqualTo(403);
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        p.put("GET /api/v1/supervision/dashboard", t -> {
            t.township404("GET", "/api/v1/supervision/dashboard?orgId=" + t.facts().foreignTownshipId(), null);
            t.api404("GET", "/api/v1/supervision/dashboard?orgId=" + t.facts().foreignBranchId());
            JsonNode own = t.township().get("/api/v1/supervision/dashboard").json();
            assertThat(own.get("orgId").asLong()).isEqualTo(t.facts().townshipId());
            own.get("children").forEach(c -> assertThat(c.get("orgId").asLong()).isNotEqualTo(t.facts().foreignBranchId()));
            assertThat(own.toString()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /api/v1/supervision/dashboard/live", t -> adminOnly(t, "GET",
                "/api/v1/supervision/dashboard/live?orgId=" + t.facts().townshipId()));
        p.put("GET /api/v1/supervision/rankings", t -> {
            t.township404("GET", "/api/v1/supervision/rankings?orgId=" + t.facts().foreignTownshipId(), null);
            String body = t.township().get("/api/v1/supervision/rankings?limit=10000").body();
            assertThat(body).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /api/v1/supervision/bulletins", t -> {
            t.township404("GET", "/api/v1/supervision/bulletins?orgId=" + t.facts().foreignTownshipId(), null);
            assertThat(t.township().get("/api/v1/supervision/bulletins").body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /api/v1/supervision/bulletins.xlsx", t -> t.township404("GET",
                "/api/v1/supervision/bulletins.xlsx?orgId=" + t.facts().foreignTownshipId(), null));
        p.put("GET /api/v1/supervision/bulletins.pdf", t -> t.township404("GET",
                "/api/v1/supervision/bulletins.pdf?orgId=" + t.facts().foreignTownshipId(), null));
        p.put("POST /api/v1/supervision/rollups/rebuild", t -> adminOnly(t, "POST", "/api/v1/supervision/rollups/rebuild"));
        p.put("POST /api/v1/supervision/rollups/check", t -> adminOnly(t, "POST", "/api/v1/supervision/rollups/check"));
        p.put("GET /api/v1/supervision/rollups/runs", t -> adminOnly(t, "GET", "/api/v1/supervision/rollups/runs"));
        p.put("GET /api/v1/supervision/rollups/runs/{id}", t -> adminOnly(t, "GET", "/api/v1/supervision/rollups/runs/1"));
        // --- pages
        p.put("GET /supervision", t -> t.page404(t.townshipWeb().get("/supervision?orgId=" + t.facts().foreignTownshipId())));
        p.put("GET /supervision/screen", t -> t.page404(t.townshipWeb().get("/supervision/screen?orgId=" + t.facts().foreignTownshipId())));
        p.put("GET /supervision/rankings", t -> {
            t.page404(t.townshipWeb().get("/supervision/rankings?orgId=" + t.facts().foreignTownshipId()));
            assertThat(t.townshipWeb().get("/supervision/rankings").body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /supervision/bulletins", t -> t.page404(t.townshipWeb().get("/supervision/bulletins?orgId=" + t.facts().foreignTownshipId())));
        p.put("GET /supervision/rollups", t -> assertThat(t.townshipWeb().get("/supervision/rollups").status()).isEqualTo(403));
        p.put("GET /supervision/rollups/{id}", t -> assertThat(t.townshipWeb().get("/supervision/rollups/1").status()).isEqualTo(403));
        p.put("POST /supervision/rollups/rebuild", t -> {
            WebSession.Page r = t.townshipWeb().post("/supervision/rollups/rebuild", Map.of());
            assertThat(r.status()).isEqualTo(403);
        });
        return p;
    }
}
