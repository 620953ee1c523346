package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scope probes of every assessment endpoint: a system, a campaign and an evidence file of the foreign township
 * (made once by the administrator) answer 404 to the secretary and to the township staff, and leak nothing.
 */
public class AssessmentScopeProbes implements ScopeProbeSet {
    private static long[] foreign;

    @Override
    public Map<String, String> exempt() {
        return Map.of("GET /api/v1/assessment/presets", "the shipped presets, no organization data",
                "GET /api/v1/assessment/presets/{id}", "a shipped preset, no organization data",
                "GET /api/v1/assessment/facts", "the names of the platform facts, no organization data");
    }

    /** {system, campaign, evidence} of the foreign branch. */
    static synchronized long[] foreign(ScopeContext t) {
        if (foreign == null) {
            Api admin = t.as("admin");
            Api.Response s = admin.post("/api/v1/assessment/systems", "{\"ownerOrgId\":" + t.facts().foreignTownshipId()
                    + ",\"year\":" + (LocalDate.now().getYear() + 20) + ",\"preset\":\"qingshen-6x\"}");
            assertThat(s.status()).as(s.body()).isEqualTo(201);
            long system = s.at("/summary/id").asLong();
            Api.Response c = admin.post("/api/v1/assessment/campaigns", "{\"orgId\":" + t.facts().foreignBranchId()
                    + ",\"systemId\":" + system + ",\"name\":\"probe\"}");
            assertThat(c.status()).as(c.body()).isEqualTo(201);
            long campaign = c.at("/id").asLong();
            Api.Response e = admin.multipart("/api/v1/assessment/campaigns/" + campaign + "/results/"
                    + t.facts().foreignBranchId() + "/evidence", "probe.png", io.zhibu.support.TestFiles.png());
            assertThat(e.status()).as(e.body()).isEqualTo(201);
            foreign = new long[]{system, campaign, e.at("/id").asLong()};
        }
        return foreign;
    }

    private static long[] xItems;

