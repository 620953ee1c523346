package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** Scope probes of the foundation's endpoints: orgs, members, audit, home and sign-in. */
public class CoreScopeProbes implements ScopeProbeSet {
    @Override
    public Map<String, String> exempt() {
        return Map.of(
            "POST /api/v1/auth/login", "public sign-in",
            "POST /api/v1/auth/logout", "revokes the caller's own token",
            "GET /api/v1/me", "the caller's own identity",
            "GET /login", "public sign-in page",
            "GET /", "home: built only from the caller's scope (checked in DataScopeTest.homeShowsOnlyOwnScope)",
            "ANY /error", "the error page: shows the status of the caller's own failed request, no data");
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        // --- pickers (issue 16): suggestions only from the caller's scope
        p.put("GET /pick/{kind}", t -> {
            String foreign = t.facts().foreignBranchName();
            assertThat(t.secretaryWeb().get("/pick/orgs?q=" + Api.enc(foreign)).body()).doesNotContain(foreign);
            assertThat(t.townshipWeb().get("/pick/orgs?q=" + Api.enc(foreign)).body()).doesNotContain(foreign);
            assertThat(t.secretaryWeb().get("/pick/members?orgId=" + t.facts().foreignBranchId()).body())
                    .doesNotContain("zb-pick-option");
            assertThat(t.secretaryWeb().get("/pick/meetings?orgId=" + t.facts().foreignBranchId()).body())
                    .doesNotContain("zb-pick-option");
        });
        // --- API: organizations
        p.put("GET /api/v1/orgs", t -> {
            for (JsonNode o : t.secretary().get("/api/v1/orgs").json()) {
                assertThat(o.get("path").asText()).startsWith(t.facts().ownBranchPath());
            }
            assertThat(t.secretary().get("/api/v1/orgs?q=" + Api.enc(t.facts().foreignBranchName())).json()).isEmpty();
        });
        p.put("GET /api/v1/orgs/{id}", t -> t.api404("GET", "/api/v1/orgs/" + t.facts().foreignBranchId()));
        p.put("GET /api/v1/orgs/{id}/detail", t -> t.api404("GET", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/detail"));
        p.put("GET /api/v1/orgs/{id}/children", t -> t.api404("GET", "/api/v1/orgs/" + t.facts().foreignTownshipId() + "/children"));
        p.put("GET /api/v1/orgs/{id}/history", t -> t.api404("GET", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/history"));
        p.put("POST /api/v1/orgs", t -> {
            Api.Response r = t.township().post("/api/v1/orgs", "{\"parentId\":" + t.facts().foreignTownshipId()
                    + ",\"name\":\"越权支部\",\"type\":\"JOINT_BRANCH\",\"domain\":\"RURAL\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("parentId");
        });
        p.put("PATCH /api/v1/orgs/{id}", t -> t.township404("PATCH", "/api/v1/orgs/" + t.facts().foreignBranchId(), "{\"name\":\"x\"}"));
        p.put("POST /api/v1/orgs/{id}/move", t -> t.township404("POST", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/move",
                "{\"newParentId\":" + t.facts().townshipId() + "}"));
        p.put("POST /api/v1/orgs/{id}/merge", t -> t.township404("POST", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/merge",
                "{\"targetId\":" + t.facts().ownBranchId() + "}"));
        p.put("POST /api/v1/orgs/{id}/dissolve", t -> t.township404("POST", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/dissolve",
                "{\"reason\":\"x\"}"));
        // --- API: members
        p.put("GET /api/v1/members", t -> {
            Api.Response all = t.secretary().get("/api/v1/members?size=200");
            assertThat(all.at("/total").asLong()).isPositive();
            for (JsonNode m : all.at("/items")) {
                assertThat(m.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
            }
            t.api404("GET", "/api/v1/members?orgId=" + t.facts().foreignBranchId());
            Api.Response member = t.as("member").get("/api/v1/members?size=200");
            assertThat(member.at("/total").asLong()).as("a member sees only themselves").isEqualTo(1);
        });
        p.put("GET /api/v1/members/{id}", t -> t.api404("GET", "/api/v1/members/" + t.facts().foreignMemberId()));
        p.put("POST /api/v1/members/{id}/reveal", t -> t.api404("POST", "/api/v1/members/" + t.facts().foreignMemberId() + "/reveal"));
        p.put("PUT /api/v1/members/{id}", t -> t.api404("PUT", "/api/v1/members/" + t.facts().foreignMemberId(), "{\"version\":0}"));
        p.put("POST /api/v1/members", t -> {
            Api.Response r = t.secretary().post("/api/v1/members", "{\"orgId\":" + t.facts().foreignBranchId()
                    + ",\"name\":\"越权\",\"idNumber\":\"11010519491231002X\",\"ethnicity\":\"01\",\"category\":\"FULL\",\"joinedOn\":\"1980-01-01\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"orgId\"");
        });
        // --- API: audit (audit role only; scope-limited for auditors)
        p.put("GET /api/v1/audit", t -> assertThat(t.secretary().get("/api/v1/audit").status()).isEqualTo(403));
        p.put("GET /api/v1/audit/chain", t -> assertThat(t.secretary().get("/api/v1/audit/chain").status()).isEqualTo(403));
        // --- pages
        p.put("GET /orgs", t -> {
            String body = t.secretaryWeb().get("/orgs?q=" + Api.enc(t.facts().foreignBranchName())).body();
            assertThat(body).doesNotContain("/orgs/" + t.facts().foreignBranchId() + "\"");
            assertThat(body).doesNotContain("/orgs/" + t.facts().foreignTownshipId() + "\"");
        });
        p.put("GET /orgs/{id}", t -> t.page404(t.secretaryWeb().get("/orgs/" + t.facts().foreignBranchId())));
        p.put("GET /orgs/{id}/children", t -> t.page404(t.secretaryWeb().get("/orgs/" + t.facts().foreignTownshipId() + "/children")));
        p.put("GET /orgs/new", t -> t.page404(t.townshipWeb().get("/orgs/new?parentId=" + t.facts().foreignTownshipId())));
        p.put("POST /orgs", t -> {
            WebSession.Page r = t.townshipWeb().post("/orgs", Map.of("parentId", "" + t.facts().foreignTownshipId(),
                    "name", "越权支部", "type", "JOINT_BRANCH", "domain", "RURAL"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("The parent organization does not exist or is outside your scope");
        });
        for (String action : new String[] {"rename", "move", "merge", "dissolve"}) {
            p.put("POST /orgs/{id}/" + action, t -> t.page404(t.townshipWeb().post("/orgs/" + t.facts().foreignBranchId() + "/" + action,
                    Map.of("name", "x", "newParentId", "" + t.facts().townshipId(), "targetId", "" + t.facts().ownBranchId(), "reason", "x"))));
        }
        p.put("GET /members", t -> {
            t.page404(t.secretaryWeb().get("/members?orgId=" + t.facts().foreignBranchId()));
            assertThat(t.secretaryWeb().get("/members?size=200").status()).isEqualTo(200);
        });
        p.put("GET /members/{id}", t -> t.page404(t.secretaryWeb().get("/members/" + t.facts().foreignMemberId())));
        p.put("GET /members/{id}/edit", t -> t.page404(t.secretaryWeb().get("/members/" + t.facts().foreignMemberId() + "/edit")));
        p.put("POST /members/{id}", t -> t.page404(t.secretaryWeb().post("/members/" + t.facts().foreignMemberId(), Map.of("version", "0"))));
        p.put("POST /members/{id}/reveal", t -> t.page404(t.secretaryWeb().post("/members/" + t.facts().foreignMemberId() + "/reveal", Map.of())));
        p.put("GET /members/new", t -> assertThat(t.secretaryWeb().get("/members/new").status()).isEqualTo(200));
        p.put("POST /members", t -> {
            WebSession.Page r = t.secretaryWeb().post("/members", Map.of("orgId", "" + t.facts().foreignBranchId(), "name", "越权",
                    "idNumber", "11010519491231002X", "ethnicity", "01", "category", "FULL", "joinedOn", "1980-01-01"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("is-invalid");
        });
        p.put("GET /audit", t -> assertThat(t.secretaryWeb().get("/audit").status()).isEqualTo(403));
        p.put("GET /audit/chain", t -> assertThat(t.secretaryWeb().get("/audit/chain").status()).isEqualTo(403));
        return p;
    }

}
