package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** Scope probes of the 延期换届 endpoints: a deferral of a branch in the foreign township answers 404. */
public class TermDeferralScopeProbes implements ScopeProbeSet {
    private static long[] foreign; // {orgId, deferralId}

    /** A joint branch of the foreign township with a due term and an open deferral request, made once by the admin. */
    private static synchronized long[] foreign(ScopeContext t) {
        if (foreign == null) {
            Api admin = t.as("admin");
            Api.Response org = admin.post("/api/v1/orgs", "{\"parentId\":" + t.facts().foreignTownshipId() + ",\"name\":"
                    + Api.quote(t.facts().foreignBranchName() + "延期探针") + ",\"type\":\"JOINT_BRANCH\",\"domain\":\"AGENCY\","
                    + "\"termStartedOn\":\"" + LocalDate.now().minusYears(3).plusMonths(1) + "\"}");
            assertThat(org.status()).as(org.body()).isEqualTo(201);
            long orgId = org.at("/id").asLong();
            Api.Response d = admin.post("/api/v1/orgs/" + orgId + "/term-deferrals", "{\"months\":2,\"reason\":\"探针\"}");
            assertThat(d.status()).as(d.body()).isEqualTo(201);
            foreign = new long[] {orgId, d.at("/id").asLong()};
        }
        return foreign;
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        p.put("POST /api/v1/orgs/{id}/term-deferrals", t -> t.township404("POST", "/api/v1/orgs/" + foreign(t)[0]
                + "/term-deferrals", "{\"months\":2,\"reason\":\"x\"}"));
        p.put("GET /api/v1/orgs/{id}/term-deferrals", t -> t.api404("GET", "/api/v1/orgs/" + foreign(t)[0] + "/term-deferrals"));
        p.put("GET /api/v1/term-deferrals", t -> {
            long id = foreign(t)[1];
            for (JsonNode d : t.township().get("/api/v1/term-deferrals").json()) {
                assertThat(d.get("id").asLong()).isNotEqualTo(id);
            }
        });
        p.put("GET /api/v1/term-deferrals/{id}", t -> t.api404("GET", "/api/v1/term-deferrals/" + foreign(t)[1]));
        p.put("POST /api/v1/term-deferrals/{id}/decision", t -> t.township404("POST", "/api/v1/term-deferrals/"
                + foreign(t)[1] + "/decision", "{\"action\":\"APPROVE\",\"version\":0}"));
        p.put("POST /orgs/{id}/term-deferrals", t -> t.page404(t.townshipWeb().post("/orgs/" + foreign(t)[0]
                + "/term-deferrals", Map.of("months", "2", "reason", "x"))));
        p.put("GET /orgs/term-deferrals", t -> {
            foreign(t);
            assertThat(t.townshipWeb().get("/orgs/term-deferrals").body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /term-deferrals/{id}/decision", t -> {
            long id = foreign(t)[1];
            var page = t.townshipWeb().post("/term-deferrals/" + id + "/decision", Map.of("action", "APPROVE", "version", "0"));
            assertThat(page.body()).doesNotContain(t.facts().foreignBranchName());
            assertThat(t.as("admin").get("/api/v1/term-deferrals/" + id).at("/status").asText()).isEqualTo("REQUESTED");
        });
        // --- 成立党支部 requests (R1.1): one of the foreign township, filed once by the admin
        p.put("POST /api/v1/org-setup-requests", t -> t.township404("POST", "/api/v1/org-setup-requests", "{\"parentId\":"
                + t.facts().foreignTownshipId() + ",\"name\":\"x\",\"type\":\"JOINT_BRANCH\",\"domain\":\"AGENCY\","
                + "\"hostUnit\":\"x\",\"reason\":\"x\",\"memberIds\":[" + t.facts().foreignMemberId() + "]}"));
        p.put("GET /api/v1/org-setup-requests", t -> {
            long id = foreignSetup(t);
            for (JsonNode r : t.township().get("/api/v1/org-setup-requests").json()) {
                assertThat(r.get("id").asLong()).isNotEqualTo(id);
            }
        });
        p.put("GET /api/v1/org-setup-requests/{id}", t -> t.township404("GET", "/api/v1/org-setup-requests/" + foreignSetup(t), null));
        p.put("POST /api/v1/org-setup-requests/{id}/decision", t -> t.township404("POST", "/api/v1/org-setup-requests/"
                + foreignSetup(t) + "/decision", "{\"action\":\"APPROVE\",\"version\":0}"));
        p.put("GET /orgs/setup-requests", t -> {
            foreignSetup(t);
            assertThat(t.townshipWeb().get("/orgs/setup-requests").body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /orgs/setup-requests", t -> t.page404(t.townshipWeb().post("/orgs/setup-requests", Map.of("parentId",
                String.valueOf(t.facts().foreignTownshipId()), "name", "x", "type", "JOINT_BRANCH", "domain", "AGENCY",
                "hostUnit", "x", "reason", "x", "memberIds", String.valueOf(t.facts().foreignMemberId())))));
        p.put("GET /orgs/setup-requests/{id}", t -> t.page404(t.townshipWeb().get("/orgs/setup-requests/" + foreignSetup(t))));
        p.put("POST /orgs/setup-requests/{id}/decision", t -> {
            long id = foreignSetup(t);
            t.page404(t.townshipWeb().post("/orgs/setup-requests/" + id + "/decision", Map.of("action", "APPROVE", "version", "0")));
            assertThat(t.as("admin").get("/api/v1/org-setup-requests/" + id).at("/status").asText()).isEqualTo("SUBMITTED");
        });
        return p;
    }

    private static Long foreignSetup;

    /** A joint-branch request of the foreign township (name carries the foreign branch's name), filed once by the admin. */
    private static synchronized long foreignSetup(ScopeContext t) {
        if (foreignSetup == null) {
            Api.Response r = t.as("admin").post("/api/v1/org-setup-requests", "{\"parentId\":" + t.facts().foreignTownshipId()
                    + ",\"name\":" + Api.quote(t.facts().foreignBranchName() + "联合探针") + ",\"type\":\"JOINT_BRANCH\","
                    + "\"domain\":\"AGENCY\",\"hostUnit\":\"探针单位\",\"reason\":\"探针\",\"memberIds\":["
                    + t.facts().foreignMemberId() + "]}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            foreignSetup = r.at("/id").asLong();
        }
        return foreignSetup;
    }
}
