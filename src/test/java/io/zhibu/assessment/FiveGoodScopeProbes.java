package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scope probes of the 五好 endpoints: an application of the foreign branch (made, passed and awarded once by the
 * administrator) answers 404 to the secretary and to the township staff, and its title is not in their register.
 */
public class FiveGoodScopeProbes implements ScopeProbeSet {
    private static final int YEAR = 2018;
    private static Long foreign;

    static synchronized long foreign(ScopeContext t) {
        if (foreign == null) {
            Api admin = t.as("admin");
            Api.Response a = admin.post("/api/v1/assessment/five-good", "{\"orgId\":" + t.facts().foreignBranchId()
                    + ",\"year\":" + YEAR + ",\"statement\":\"probe\"}");
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            long id = a.at("/id").asLong();
            assertThat(admin.post("/api/v1/assessment/five-good/" + id + "/review", "{\"decision\":\"PASS\"}").status()).isEqualTo(200);
            assertThat(admin.post("/api/v1/assessment/five-good/" + id + "/award", null).status()).isEqualTo(200);
            foreign = id;
        }
        return foreign;
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String api = "/api/v1/assessment/five-good";
        p.put("GET " + api, t -> {
            long id = foreign(t);
            for (Api a : new Api[]{t.secretary(), t.township()}) {
                Api.Response r = a.get(api + "?year=" + YEAR);
                assertThat(r.status()).isEqualTo(200);
                assertThat(longs(r.json(), "id")).doesNotContain(id);
                assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
            }
        });
        p.put("GET " + api + "/titles", t -> {
            foreign(t);
            Api.Response r = t.township().get(api + "/titles?year=" + YEAR);
            assertThat(r.status()).isEqualTo(200);
            assertThat(longs(r.json(), "orgId")).doesNotContain(t.facts().foreignBranchId());
        });
        p.put("GET " + api + "/eligibility", t -> {
            t.api404("GET", api + "/eligibility?orgId=" + t.facts().foreignBranchId() + "&year=" + YEAR);
            t.township404("GET", api + "/eligibility?orgId=" + t.facts().foreignBranchId() + "&year=" + YEAR, null);
        });
        p.put("GET " + api + "/{id}", t -> {
            t.api404("GET", api + "/" + foreign(t));
            t.township404("GET", api + "/" + foreign(t), null);
        });
        p.put("POST " + api, t -> t.township404("POST", api, "{\"orgId\":" + t.facts().foreignBranchId()
                + ",\"year\":2020,\"statement\":\"x\"}"));
        p.put("POST " + api + "/{id}/review", t -> t.township404("POST", api + "/" + foreign(t) + "/review",
                "{\"decision\":\"REJECT\",\"note\":\"x\"}"));
        p.put("POST " + api + "/{id}/award", t -> t.township404("POST", api + "/" + foreign(t) + "/award", null));
        p.put("POST " + api + "/{id}/checks", t -> t.township404("POST", api + "/" + foreign(t) + "/checks",
                "{\"checkedOn\":\"2018-06-01\",\"checker\":\"x\",\"findings\":\"y\"}"));
        // --- pages
        String page = "/assessment/five-good";
        p.put("GET " + page, t -> {
            foreign(t);
            WebSession.Page r = t.townshipWeb().get(page + "?year=" + YEAR);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET " + page + "/{id}", t -> {
            t.page404(t.townshipWeb().get(page + "/" + foreign(t)));
            t.page404(t.secretaryWeb().get(page + "/" + foreign(t)));
        });
        p.put("POST " + page, t -> t.page404(t.townshipWeb().post(page, Map.of("orgId",
                "" + t.facts().foreignBranchId(), "year", "2020", "statement", "x"))));
        p.put("POST " + page + "/{id}/review", t -> t.page404(t.townshipWeb().post(page + "/" + foreign(t) + "/review",
                Map.of("decision", "REJECT", "note", "x"))));
        p.put("POST " + page + "/{id}/award", t -> t.page404(t.townshipWeb().post(page + "/" + foreign(t) + "/award", Map.of())));
        p.put("POST " + page + "/{id}/checks", t -> t.page404(t.townshipWeb().post(page + "/" + foreign(t) + "/checks",
                Map.of("checkedOn", "2018-06-01", "checker", "x", "findings", "y"))));
        // --- 结果运用 (AssessmentOutcomes): the foreign branch is in neither list; designating it answers 404
        p.put("GET /api/v1/assessment/outcomes", t -> {
            Api.Response r = t.township().get("/api/v1/assessment/outcomes?year=" + (java.time.LocalDate.now().getYear() - 1));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/assessment/outcomes/weak-lax", t -> t.township404("POST", "/api/v1/assessment/outcomes/weak-lax",
                "{\"orgId\":" + t.facts().foreignBranchId() + ",\"year\":" + (java.time.LocalDate.now().getYear() - 1) + "}"));
        p.put("GET /assessment/outcomes", t -> {
            WebSession.Page r = t.townshipWeb().get("/assessment/outcomes");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /assessment/outcomes/weak-lax", t -> t.page404(t.townshipWeb().post("/assessment/outcomes/weak-lax",
                Map.of("orgId", "" + t.facts().foreignBranchId(), "year", "" + (java.time.LocalDate.now().getYear() - 1)))));
        return p;
    }

    static java.util.List<Long> longs(tools.jackson.databind.JsonNode node, String field) {
        return node.findValues(field).stream().map(tools.jackson.databind.JsonNode::asLong).toList();
    }
}
