package io.zhibu.dues;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Scope probes of every dues endpoint: the foreign branch's accounts, bills and payments answer 404. */
public class DuesScopeProbes implements ScopeProbeSet {
    private static Long foreignPayment;

    @Override
    public Map<String, String> exempt() {
        return Map.of("GET /api/v1/dues/quote", "pure calculation from the query parameters, no organization data",
                "GET /dues/quote", "the calculator page, no organization data");
    }

    /** A cash payment of the foreign member, recorded once by the platform administrator. */
    private static synchronized long foreignPayment(ScopeContext t) {
        if (foreignPayment == null) {
            Api.Response r = t.as("admin").post("/api/v1/dues/accounts/" + t.facts().foreignMemberId() + "/offline-payments",
                    "{\"upTo\":\"" + YearMonth.now() + "\",\"method\":\"CASH\",\"receiptNo\":\"PROBE\","
                            + "\"idempotencyKey\":\"scope-probe-foreign-payment\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            foreignPayment = r.at("/id").asLong();
        }
        return foreignPayment;
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String current = YearMonth.now().toString();
        String cash = "{\"upTo\":\"" + current + "\",\"method\":\"CASH\",\"receiptNo\":\"X\",\"idempotencyKey\":\"probe-key-1\"}";
        // --- API
        p.put("GET /api/v1/dues/accounts", t -> t.api404("GET", "/api/v1/dues/accounts?orgId=" + t.facts().foreignBranchId()));
        p.put("GET /api/v1/dues/accounts/{memberId}", t -> {
            t.api404("GET", "/api/v1/dues/accounts/" + t.facts().foreignMemberId());
            assertThat(t.as("member").get("/api/v1/dues/accounts/" + t.facts().ownMemberId()).status()).isIn(200, 404);
        });
        p.put("PUT /api/v1/dues/accounts/{memberId}/base", t -> t.api404("PUT", "/api/v1/dues/accounts/"
                + t.facts().foreignMemberId() + "/base", "{\"category\":\"FARMER\",\"version\":0}"));
        p.put("POST /api/v1/dues/bills/issue", t -> t.api404("POST", "/api/v1/dues/bills/issue",
                "{\"period\":\"" + current + "\",\"orgId\":" + t.facts().foreignBranchId() + "}"));
        p.put("POST /api/v1/dues/accounts/{memberId}/pay", t -> {
            Api.Response r = t.as("member").post("/api/v1/dues/accounts/" + t.facts().foreignMemberId() + "/pay",
                    "{\"idempotencyKey\":\"probe-key-2\"}");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/dues/accounts/{memberId}/offline-payments", t -> t.api404("POST",
                "/api/v1/dues/accounts/" + t.facts().foreignMemberId() + "/offline-payments", cash));
        p.put("GET /api/v1/dues/payments/{id}", t -> t.api404("GET", "/api/v1/dues/payments/" + foreignPayment(t)));
        p.put("POST /api/v1/dues/payments/{id}/reverse", t -> t.api404("POST", "/api/v1/dues/payments/"
                + foreignPayment(t) + "/reverse", "{\"reason\":\"x\"}"));
        p.put("GET /api/v1/dues/arrears", t -> {
            t.api404("GET", "/api/v1/dues/arrears?orgId=" + t.facts().foreignBranchId());
            for (var a : t.secretary().get("/api/v1/dues/arrears").json()) {
                assertThat(a.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
            }
        });
        p.put("GET /api/v1/dues/publicity", t -> t.api404("GET", "/api/v1/dues/publicity?orgId=" + t.facts().foreignBranchId()));
        p.put("GET /api/v1/dues/publicity.xlsx", t -> t.api404("GET", "/api/v1/dues/publicity.xlsx?orgId=" + t.facts().foreignBranchId()));
        p.put("GET /api/v1/dues/collection", t -> {
            t.api404("GET", "/api/v1/dues/collection?orgId=" + t.facts().foreignBranchId());
            for (var b : t.secretary().get("/api/v1/dues/collection").at("/branches")) {
                assertThat(b.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
            }
        });
        p.put("GET /api/v1/dues/reconciliation", t -> t.api404("GET", "/api/v1/dues/reconciliation?orgId=" + t.facts().foreignBranchId()));
        p.put("POST /api/v1/dues/callbacks/{gateway}", t -> {
            // no user context: only a valid signature is accepted, and the answer is a status word
            Api.Response r = t.secretary().post("/api/v1/dues/callbacks/SANDBOX",
                    "paymentId=" + foreignPayment(t) + "&status=FAILED");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/dues/payroll", t -> {
            Api.Response r = DuesApiTest.upload(t.secretary(), "/api/v1/dues/payroll?orgId=" + t.facts().foreignBranchId(),
                    "p.csv", "身份证号,基本工资\n11010519491231002X,3000\n");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        // --- pages
        p.put("POST /dues/payroll", t -> {
            // a page form post without the multipart file is refused before any data is touched
            WebSession.Page r = t.secretaryWeb().post("/dues/payroll?orgId=" + t.facts().foreignBranchId(), Map.of());
            t.page404(r);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /dues", t -> {
            WebSession.Page r = t.secretaryWeb().get("/dues");
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.location()).contains("orgId=" + t.facts().ownBranchId());
        });
        p.put("GET /dues/accounts/{memberId}", t -> t.page404(t.secretaryWeb().get("/dues/accounts/" + t.facts().foreignMemberId())));
        p.put("POST /dues/accounts/{memberId}/pay", t -> {
            WebSession.Page r = t.secretaryWeb().post("/dues/accounts/" + t.facts().foreignMemberId() + "/pay",
                    Map.of("idempotencyKey", "probe-key-3"));
            assertThat(r.status()).isIn(403, 404);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /dues/accounts/{memberId}/offline", t -> t.page404(t.secretaryWeb().post("/dues/accounts/"
                + t.facts().foreignMemberId() + "/offline", Map.of("upTo", current, "method", "CASH", "receiptNo", "X",
                "idempotencyKey", "probe-key-4"))));
        p.put("POST /dues/accounts/{memberId}/base", t -> t.page404(t.secretaryWeb().post("/dues/accounts/"
                + t.facts().foreignMemberId() + "/base", Map.of("category", "FARMER", "version", "0"))));
        p.put("GET /dues/payments/{id}", t -> t.page404(t.secretaryWeb().get("/dues/payments/" + foreignPayment(t))));
        p.put("POST /dues/payments/{id}/reverse", t -> t.page404(t.secretaryWeb().post("/dues/payments/"
                + foreignPayment(t) + "/reverse", Map.of("reason", "x"))));
        p.put("GET /dues/branch", t -> t.page404(t.secretaryWeb().get("/dues/branch?orgId=" + t.facts().foreignBranchId())));
        p.put("POST /dues/issue", t -> t.page404(t.secretaryWeb().post("/dues/issue",
                Map.of("period", current, "orgId", "" + t.facts().foreignBranchId()))));
        p.put("GET /dues/arrears", t -> t.page404(t.secretaryWeb().get("/dues/arrears?orgId=" + t.facts().foreignBranchId())));
        p.put("GET /dues/publicity", t -> t.page404(t.secretaryWeb().get("/dues/publicity?orgId=" + t.facts().foreignBranchId())));
        p.put("GET /dues/publicity.xlsx", t -> t.page404(t.secretaryWeb().get("/dues/publicity.xlsx?orgId=" + t.facts().foreignBranchId())));
        p.put("GET /dues/collection", t -> t.page404(t.secretaryWeb().get("/dues/collection?orgId=" + t.facts().foreignBranchId())));
        return p;
    }
}
