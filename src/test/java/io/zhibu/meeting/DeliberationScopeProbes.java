package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** Scope probes of 四议两公开: a matter of the foreign village (opened by the administrator) answers 404. */
public class DeliberationScopeProbes implements ScopeProbeSet {
    private static Long foreign;
    private static long foreignVillage;
    private static String foreignName;

    /** A matter of a village branch outside the demo township (the demo facts' foreign branch may not be rural). */
    private static synchronized long foreign(ScopeContext t) {
        if (foreign == null) {
            Api admin = t.as("admin");
            String township = admin.get("/api/v1/orgs/" + t.facts().townshipId()).at("/path").asText();
            for (JsonNode o : admin.get("/api/v1/orgs?type=BRANCH&limit=500").json()) {
                if (!o.get("path").asText().startsWith(township) && "RURAL".equals(o.path("domain").asText())) {
                    foreignVillage = o.get("id").asLong();
                    foreignName = o.get("name").asText();
                    break;
                }
            }
            assertThat(foreignName).as("a village outside the demo township").isNotNull();
            Api.Response r = admin.post("/api/v1/deliberations", "{\"orgId\":" + foreignVillage + ",\"title\":\"外村事项\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            foreign = r.at("/id").asLong();
        }
        return foreign;
    }

    private static void secretary404(ScopeContext t, String method, String path, String json) {
        Api.Response r = t.secretary().send(method, path, json);
        assertThat(r.status()).as(method + " " + path).isEqualTo(404);
        assertThat(r.body()).doesNotContain(foreignName);
    }

    private static String step() {
        return "{\"step\":\"PROPOSE\",\"heldOn\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "\",\"evidence\":\"越权\"}";
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String api = "/api/v1/deliberations";
        p.put("GET " + api, t -> {
            long id = foreign(t);
            for (JsonNode m : t.township().get(api).json()) {
                assertThat(m.get("id").asLong()).isNotEqualTo(id);
            }
            secretary404(t, "GET", api + "?orgId=" + foreignVillage, null);
        });
        p.put("POST " + api, t -> {
            foreign(t);
            Api.Response r = t.secretary().post(api, "{\"orgId\":" + foreignVillage + ",\"title\":\"越权\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"orgId\"").doesNotContain(foreignName);
        });
        p.put("GET " + api + "/{id}", t -> {
            secretary404(t, "GET", api + "/" + foreign(t), null);
            Api.Response r = t.township().get(api + "/" + foreign(t));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain(foreignName);
        });
        p.put("POST " + api + "/{id}/steps", t -> {
            secretary404(t, "POST", api + "/" + foreign(t) + "/steps", step());
            assertThat(t.as("admin").get(api + "/" + foreign(t)).at("/steps").size()).isZero();
        });
        p.put("GET " + api + "/rates", t -> {
            foreign(t);
            Api.Response r = t.township().get(api + "/rates");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(foreignName);
            secretary404(t, "GET", api + "/rates?orgId=" + foreignVillage, null);
        });
        p.put("GET /meetings/deliberations", t -> {
            foreign(t);
            assertThat(t.townshipWeb().get("/meetings/deliberations").body()).doesNotContain("外村事项");
            var page = t.secretaryWeb().get("/meetings/deliberations?orgId=" + foreignVillage);
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).doesNotContain(foreignName);
        });
        p.put("POST /meetings/deliberations", t -> {
            foreign(t);
            var page = t.secretaryWeb().post("/meetings/deliberations", Map.of("orgId",
                    String.valueOf(foreignVillage), "title", "越权页面"));
            assertThat(page.status()).isEqualTo(302);
            for (JsonNode m : t.as("admin").get(api + "?orgId=" + foreignVillage).json()) {
                assertThat(m.get("title").asText()).isNotEqualTo("越权页面");
            }
        });
        p.put("GET /meetings/deliberations/{id}", t -> {
            var page = t.secretaryWeb().get("/meetings/deliberations/" + foreign(t));
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).doesNotContain(foreignName);
        });
        p.put("POST /meetings/deliberations/{id}/steps", t -> {
            var page = t.secretaryWeb().post("/meetings/deliberations/" + foreign(t) + "/steps", Map.of("step", "PROPOSE",
                    "heldOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "evidence", "越权"));
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).doesNotContain(foreignName);
            assertThat(t.as("admin").get(api + "/" + foreign(t)).at("/steps").size()).isZero();
        });
        // step photos (issue 18 point 3)
        p.put("POST " + api + "/{id}/steps/{step}/photos", t -> {
            Api.Response r = t.secretary().multipart(api + "/" + foreign(t) + "/steps/PROPOSE/photos", "p.png",
                    io.zhibu.support.TestFiles.png());
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain(foreignName);
            assertThat(t.township().multipart(api + "/" + foreign(t) + "/steps/PROPOSE/photos", "p.png",
                    io.zhibu.support.TestFiles.png()).status()).isIn(403, 404);
        });
        p.put("GET " + api + "/{id}/photos/{photoId}", t -> {
            // no photo of the foreign matter is needed: the matter itself is not found first
            secretary404(t, "GET", api + "/" + foreign(t) + "/photos/1", null);
            Api.Response r = t.township().get(api + "/" + foreign(t) + "/photos/1");
            assertThat(r.status()).isEqualTo(404);
        });
        p.put("POST /meetings/deliberations/{id}/steps/{step}/photos", t -> {
            var page = t.secretaryWeb().post("/meetings/deliberations/" + foreign(t) + "/steps/PROPOSE/photos", Map.of());
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).doesNotContain(foreignName);
        });
        return p;
    }
}
