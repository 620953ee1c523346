package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** Scope probes of 换届选举程序: a procedure of the foreign branch answers 404 to the secretary and the township. */
public class ElectionProcessScopeProbes implements ScopeProbeSet {
    private static Long foreign;

    private static synchronized long foreign(ScopeContext t) {
        if (foreign == null) {
            Api admin = t.as("admin");
            long org = t.facts().foreignBranchId();
            for (JsonNode p : admin.get("/api/v1/orgs/" + org + "/election-processes").json()) {
                foreign = p.get("id").asLong();
            }
            if (foreign == null) {
                Api.Response r = admin.post("/api/v1/orgs/" + org + "/election-processes", "{\"note\":\"外支部换届请示\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                foreign = r.at("/id").asLong();
            }
        }
        return foreign;
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        p.put("POST /api/v1/orgs/{id}/election-processes", t -> t.township404("POST", "/api/v1/orgs/"
                + t.facts().foreignBranchId() + "/election-processes", "{\"note\":\"越权\"}"));
        p.put("GET /api/v1/orgs/{id}/election-processes", t -> t.api404("GET", "/api/v1/orgs/" + t.facts().foreignBranchId()
                + "/election-processes"));
        p.put("GET /api/v1/election-processes", t -> {
            long id = foreign(t);
            for (JsonNode x : t.township().get("/api/v1/election-processes").json()) {
                assertThat(x.get("id").asLong()).isNotEqualTo(id);
            }
        });
        p.put("GET /api/v1/election-processes/{id}", t -> t.api404("GET", "/api/v1/election-processes/" + foreign(t)));
        p.put("POST /api/v1/election-processes/{id}/steps", t -> {
            t.township404("POST", "/api/v1/election-processes/" + foreign(t) + "/steps", "{\"action\":\"APPROVE\"}");
            assertThat(t.as("admin").get("/api/v1/election-processes/" + foreign(t)).at("/stage").asText()).isEqualTo("REQUESTED");
        });
        p.put("POST /orgs/{id}/election-processes", t -> {
            var page = t.townshipWeb().post("/orgs/" + t.facts().foreignBranchId() + "/election-processes", Map.of("note", "x"));
            t.page404(page);
        });
        p.put("GET /orgs/election-processes", t -> {
            foreign(t);
            assertThat(t.townshipWeb().get("/orgs/election-processes").body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /election-processes/{id}/steps", t -> {
            long id = foreign(t);
            var page = t.townshipWeb().post("/election-processes/" + id + "/steps", Map.of("action", "APPROVE"));
            assertThat(page.body()).doesNotContain(t.facts().foreignBranchName());
            assertThat(t.as("admin").get("/api/v1/election-processes/" + id).at("/stage").asText()).isEqualTo("REQUESTED");
        });
        return p;
    }
}
