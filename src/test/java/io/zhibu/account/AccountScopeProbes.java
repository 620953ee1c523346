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
 * accounts only; managing accounts is the security administrator's alone (403 for everybody else). Each probe has
 * both halves: the foreign id answers 404 (or 403 to a role that may not manage accounts), and the owner — the
 * secretary for their branch's accounts, the security administrator for account management — gets 200.
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

    /**
     * The account of a member registered for the probe in the secretary's branch (unactivated, so issuing a code for
     * it resets nobody's password).
     */
    private static long ownAccount(ScopeContext t) {
        Api.Response m = t.secretary().post("/api/v1/members", "{\"orgId\":" + t.facts().ownBranchId()
                + ",\"name\":\"探针账号\",\"idNumber\":\"" + io.zhibu.support.TestIds.fresh(true)
                + "\",\"ethnicity\":\"01\",\"category\":\"FULL\",\"joinedOn\":\"2012-07-01\"}");
        assertThat(m.status()).as(m.body()).isEqualTo(201);
        String login = String.format("M%08d", m.at("/id").asLong());
        Api.Response a = t.secretary().get("/api/v1/accounts?q=" + login);
        assertThat(a.at("/total").asLong()).isEqualTo(1);
        return a.at("/items/0/id").asLong();
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
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
        p.put("GET /api/v1/accounts/{id}", t -> {
            t.api404("GET", "/api/v1/accounts/" + foreignAccount(t));
            ok(t.secretary().get("/api/v1/accounts/" + ownAccount(t)));
            ok(t.as("secadmin").get("/api/v1/accounts/" + foreignAccount(t)));
        });
        p.put("GET /api/v1/accounts/org-choices", t -> {
            forbidden(t.township().get("/api/v1/accounts/org-choices?q=x"), t);
            ok(t.as("secadmin").get("/api/v1/accounts/org-choices?q=x"));
        });
        p.put("POST /api/v1/accounts", t -> {
            String body = "{\"username\":\"probe" + System.nanoTime() % 1_000_000
                    + "\",\"displayName\":\"x\",\"role\":\"ORG_STAFF\",\"scopeOrgId\":" + t.facts().foreignTownshipId() + "}";
            forbidden(t.township().post("/api/v1/accounts", body), t);
            assertThat(t.as("secadmin").post("/api/v1/accounts", body).status()).isEqualTo(201);
        });
        p.put("POST /api/v1/accounts/{id}/role", t -> {
            forbidden(t.secretary().post("/api/v1/accounts/" + foreignAccount(t)
                    + "/role", "{\"role\":\"ORG_STAFF\",\"scopeOrgId\":" + t.facts().foreignTownshipId() + "}"), t);
            Api secadmin = t.as("secadmin");
            long staff = secadmin.post("/api/v1/accounts", "{\"username\":\"prole" + System.nanoTime() % 1_000_000
                    + "\",\"displayName\":\"x\",\"role\":\"ORG_STAFF\",\"scopeOrgId\":" + t.facts().townshipId() + "}")
                    .at("/id").asLong();
            ok(secadmin.post("/api/v1/accounts/" + staff + "/role", "{\"role\":\"ORG_STAFF\",\"scopeOrgId\":"
                    + t.facts().foreignTownshipId() + "}"));
        });
        p.put("POST /api/v1/accounts/{id}/activation-codes", t -> {
            t.api404("POST", "/api/v1/accounts/" + foreignAccount(t) + "/activation-codes", "{}");
            ok(t.secretary().post("/api/v1/accounts/" + ownAccount(t) + "/activation-codes", "{}"));
        });
        // the security administrator manages any account; the foreign member's is put back as it was
        String[][] pairs = {{"lock", "unlock"}, {"unlock", null}, {"disable", "enable"}, {"enable", null},
            {"revoke-sessions", null}};
        for (String[] pair : pairs) {
            String action = pair[0];
            p.put("POST /api/v1/accounts/{id}/" + action, t -> {
                forbidden(t.secretary().post("/api/v1/accounts/" + foreignAccount(t) + "/" + action, null), t);
                forbidden(t.township().post("/api/v1/accounts/" + foreignAccount(t) + "/" + action, null), t);
                Api secadmin = t.as("secadmin");
                ok(secadmin.post("/api/v1/accounts/" + foreignAccount(t) + "/" + action, null));
                if (pair[1] != null) {
                    ok(secadmin.post("/api/v1/accounts/" + foreignAccount(t) + "/" + pair[1], null));
                }
            });
        }
        p.put("POST /api/v1/orgs/{id}/activation-codes", t -> {
            t.api404("POST", "/api/v1/orgs/" + t.facts().foreignBranchId() + "/activation-codes");
            ownAccount(t);
            Api.Response own = t.secretary().post("/api/v1/orgs/" + t.facts().ownBranchId() + "/activation-codes", null);
            ok(own);
            assertThat(own.at("/total").asLong()).isPositive();
        });
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
            var own = t.secretaryWeb().post("/accounts/" + ownAccount(t) + "/code", Map.of());
            assertThat(own.status()).as("the owner's code page").isIn(200, 302);
        });
        p.put("POST /accounts/branch-sheet", t -> {
            t.page404(t.secretaryWeb().post("/accounts/branch-sheet",
                    Map.of("orgId", String.valueOf(t.facts().foreignBranchId()))));
            ownAccount(t);
            var own = t.secretaryWeb().post("/accounts/branch-sheet", Map.of("orgId", String.valueOf(t.facts().ownBranchId())));
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).startsWith("%PDF");
        });
        return p;
    }
}
