package io.zhibu.development;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.TestIds;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** Scope probes of the development endpoints: a person of the foreign branch is invisible to the secretary. */
public class DevelopmentScopeProbes implements ScopeProbeSet {
    private static Long foreignPerson;

    /** An applicant in the foreign branch, registered once per JVM by the administrator. */
    private static synchronized long foreign(ScopeContext t) {
        if (foreignPerson == null) {
            Api.Response r = t.as("admin").post("/api/v1/development/persons", Api.json(Map.of(
                    "orgId", t.facts().foreignBranchId(), "name", "外支部申请人", "idNumber", TestIds.fresh(true),
                    "ethnicity", "01", "appliedOn", LocalDate.now().minusDays(5).toString(), "attachments", "申请书")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            foreignPerson = r.at("/person/id").asLong();
        }
        return foreignPerson;
    }

    @Override
    public Map<String, String> exempt() {
        return Map.of("GET /api/v1/development/steps", "the static 25-step definition table, no organization data");
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String api = "/api/v1/development";
        p.put("GET " + api + "/persons", t -> {
            long id = foreign(t);
            for (JsonNode n : t.secretary().get(api + "/persons?size=200").at("/items")) {
                assertThat(n.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
                assertThat(n.get("id").asLong()).isNotEqualTo(id);
            }
            t.api404("GET", api + "/persons?orgId=" + t.facts().foreignBranchId());
        });
        p.put("POST " + api + "/persons", t -> {
            Api.Response r = t.secretary().post(api + "/persons", Api.json(Map.of("orgId", t.facts().foreignBranchId(),
                    "name", "越权", "idNumber", TestIds.fresh(false), "ethnicity", "01",
                    "appliedOn", LocalDate.now().minusDays(1).toString(), "attachments", "申请书")));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"orgId\"");
        });
        p.put("GET " + api + "/persons/{id}", t -> t.api404("GET", api + "/persons/" + foreign(t)));
        p.put("POST " + api + "/persons/{id}/steps/{stepNo}", t -> t.api404("POST", api + "/persons/" + foreign(t)
                + "/steps/2", "{\"version\":0,\"date\":\"" + LocalDate.now().minusDays(1) + "\",\"people\":\"x\"}"));
        p.put("POST " + api + "/persons/{id}/amendments", t -> t.api404("POST", api + "/persons/" + foreign(t)
                + "/amendments", "{\"version\":0,\"stepNo\":1,\"round\":1,\"date\":\"" + LocalDate.now().minusDays(2) + "\",\"reason\":\"x\"}"));
        p.put("POST " + api + "/persons/{id}/terminate", t -> t.api404("POST", api + "/persons/" + foreign(t)
                + "/terminate", "{\"version\":0,\"date\":\"" + LocalDate.now() + "\",\"reason\":\"x\"}"));
        p.put("GET " + api + "/todo", t -> {
            long id = foreign(t);
            for (JsonNode n : t.secretary().get(api + "/todo").json()) {
                assertThat(n.get("personId").asLong()).isNotEqualTo(id);
            }
            t.api404("GET", api + "/todo?orgId=" + t.facts().foreignBranchId());
        });
        p.put("GET " + api + "/pipeline", t -> {
            assertThat(t.secretary().get(api + "/pipeline").status()).isEqualTo(200);
            t.api404("GET", api + "/pipeline?orgId=" + t.facts().foreignBranchId());
        });
        p.put("PUT " + api + "/plans", t -> {
            Api.Response r = t.secretary().put(api + "/plans", "{\"orgId\":" + t.facts().foreignBranchId()
                    + ",\"year\":2099,\"planned\":7}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(t.as("admin").get(api + "/pipeline?year=2099&orgId=" + t.facts().foreignBranchId())
                    .at("/planned").asLong()).isZero();
        });
        // --- pages
        p.put("GET /development", t -> {
            WebSession.Page page = t.secretaryWeb().get("/development");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("外支部申请人");
            t.page404(t.secretaryWeb().get("/development?orgId=" + t.facts().foreignBranchId()));
        });
        p.put("GET /development/todo", t -> {
            assertThat(t.secretaryWeb().get("/development/todo").status()).isEqualTo(200);
            t.page404(t.secretaryWeb().get("/development/todo?orgId=" + t.facts().foreignBranchId()));
        });
        p.put("POST /development/plans", t -> {
            WebSession.Page r = t.secretaryWeb().post("/development/plans", Map.of("orgId", "" + t.facts().foreignBranchId(),
                    "year", "2098", "planned", "9"));
            assertThat(r.status()).isEqualTo(302);
            assertThat(t.as("admin").get(api + "/pipeline?year=2098&orgId=" + t.facts().foreignBranchId())
                    .at("/planned").asLong()).isZero();
        });
        p.put("GET /development/new", t -> assertThat(t.secretaryWeb().get("/development/new").status()).isEqualTo(200));
        p.put("POST /development", t -> {
            WebSession.Page r = t.secretaryWeb().post("/development", Map.of("orgId", "" + t.facts().foreignBranchId(),
                    "name", "越权", "idNumber", TestIds.fresh(true), "ethnicity", "01",
                    "appliedOn", LocalDate.now().minusDays(1).toString(), "attachments", "申请书"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("is-invalid");
        });
        p.put("GET /development/{id}", t -> t.page404(t.secretaryWeb().get("/development/" + foreign(t))));
        p.put("GET /development/{id}/dossier", t -> t.page404(t.secretaryWeb().get("/development/" + foreign(t) + "/dossier")));
        p.put("POST /development/{id}/steps/{stepNo}", t -> t.page404(t.secretaryWeb().post("/development/" + foreign(t)
                + "/steps/2", Map.of("version", "0", "date", LocalDate.now().toString(), "people", "x"))));
        p.put("POST /development/{id}/amend", t -> t.page404(t.secretaryWeb().post("/development/" + foreign(t) + "/amend",
                Map.of("version", "0", "stepNo", "1", "round", "1", "date", LocalDate.now().toString(), "reason", "x"))));
        p.put("POST /development/{id}/terminate", t -> t.page404(t.secretaryWeb().post("/development/" + foreign(t)
                + "/terminate", Map.of("version", "0", "date", LocalDate.now().toString(), "reason", "x"))));
        return p;
    }
}