    /** {foreign X item, own campaign (the own branch only, Qingshen, so X items can be proposed)}. */
    static synchronized long[] xItems(ScopeContext t) {
        if (xItems == null) {
            long[] f = foreign(t);
            Api.Response x = t.as("admin").post("/api/v1/assessment/campaigns/" + f[1] + "/x-items", "{\"orgId\":"
                    + t.facts().foreignBranchId() + ",\"name\":\"probe\",\"content\":\"c\",\"points\":5,"
                    + "\"evidenceRequired\":\"e\"}");
            assertThat(x.status()).as(x.body()).isEqualTo(201);
            Api.Response s = t.township().post("/api/v1/assessment/systems", "{\"ownerOrgId\":" + t.facts().townshipId()
                    + ",\"year\":" + (LocalDate.now().getYear() + 21) + ",\"preset\":\"qingshen-6x\"}");
            assertThat(s.status()).as(s.body()).isEqualTo(201);
            Api.Response c = t.township().post("/api/v1/assessment/campaigns", "{\"orgId\":" + t.facts().ownBranchId()
                    + ",\"systemId\":" + s.at("/summary/id").asLong() + ",\"name\":\"probe own\"}");
            assertThat(c.status()).as(c.body()).isEqualTo(201);
            xItems = new long[]{x.at("/id").asLong(), c.at("/id").asLong()};
        }
        return xItems;
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String api = "/api/v1/assessment";
        // --- API
        p.put("GET /api/v1/assessment/systems", t -> {
            long sys = foreign(t)[0];
            for (var s : t.township().get(api + "/systems").json()) {
                assertThat(s.get("id").asLong()).isNotEqualTo(sys);
            }
        });
        p.put("POST /api/v1/assessment/systems", t -> t.township404("POST", api + "/systems", "{\"ownerOrgId\":"
                + t.facts().foreignBranchId() + ",\"year\":2026,\"preset\":\"qingshen-6x\"}"));
        p.put("GET /api/v1/assessment/systems/{id}", t -> t.api404("GET", api + "/systems/" + foreign(t)[0]));
        p.put("GET /api/v1/assessment/campaigns", t -> {
            long c = foreign(t)[1];
            for (var x : t.secretary().get(api + "/campaigns").json()) {
                assertThat(x.get("id").asLong()).isNotEqualTo(c);
            }
        });
        p.put("POST /api/v1/assessment/campaigns", t -> t.township404("POST", api + "/campaigns", "{\"orgId\":"
                + t.facts().foreignBranchId() + ",\"systemId\":" + foreign(t)[0] + ",\"name\":\"x\"}"));
        p.put("GET /api/v1/assessment/campaigns/{id}", t -> t.api404("GET", api + "/campaigns/" + foreign(t)[1]));
        p.put("GET /api/v1/assessment/campaigns/{id}/results", t -> t.api404("GET", api + "/campaigns/" + foreign(t)[1] + "/results"));
        p.put("GET /api/v1/assessment/campaigns/{id}/results.xlsx", t -> t.api404("GET", api + "/campaigns/" + foreign(t)[1] + "/results.xlsx"));
        p.put("POST /api/v1/assessment/campaigns/{id}/rescore", t -> t.township404("POST", api + "/campaigns/" + foreign(t)[1] + "/rescore", null));
        p.put("POST /api/v1/assessment/campaigns/{id}/sample", t -> t.township404("POST", api + "/campaigns/" + foreign(t)[1] + "/sample", "{\"mode\":\"ALL\"}"));
        p.put("POST /api/v1/assessment/campaigns/{id}/publish", t -> t.township404("POST", api + "/campaigns/" + foreign(t)[1] + "/publish", null));
        p.put("GET /api/v1/assessment/campaigns/{id}/results/{orgId}", t -> {
            t.api404("GET", api + "/campaigns/" + foreign(t)[1] + "/results/" + t.facts().foreignBranchId());
            t.township404("GET", api + "/campaigns/" + foreign(t)[1] + "/results/" + t.facts().foreignBranchId(), null);
        });
        p.put("POST /api/v1/assessment/campaigns/{id}/results/{orgId}/self-check", t -> t.api404("POST", api + "/campaigns/"
                + foreign(t)[1] + "/results/" + t.facts().foreignBranchId() + "/self-check", "{\"comment\":\"x\"}"));
        p.put("POST /api/v1/assessment/campaigns/{id}/results/{orgId}/spot-check", t -> t.township404("POST", api + "/campaigns/"
                + foreign(t)[1] + "/results/" + t.facts().foreignBranchId() + "/spot-check", "{\"rectification\":\"x\"}"));
        p.put("POST /api/v1/assessment/campaigns/{id}/results/{orgId}/evidence", t -> {
            Api.Response r = t.secretary().multipart(api + "/campaigns/" + foreign(t)[1] + "/results/"
                    + t.facts().foreignBranchId() + "/evidence", "x.txt", new byte[]{1});
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /api/v1/assessment/evidence/{evidenceId}", t -> t.api404("GET", api + "/evidence/" + foreign(t)[2]));
        // --- 6+X items: foreign 404 (secretary and township), the owner 200
        p.put("GET /api/v1/assessment/campaigns/{id}/x-items", t -> {
            t.api404("GET", api + "/campaigns/" + foreign(t)[1] + "/x-items");
            t.township404("GET", api + "/campaigns/" + foreign(t)[1] + "/x-items?orgId=" + t.facts().foreignBranchId(), null);
            Api.Response own = t.secretary().get(api + "/campaigns/" + xItems(t)[1] + "/x-items?orgId=" + t.facts().ownBranchId());
            assertThat(own.status()).as(own.body()).isEqualTo(200);
            assertThat(own.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/assessment/campaigns/{id}/x-items", t -> {
            t.township404("POST", api + "/campaigns/" + foreign(t)[1] + "/x-items", "{\"orgId\":"
                    + t.facts().foreignBranchId() + ",\"name\":\"x\",\"content\":\"c\",\"points\":1,\"evidenceRequired\":\"e\"}");
            Api.Response own = t.secretary().post(api + "/campaigns/" + xItems(t)[1] + "/x-items", "{\"orgId\":"
                    + t.facts().ownBranchId() + ",\"name\":\"x\",\"content\":\"c\",\"points\":1,\"evidenceRequired\":\"e\"}");
            assertThat(own.status()).as(own.body()).isEqualTo(201);
        });
        p.put("POST /api/v1/assessment/x-items/{itemId}/decision", t -> {
            t.township404("POST", api + "/x-items/" + xItems(t)[0] + "/decision", "{\"decision\":\"APPROVE\"}");
            t.api404("POST", api + "/x-items/" + xItems(t)[0] + "/decision", "{\"decision\":\"APPROVE\"}");
        });
        // --- pages
        String page = "/assessment";
        p.put("GET /assessment/campaigns/{id}/x-items", t -> {
            t.page404(t.townshipWeb().get(page + "/campaigns/" + foreign(t)[1] + "/x-items"));
            t.page404(t.secretaryWeb().get(page + "/campaigns/" + foreign(t)[1] + "/x-items?orgId=" + t.facts().foreignBranchId()));
            WebSession.Page own = t.secretaryWeb().get(page + "/campaigns/" + xItems(t)[1] + "/x-items?orgId=" + t.facts().ownBranchId());
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).contains("x-propose").doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /assessment/campaigns/{id}/x-items", t -> t.page404(t.townshipWeb().post(page + "/campaigns/"
                + foreign(t)[1] + "/x-items", Map.of("orgId", "" + t.facts().foreignBranchId(), "name", "x",
                "content", "c", "points", "1", "evidenceRequired", "e"))));
        p.put("POST /assessment/x-items/{itemId}/decision", t -> t.page404(t.townshipWeb().post(page + "/x-items/"
                + xItems(t)[0] + "/decision", Map.of("decision", "APPROVE"))));
        p.put("GET /assessment", t -> {
            WebSession.Page r = t.townshipWeb().get(page);
            assertThat(r.status()).isEqualTo(200);
            foreign(t);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /assessment/systems", t -> t.page404(t.townshipWeb().post(page + "/systems", Map.of("preset", "qingshen-6x",
                "year", "2026", "ownerOrgId", "" + t.facts().foreignBranchId()))));
        p.put("GET /assessment/systems/{id}", t -> t.page404(t.townshipWeb().get(page + "/systems/" + foreign(t)[0])));
        p.put("POST /assessment/systems/{id}/versions", t -> t.page404(t.townshipWeb().post(page + "/systems/" + foreign(t)[0]
                + "/versions", Map.of("body", "{}"))));
        p.put("POST /assessment/systems/{id}/form", t -> t.page404(t.townshipWeb().post(page + "/systems/" + foreign(t)[0]
                + "/form", Map.of("name", "x", "total", "100"))));
        p.put("POST /assessment/campaigns", t -> t.page404(t.townshipWeb().post(page + "/campaigns", Map.of("orgId",
                "" + t.facts().foreignBranchId(), "systemId", "" + foreign(t)[0], "name", "x"))));
        p.put("GET /assessment/campaigns/{id}", t -> t.page404(t.townshipWeb().get(page + "/campaigns/" + foreign(t)[1])));
        p.put("GET /assessment/campaigns/{id}/results.xlsx", t -> t.page404(t.townshipWeb().get(page + "/campaigns/" + foreign(t)[1] + "/results.xlsx")));
        p.put("POST /assessment/campaigns/{id}/sample", t -> t.page404(t.townshipWeb().post(page + "/campaigns/" + foreign(t)[1] + "/sample", Map.of("mode", "ALL"))));
        p.put("POST /assessment/campaigns/{id}/rescore", t -> t.page404(t.townshipWeb().post(page + "/campaigns/" + foreign(t)[1] + "/rescore", Map.of())));
        p.put("POST /assessment/campaigns/{id}/publish", t -> t.page404(t.townshipWeb().post(page + "/campaigns/" + foreign(t)[1] + "/publish", Map.of())));
        String result = page + "/campaigns/%d/results/%d";
        p.put("GET /assessment/campaigns/{id}/results/{orgId}", t -> t.page404(t.secretaryWeb().get(
                result.formatted(foreign(t)[1], t.facts().foreignBranchId()))));
        p.put("POST /assessment/campaigns/{id}/results/{orgId}/self-check", t -> t.page404(t.secretaryWeb().post(
                result.formatted(foreign(t)[1], t.facts().foreignBranchId()) + "/self-check", Map.of("comment", "x"))));
        p.put("POST /assessment/campaigns/{id}/results/{orgId}/spot-check", t -> t.page404(t.townshipWeb().post(
                result.formatted(foreign(t)[1], t.facts().foreignBranchId()) + "/spot-check", Map.of("rectification", "x"))));
        p.put("POST /assessment/campaigns/{id}/results/{orgId}/evidence", t -> t.page404(t.secretaryWeb().post(
                result.formatted(foreign(t)[1], t.facts().foreignBranchId()) + "/evidence", Map.of())));
        p.put("GET /assessment/evidence/{evidenceId}", t -> t.page404(t.secretaryWeb().get(page + "/evidence/" + foreign(t)[2])));
        return p;
    }
}
