package io.zhibu.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scope probes of 三务公开: an item of the foreign branch (published once by the administrator) answers 404 to the
 * secretary and the township staff; the secretary's own item answers 200 (positive owner case).
 */
public class DisclosureScopeProbes implements ScopeProbeSet {
    private static Long foreign;
    private static Long own;
    private static String ownToken;

    static String period() {
        return DisclosureRules.lastOverdue(Cadence.QUARTERLY, LocalDate.now(), 10);
    }

    static String form(long orgId, String audience) {
        return "{\"orgId\":" + orgId + ",\"category\":\"PARTY\",\"period\":\"" + period() + "\",\"title\":\"探针公开\","
                + "\"body\":\"组织建设：有。党员发展：有。党费收缴：有。\",\"audience\":\"" + audience + "\"}";
    }

    static synchronized long foreign(ScopeContext t) {
        if (foreign == null) {
            Api.Response r = t.as("admin").post("/api/v1/disclosures", form(t.facts().foreignBranchId(), "PUBLIC"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            foreign = r.at("/id").asLong();
        }
        return foreign;
    }

    static synchronized long own(ScopeContext t) {
        if (own == null) {
            Api.Response r = t.secretary().post("/api/v1/disclosures", form(t.facts().ownBranchId(), "PUBLIC"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            own = r.at("/id").asLong();
            String p = r.at("/publicPath").asText();
            ownToken = p.substring(p.lastIndexOf('/') + 1);
        }
        return own;
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String api = "/api/v1/disclosures";
        p.put("GET /api/v1/disclosures", t -> {
            long f = foreign(t);
            t.api404("GET", api + "?orgId=" + t.facts().foreignBranchId());
            t.township404("GET", api + "?orgId=" + t.facts().foreignBranchId(), null);
            assertThat(t.township().get(api + "?orgId=" + t.facts().townshipId()).body()).doesNotContain("\"id\":" + f + ",");
            long mine = own(t);
            Api.Response list = t.secretary().get(api);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":" + mine);
        });
        p.put("GET /api/v1/disclosures/{id}", t -> {
            t.api404("GET", api + "/" + foreign(t));
            t.township404("GET", api + "/" + foreign(t), null);
            assertThat(t.secretary().get(api + "/" + own(t)).status()).isEqualTo(200);
        });
        p.put("POST /api/v1/disclosures", t -> {
            t.api404("POST", api, form(t.facts().foreignBranchId(), "SUBTREE"));
            t.township404("POST", api, form(t.facts().foreignBranchId(), "SUBTREE"));
        });
        p.put("POST /api/v1/disclosures/{id}/withdraw", t -> {
            t.api404("POST", api + "/" + foreign(t) + "/withdraw", "{\"reason\":\"x\"}");
            t.township404("POST", api + "/" + foreign(t) + "/withdraw", "{\"reason\":\"x\"}");
        });
        // the public view: only a valid token opens it; the owner's token works
        p.put("GET /api/v1/disclosures/public/{token}", t -> {
            t.api404("GET", api + "/public/" + "A".repeat(43));
            own(t);
            assertThat(t.secretary().get(api + "/public/" + ownToken).status()).isEqualTo(200);
        });
        p.put("GET /public/disclosures/{token}", t -> {
            t.page404(t.secretaryWeb().get("/public/disclosures/" + "A".repeat(43)));
            own(t);
            assertThat(t.secretaryWeb().get("/public/disclosures/" + ownToken).status()).isEqualTo(200);
        });
        // --- pages
        p.put("GET /disclosures", t -> {
            t.page404(t.townshipWeb().get("/disclosures?orgId=" + t.facts().foreignBranchId()));
            t.page404(t.secretaryWeb().get("/disclosures?orgId=" + t.facts().foreignBranchId()));
            assertThat(t.secretaryWeb().get("/disclosures").status()).isEqualTo(200);
        });
        p.put("POST /disclosures", t -> t.page404(t.townshipWeb().post("/disclosures", Map.of("orgId",
                "" + t.facts().foreignBranchId(), "category", "PARTY", "period", period(), "title", "x", "body", "x",
                "audience", "SUBTREE"))));
        p.put("GET /disclosures/{id}", t -> {
            t.page404(t.secretaryWeb().get("/disclosures/" + foreign(t)));
            t.page404(t.townshipWeb().get("/disclosures/" + foreign(t)));
            assertThat(t.secretaryWeb().get("/disclosures/" + own(t)).status()).isEqualTo(200);
        });
        p.put("POST /disclosures/{id}/withdraw", t -> t.page404(t.townshipWeb().post("/disclosures/" + foreign(t) + "/withdraw",
                Map.of("reason", "x"))));
        return p;
    }
}
