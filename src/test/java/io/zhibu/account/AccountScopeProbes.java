package io.zhibu.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Scope probes of the accounts endpoints (issue 15): a secretary sees and issues codes for their own branch's member
 * accounts only; managing accounts is the security administrator's alone (403 for everybody else).
 */
public class AccountScopeProbes implements ScopeProbeSet {
    @Override
    public Map<String, String> exempt() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("POST /api/v1/auth/activate", "public: activation with a one-time code");
        e.put("POST /api/v1/auth/mfa", "public: the second sign-in step with its challenge token");
        e.put("POST /api/v1/me/password", "the caller's own password");
        e.put("POST /api/v1/me/mfa", "the caller's own second factor");
        e.put("POST /api/v1/me/mfa/confirm", "the caller's own second factor");
        e.put("GET /activate", "public activation page");
        e.put("POST /activate", "public activation with a one-time code");
        e.put("GET /login/mfa", "the caller's own second sign-in step");
        e.put("POST /login/mfa", "the caller's own second sign-in step");
        e.put("GET /me/password", "the caller's own password");
        e.put("POST /me/password", "the caller's own password");
        e.put("GET /me/mfa", "the caller's own second factor");
        e.put("POST /me/mfa/start", "the caller's own second factor");
        e.put("POST /me/mfa", "the caller's own second factor");
        return e;
    }

    /** The account id of the foreign member (found by the security administrator, whose scope is everything). */
    private static long foreignAccount(ScopeContext t) {
        String login = String.format("M%08d", t.facts().foreignMemberId());
        return t.as("secadmin").get("/api/v1/accounts?q=" + login).at("/items/0/id").asLong();
    }

    private static void forbidden(Api.Response r, ScopeContext t) {
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        p.put("GET /api/v1/accounts", t -> {
            Api.Response all = t.secretary().get("/api/v1/accounts?size=200");
            assertThat(all.at("/total").asLong()).isPositive();
            for (JsonNode a : all.at("/items")) {
                assertThat(a.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
                assertThat(a.get("memberAccount").asBoolean()).isTrue();
            }
            t.api404("GET", "/api/v1/accounts?orgId=" + t.facts().foreignBranchId());
            forbidden(t.township().get("/api/v1/accounts"), t);
        });
        p.put("GET /api/v1/accounts/{id}", t -> t.api404("GET", "/api/v1/accounts/" + foreignAccount(t)));
        p.put("GET /api/v1/accounts/org-choices", t -> forbidden(t.township().get("/api/v1/accounts/org-choices?q=x"), t));
        p.put("POST /api/v1/accounts", t -> forbidden(t.township().post("/api/v1/accounts",
                "{\"username\":\"probe1\",\"displayName\":\"x\",\"role\":\"ORG_STAFF\",\"scopeOrgId\":"
                        + t.facts().foreignTownshipId() + "}"), t));
        p.put("POST /api/v1/accounts/{id}/role", t -> forbidden(t.secretary().post("/api/v1/accounts/" + foreignAccount(t)
                + "/role", "{\"role\":\"ORG_STAFF\",\"scopeOrgId\":" + t.facts().foreignTownshipId() + "}"), t));
        p.put("POST /api/v1/accounts/{id}/activation-codes", t ->
                t.api404("POST", "/api/v1/accounts/" + foreignAccount(t) + "/activation-codes", "{}"));
        for (String action : new String[] {"lock", "unlock", "disable", "enable", "revoke-sessions"}) {
            p.put("POST /api/v1/accounts/{id}/" + action, t -> {
                forbidden(t.secretary().post("/api/v1/accounts/" + foreignAccount(t) + "/" + action, null), t);
                forbidden(t.township().post("/api/v1/accounts/" + foreignAccount(t) + "/" + action, null), t);
            });
        }
        p.put("POST /api/v1/orgs/{id}/activation-codes", t ->
                t.api404("POST", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/activation-codes"));
        // --- pages
        p.put("GET /accounts", t -> {
            var page = t.secretaryWeb().get("/accounts");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain(t.facts().foreignBranchName());
            t.page404(t.secretaryWeb().get("/accounts?orgId=" + t.facts().foreignBranchId()));
        });
        p.put("POST /accounts/staff", t -> assertThat(t.townshipWeb().post("/accounts/staff",
                Map.of("username", "probe2", "displayName", "x", "role", "ORG_STAFF")).status()).isEqualTo(403));
        p.put("POST /accounts/{id}/{action:lock|unlock|disable|enable|code|revoke}", t -> {
            t.page404(t.secretaryWeb().post("/accounts/" + foreignAccount(t) + "/code", Map.of()));
            assertThat(t.secretaryWeb().post("/accounts/" + foreignAccount(t) + "/lock", Map.of()).status()).isEqualTo(403);
        });
        p.put("POST /accounts/branch-sheet", t -> t.page404(t.secretaryWeb().post("/accounts/branch-sheet",
                Map.of("orgId", String.valueOf(t.facts().foreignBranchId())))));
        return p;
    }
}
