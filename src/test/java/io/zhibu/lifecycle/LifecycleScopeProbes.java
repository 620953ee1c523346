package io.zhibu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** Scope probes of the lifecycle, roster import/export and transfer endpoints (issue 3). */
public class LifecycleScopeProbes implements ScopeProbeSet {
    private static volatile Long foreignTransferId;

    /** A transfer that lives wholly in the foreign township (created once per JVM by the administrator). */
    static long foreignTransfer(ScopeContext t) {
        if (foreignTransferId == null) {
            Api admin = t.as("admin");
            Api.Response r = admin.post("/api/v1/transfers", "{\"kind\":\"OUTGOING\",\"memberId\":" + t.facts().foreignMemberId()
                    + ",\"toOrgName\":\"系统外某支部\"}");
            if (r.status() == 201) {
                foreignTransferId = r.at("/id").asLong();
            } else { // already created by an earlier run in this JVM
                JsonNode items = admin.get("/api/v1/transfers?box=SENDING&size=200").at("/items");
                for (JsonNode i : items) {
                    if (i.get("memberId").asLong() == t.facts().foreignMemberId()) {
                        foreignTransferId = i.get("id").asLong();
                    }
                }
            }
        }
        return foreignTransferId;
    }

    @Override
    public Map<String, String> exempt() {
        return Map.of("GET /api/v1/members/imports/template.xlsx", "the empty template carries no data",
                "GET /members/import/template.xlsx", "the empty template carries no data");
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String none = "/" + UUID.randomUUID();
        // --- lifecycle API
        p.put("GET /api/v1/members/{id}/events", t -> t.api404("GET", "/api/v1/members/" + t.facts().foreignMemberId() + "/events"));
        p.put("POST /api/v1/members/{id}/events", t -> t.api404("POST", "/api/v1/members/" + t.facts().foreignMemberId() + "/events",
                "{\"type\":\"FLOW_ENDED\",\"effectiveOn\":\"2020-01-01\"}"));
        p.put("GET /api/v1/members/as-of", t -> {
            t.api404("GET", "/api/v1/members/as-of?orgId=" + t.facts().foreignBranchId());
            for (JsonNode m : t.secretary().get("/api/v1/members/as-of?size=200").at("/members/items")) {
                assertThat(m.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
            }
        });
        p.put("GET /api/v1/members/exited", t -> {
            t.api404("GET", "/api/v1/members/exited?orgId=" + t.facts().foreignBranchId());
            for (JsonNode m : t.secretary().get("/api/v1/members/exited?size=200").at("/items")) {
                assertThat(m.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
            }
        });
        // --- import / export API (import tokens belong to their uploader: another user's token answers 404)
        p.put("POST /api/v1/members/imports", t -> assertThat(t.as("member").send("POST", "/api/v1/members/imports", null).status())
                .isIn(400, 403, 415));
        p.put("GET /api/v1/members/imports/{token}", t -> t.api404("GET", "/api/v1/members/imports" + none));
        p.put("POST /api/v1/members/imports/{token}/commit", t -> t.api404("POST", "/api/v1/members/imports" + none + "/commit"));
        p.put("GET /api/v1/members/imports/{token}/errors.xlsx", t -> t.api404("GET", "/api/v1/members/imports" + none + "/errors.xlsx"));
        p.put("GET /api/v1/members/export.xlsx", t -> t.api404("GET", "/api/v1/members/export.xlsx?orgId=" + t.facts().foreignBranchId()));
        // --- transfers API
        p.put("GET /api/v1/transfers", t -> {
            long id = foreignTransfer(t);
            for (JsonNode i : t.secretary().get("/api/v1/transfers?size=200").at("/items")) {
                assertThat(i.get("id").asLong()).isNotEqualTo(id);
            }
        });
        p.put("GET /api/v1/transfers/overdue", t -> {
            Api.Response r = t.secretary().get("/api/v1/transfers/overdue");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /api/v1/transfers/{id}", t -> t.api404("GET", "/api/v1/transfers/" + foreignTransfer(t)));
        p.put("POST /api/v1/transfers/{id}/actions", t -> t.township404("POST", "/api/v1/transfers/" + foreignTransfer(t) + "/actions",
                "{\"action\":\"SUBMIT\",\"version\":0}"));
        p.put("POST /api/v1/transfers", t -> {
            Api.Response r = t.secretary().post("/api/v1/transfers", "{\"kind\":\"OUTGOING\",\"memberId\":"
                    + t.facts().foreignMemberId() + ",\"toOrgName\":\"x\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("memberId").doesNotContain(t.facts().foreignBranchName());
        });
        // --- pages
        p.put("GET /members/{id}/lifecycle", t -> t.page404(t.secretaryWeb().get("/members/" + t.facts().foreignMemberId() + "/lifecycle")));
        p.put("POST /members/{id}/lifecycle", t -> t.page404(t.secretaryWeb().post("/members/" + t.facts().foreignMemberId() + "/lifecycle",
                Map.of("type", "FLOW_ENDED", "effectiveOn", "2020-01-01"))));
        p.put("GET /members/as-of", t -> t.page404(t.secretaryWeb().get("/members/as-of?orgId=" + t.facts().foreignBranchId())));
        p.put("GET /members/exited", t -> t.page404(t.secretaryWeb().get("/members/exited?orgId=" + t.facts().foreignBranchId())));
        p.put("GET /members/import", t -> assertThat(t.secretaryWeb().get("/members/import").status()).isEqualTo(200));
        p.put("POST /members/import", t -> {
            WebSession.Page r = t.secretaryWeb().post("/members/import", Map.of());
            assertThat(r.status()).isIn(200, 400);
        });
        p.put("GET /members/import/{token}", t -> t.page404(t.secretaryWeb().get("/members/import" + none)));
        p.put("GET /members/import/{token}/progress", t -> t.page404(t.secretaryWeb().get("/members/import" + none + "/progress")));
        p.put("POST /members/import/{token}/commit", t -> t.page404(t.secretaryWeb().post("/members/import" + none + "/commit", Map.of())));
        p.put("GET /members/import/{token}/errors.xlsx", t -> t.page404(t.secretaryWeb().get("/members/import" + none + "/errors.xlsx")));
        p.put("GET /members/export.xlsx", t -> t.page404(t.secretaryWeb().get("/members/export.xlsx?orgId=" + t.facts().foreignBranchId())));
        p.put("GET /transfers", t -> {
            String body = t.secretaryWeb().get("/transfers").body();
            assertThat(body).doesNotContain("/transfers/" + foreignTransfer(t) + "\"");
        });
        p.put("GET /transfers/new", t -> assertThat(t.secretaryWeb().get("/transfers/new").status()).isEqualTo(200));
        p.put("GET /transfers/incoming/new", t -> assertThat(t.secretaryWeb().get("/transfers/incoming/new").status()).isEqualTo(200));
        p.put("POST /transfers", t -> {
            WebSession.Page r = t.secretaryWeb().post("/transfers", Map.of("kind", "INTERNAL", "memberId",
                    "" + t.facts().foreignMemberId(), "toOrgCode", "x"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("is-invalid").doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /transfers/{id}", t -> t.page404(t.secretaryWeb().get("/transfers/" + foreignTransfer(t))));
        p.put("POST /transfers/{id}/actions", t -> t.page404(t.townshipWeb().post("/transfers/" + foreignTransfer(t) + "/actions",
                Map.of("action", "SUBMIT", "version", "0"))));
        p.put("GET /transfers/{id}/letter", t -> t.page404(t.secretaryWeb().get("/transfers/" + foreignTransfer(t) + "/letter")));
        // --- terms and elections
        p.put("GET /api/v1/orgs/{id}/terms", t -> t.api404("GET", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/terms"));
        p.put("POST /api/v1/orgs/{id}/terms", t -> t.township404("POST", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/terms",
                "{\"startedOn\":\"2024-01-01\"}"));
        p.put("GET /api/v1/orgs/{id}/elections", t -> t.api404("GET", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/elections"));
        p.put("POST /api/v1/orgs/{id}/elections", t -> t.township404("POST", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/elections",
                "{\"heldOn\":\"2024-01-01\"}"));
        p.put("GET /api/v1/term-reminders", t -> {
            for (JsonNode r : t.township().get("/api/v1/term-reminders").json()) {
                assertThat(r.get("orgId").asLong()).isNotEqualTo(t.facts().foreignBranchId());
            }
        });
        p.put("GET /orgs/{id}/terms", t -> t.page404(t.secretaryWeb().get("/orgs/" + t.facts().foreignBranchId() + "/terms")));
        p.put("POST /orgs/{id}/terms", t -> t.page404(t.townshipWeb().post("/orgs/" + t.facts().foreignBranchId() + "/terms",
                Map.of("startedOn", "2024-01-01"))));
        p.put("POST /orgs/{id}/elections", t -> t.page404(t.townshipWeb().post("/orgs/" + t.facts().foreignBranchId() + "/elections",
                Map.of("heldOn", "2024-01-01"))));
        p.put("GET /orgs/term-reminders", t -> assertThat(t.townshipWeb().get("/orgs/term-reminders").body())
                .doesNotContain(t.facts().foreignBranchName()));
        p.put("GET /api/v1/orgs/tree-at", t -> {
            Api.Response r = t.secretary().get("/api/v1/orgs/tree-at?date=2000-01-01");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
            assertThat(t.secretary().get("/api/v1/orgs/tree-at?date=" + java.time.LocalDate.now()).body())
                    .doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /orgs/tree-at", t -> assertThat(t.secretaryWeb().get("/orgs/tree-at").body())
                .doesNotContain(t.facts().foreignBranchName()));
        return p;
    }
}
