package io.zhibu.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scope probes of every warning, to-do and inbox endpoint: the foreign branch's warnings answer 404, another user's
 * message answers 404, the sweep endpoints are for the platform administrator only.
 */
public class WarningScopeProbes implements ScopeProbeSet {
    private static Long foreignWarning;

    /** An open warning of the foreign branch (after a sweep started by the administrator, if none exists yet). */
    static synchronized long foreignWarning(ScopeContext t) {
        if (foreignWarning == null) {
            Api admin = t.as("admin");
            String list = "/api/v1/warnings?orgId=" + t.facts().foreignBranchId() + "&size=1";
            if (admin.get(list).at("/items").isEmpty()) {
                long run = admin.post("/api/v1/warnings/sweeps", "").at("/id").asLong();
                for (int i = 0; i < 120; i++) {
                    String status = admin.get("/api/v1/warnings/sweeps/" + run).at("/status").asText();
                    if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                        break;
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            var items = admin.get(list).at("/items");
            assertThat(items.isEmpty()).as("the foreign branch has an open warning").isFalse();
            foreignWarning = items.get(0).get("id").asLong();
        }
        return foreignWarning;
    }

    private static void secretary403(ScopeContext t, String method, String path) {
        Api.Response r = t.secretary().send(method, path, null);
        assertThat(r.status()).as(method + " " + path).isEqualTo(403);
        assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        // --- API
        p.put("GET /api/v1/warnings", t -> {
            t.api404("GET", "/api/v1/warnings?orgId=" + t.facts().foreignBranchId());
            t.township404("GET", "/api/v1/warnings?orgId=" + t.facts().foreignBranchId(), null);
            for (var w : t.secretary().get("/api/v1/warnings?size=200").at("/items")) {
                assertThat(w.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
            }
        });
        p.put("GET /api/v1/warnings/{id}", t -> {
            t.api404("GET", "/api/v1/warnings/" + foreignWarning(t));
            t.township404("GET", "/api/v1/warnings/" + foreignWarning(t), null);
        });
        p.put("POST /api/v1/warnings/{id}/acknowledge", t -> t.api404("POST",
                "/api/v1/warnings/" + foreignWarning(t) + "/acknowledge", "{\"version\":0}"));
        p.put("GET /api/v1/warnings/counts", t -> {
            t.api404("GET", "/api/v1/warnings/counts?orgId=" + t.facts().foreignBranchId());
            t.township404("GET", "/api/v1/warnings/counts?orgId=" + t.facts().foreignTownshipId(), null);
        });
        p.put("GET /api/v1/warnings/period", t -> t.township404("GET", "/api/v1/warnings/period?orgId="
                + t.facts().foreignTownshipId() + "&from=2026-01-01&to=2026-12-31", null));
        p.put("POST /api/v1/warnings/sweeps", t -> secretary403(t, "POST", "/api/v1/warnings/sweeps"));
        p.put("GET /api/v1/warnings/sweeps", t -> secretary403(t, "GET", "/api/v1/warnings/sweeps"));
        p.put("GET /api/v1/warnings/sweeps/{id}", t -> secretary403(t, "GET", "/api/v1/warnings/sweeps/1"));
        p.put("GET /api/v1/todos", t -> {
            Api.Response r = t.secretary().get("/api/v1/todos");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
            for (var item : r.json()) {
                if (item.hasNonNull("orgId")) {
                    assertThat(item.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
                }
            }
            assertThat(t.township().get("/api/v1/todos").body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /api/v1/inbox", t -> assertThat(t.secretary().get("/api/v1/inbox?size=200").body())
                .doesNotContain(t.facts().foreignBranchName()));
        p.put("GET /api/v1/inbox/unread-count", t -> assertThat(t.secretary().get("/api/v1/inbox/unread-count").status())
                .isEqualTo(200));
        p.put("POST /api/v1/inbox/{id}/read", t -> {
            var others = t.township().get("/api/v1/inbox?size=1").at("/items");
            long id = others.isEmpty() ? Long.MAX_VALUE : others.get(0).get("id").asLong();
            t.api404("POST", "/api/v1/inbox/" + id + "/read");
        });
        p.put("POST /api/v1/inbox/read-all", t -> assertThat(t.as("auditor").post("/api/v1/inbox/read-all", "").status())
                .isEqualTo(200)); // only the caller's own messages
        p.put("GET /api/v1/inbox/contact", t -> assertThat(t.secretary().get("/api/v1/inbox/contact").status()).isEqualTo(200));
        p.put("PUT /api/v1/inbox/contact", t -> assertThat(t.as("auditor").put("/api/v1/inbox/contact",
                "{\"digest\":false}").status()).isEqualTo(200)); // the caller's own settings
        // --- pages
        p.put("GET /warnings", t -> t.page404(t.secretaryWeb().get("/warnings?orgId=" + t.facts().foreignBranchId())));
        p.put("GET /warnings/{id}", t -> t.page404(t.secretaryWeb().get("/warnings/" + foreignWarning(t))));
        p.put("POST /warnings/{id}/acknowledge", t -> t.page404(t.secretaryWeb().post("/warnings/" + foreignWarning(t)
                + "/acknowledge", Map.of("version", "0"))));
        p.put("GET /warnings/sweeps", t -> assertThat(t.secretaryWeb().get("/warnings/sweeps").status()).isEqualTo(403));
        p.put("POST /warnings/sweeps", t -> assertThat(t.secretaryWeb().post("/warnings/sweeps", Map.of()).status())
                .isEqualTo(403));
        p.put("GET /warnings/sweeps/{id}", t -> assertThat(t.secretaryWeb().get("/warnings/sweeps/1").status())
                .isEqualTo(403));
        p.put("GET /todos", t -> {
            WebSession.Page r = t.secretaryWeb().get("/todos");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /todos/card", t -> {
            WebSession.Page r = t.townshipWeb().get("/todos/card");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /inbox", t -> {
            WebSession.Page r = t.secretaryWeb().get("/inbox");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /inbox/badge", t -> assertThat(t.secretaryWeb().get("/inbox/badge").status()).isEqualTo(200));
        p.put("POST /inbox/{id}/read", t -> {
            var others = t.township().get("/api/v1/inbox?size=1").at("/items");
            long id = others.isEmpty() ? Long.MAX_VALUE : others.get(0).get("id").asLong();
            t.page404(t.secretaryWeb().post("/inbox/" + id + "/read", Map.of()));
        });
        p.put("POST /inbox/read-all", t -> assertThat(t.secretaryWeb().post("/inbox/read-all", Map.of()).status())
                .isEqualTo(302));
        p.put("POST /inbox/contact", t -> assertThat(t.secretaryWeb().post("/inbox/contact", Map.of("digest", "true"))
                .status()).isEqualTo(302));
        return p;
    }
}
