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
    private static Long foreignRelief;
    private static Long foreignRemittance;

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

    /** A pending relief of the foreign member, filed once by the platform administrator. */
    private static synchronized long foreignRelief(ScopeContext t) {
        if (foreignRelief == null) {
            Api.Response r = t.as("admin").post("/api/v1/dues/accounts/" + t.facts().foreignMemberId() + "/reliefs",
                    "{\"kind\":\"EXEMPT\",\"from\":\"2020-01\",\"to\":\"2020-03\",\"reason\":\"probe\","
                            + "\"decidedOn\":\"2020-01-05\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            foreignRelief = r.at("/id").asLong();
        }
        return foreignRelief;
    }

    /** A remittance of the foreign branch, recorded once by the platform administrator. */
    private static synchronized long foreignRemittance(ScopeContext t) {
        if (foreignRemittance == null) {
            Api.Response r = t.as("admin").post("/api/v1/dues/remittances", "{\"orgId\":" + t.facts().foreignBranchId()
                    + ",\"from\":\"2020-01\",\"to\":\"2020-03\",\"amount\":10,\"remittedOn\":\"2020-04-01\","
                    + "\"voucherNo\":\"PROBE-FOREIGN\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            foreignRemittance = r.at("/id").asLong();
        }
        return foreignRemittance;
    }

    private static Long foreignAllocation;

    /** 党费下拨 to the foreign branch (from its township), recorded once by the platform administrator. */
    private static synchronized long foreignAllocation(ScopeContext t) {
        if (foreignAllocation == null) {
            Api.Response r = t.as("admin").post("/api/v1/dues/allocations", allocation(t.facts().foreignBranchId(), "PROBE-A-FOREIGN"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            foreignAllocation = r.at("/id").asLong();
        }
        return foreignAllocation;
    }

    private static String allocation(long toOrgId, String decision) {
        String day = java.time.LocalDate.now().toString();
        return "{\"toOrgId\":" + toOrgId + ",\"amount\":10,\"allocatedOn\":\"" + day + "\",\"decisionNo\":\"" + decision
                + "\",\"decidedOn\":\"" + day + "\",\"purpose\":\"probe\"}";
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
        String relief = "{\"kind\":\"EXEMPT\",\"from\":\"2021-01\",\"to\":\"2021-02\",\"reason\":\"x\",\"decidedOn\":\"2021-01-05\"}";
        String remit = "{\"from\":\"2021-01\",\"to\":\"2021-02\",\"amount\":1,\"remittedOn\":\"2021-03-01\",\"voucherNo\":\"P-1\",\"orgId\":";
        p.put("POST /api/v1/dues/accounts/{memberId}/reliefs", t -> t.api404("POST", "/api/v1/dues/accounts/"
                + t.facts().foreignMemberId() + "/reliefs", relief));
        p.put("GET /api/v1/dues/accounts/{memberId}/reliefs", t -> {
            t.api404("GET", "/api/v1/dues/accounts/" + t.facts().foreignMemberId() + "/reliefs");
            assertThat(t.as("member").get("/api/v1/dues/accounts/" + t.facts().foreignMemberId() + "/reliefs").status())
                    .isEqualTo(404);
        });
        p.put("GET /api/v1/dues/reliefs", t -> {
            t.api404("GET", "/api/v1/dues/reliefs?orgId=" + t.facts().foreignBranchId());
            foreignRelief(t);
            for (var r : t.township().get("/api/v1/dues/reliefs?status=").json()) {
                assertThat(r.get("id").asLong()).isNotEqualTo(foreignRelief);
            }
        });
        p.put("POST /api/v1/dues/reliefs/{id}/approve", t -> {
            t.api404("POST", "/api/v1/dues/reliefs/" + foreignRelief(t) + "/approve", "{\"version\":0}");
            t.township404("POST", "/api/v1/dues/reliefs/" + foreignRelief(t) + "/approve", "{\"version\":0}");
        });
        p.put("POST /api/v1/dues/reliefs/{id}/reject", t -> t.township404("POST", "/api/v1/dues/reliefs/"
                + foreignRelief(t) + "/reject", "{\"version\":0,\"note\":\"x\"}"));
        p.put("POST /api/v1/dues/remittances", t -> {
            t.api404("POST", "/api/v1/dues/remittances", remit + t.facts().foreignBranchId() + "}");
            t.township404("POST", "/api/v1/dues/remittances", remit + t.facts().foreignTownshipId() + "}");
        });
        p.put("GET /api/v1/dues/remittances", t -> {
            t.api404("GET", "/api/v1/dues/remittances?orgId=" + t.facts().foreignBranchId());
            foreignRemittance(t);
            Api.Response own = t.township().get("/api/v1/dues/remittances?from=2020-01&to=2020-12");
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).doesNotContain("PROBE-FOREIGN").doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/dues/remittances/{id}/confirm", t -> {
            t.api404("POST", "/api/v1/dues/remittances/" + foreignRemittance(t) + "/confirm", "{\"version\":0}");
            t.township404("POST", "/api/v1/dues/remittances/" + foreignRemittance(t) + "/confirm", "{\"version\":0}");
        });
        // 党费下拨/返还 (issue 18 point 5)
        p.put("GET /api/v1/dues/allocations", t -> {
            t.api404("GET", "/api/v1/dues/allocations?orgId=" + t.facts().foreignBranchId());
            foreignAllocation(t);
            Api.Response own = t.township().get("/api/v1/dues/allocations"); // the owner sees its own ledger
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).doesNotContain("PROBE-A-FOREIGN").doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/dues/allocations", t -> {
            t.api404("POST", "/api/v1/dues/allocations", allocation(t.facts().foreignBranchId(), "P-1"));
            t.township404("POST", "/api/v1/dues/allocations", allocation(t.facts().foreignBranchId(), "P-1"));
            // positive owner case: the township allocates to its own branch
            Api.Response own = t.township().post("/api/v1/dues/allocations", allocation(t.facts().ownBranchId(), "PROBE-A-OWN"));
            assertThat(own.status()).as(own.body()).isEqualTo(201);
        });
        p.put("POST /api/v1/dues/allocations/{id}/reverse", t -> {
            t.api404("POST", "/api/v1/dues/allocations/" + foreignAllocation(t) + "/reverse", "{\"reason\":\"x\"}");
            t.township404("POST", "/api/v1/dues/allocations/" + foreignAllocation(t) + "/reverse", "{\"reason\":\"x\"}");
        });
        p.put("GET /api/v1/dues/reconciliation/report", t -> t.api404("GET", "/api/v1/dues/reconciliation/report?orgId="
                + t.facts().foreignBranchId()));
        p.put("GET /api/v1/dues/reconciliation.xlsx", t -> t.api404("GET", "/api/v1/dues/reconciliation.xlsx?orgId="
                + t.facts().foreignBranchId()));
        // --- pages
        p.put("POST /dues/accounts/{memberId}/reliefs", t -> t.page404(t.secretaryWeb().post("/dues/accounts/"
                + t.facts().foreignMemberId() + "/reliefs", Map.of("kind", "EXEMPT", "from", "2021-01", "to", "2021-02",
                "reason", "x", "decidedOn", "2021-01-05"))));
        p.put("GET /dues/reliefs", t -> t.page404(t.secretaryWeb().get("/dues/reliefs?orgId=" + t.facts().foreignBranchId())));
        p.put("POST /dues/reliefs/{id}/approve", t -> {
            t.page404(t.secretaryWeb().post("/dues/reliefs/" + foreignRelief(t) + "/approve", Map.of("version", "0")));
            t.page404(t.townshipWeb().post("/dues/reliefs/" + foreignRelief(t) + "/approve", Map.of("version", "0")));
        });
        p.put("POST /dues/reliefs/{id}/reject", t -> t.page404(t.townshipWeb().post("/dues/reliefs/" + foreignRelief(t)
                + "/reject", Map.of("version", "0", "note", "x"))));
        p.put("GET /dues/remittances", t -> t.page404(t.secretaryWeb().get("/dues/remittances?orgId=" + t.facts().foreignBranchId())));
        p.put("POST /dues/remittances", t -> t.page404(t.secretaryWeb().post("/dues/remittances", Map.of("orgId",
                "" + t.facts().foreignBranchId(), "from", "2021-01", "to", "2021-02", "amount", "1",
                "remittedOn", "2021-03-01", "voucherNo", "P-2"))));
        p.put("POST /dues/remittances/{id}/confirm", t -> t.page404(t.townshipWeb().post("/dues/remittances/"
                + foreignRemittance(t) + "/confirm", Map.of("version", "0"))));
        p.put("GET /dues/allocations", t -> {
            t.page404(t.secretaryWeb().get("/dues/allocations?orgId=" + t.facts().foreignBranchId()));
            assertThat(t.townshipWeb().get("/dues/allocations").status()).isEqualTo(200);
        });
        p.put("POST /dues/allocations", t -> t.page404(t.townshipWeb().post("/dues/allocations", Map.of("toOrgId",
                "" + t.facts().foreignBranchId(), "amount", "1", "allocatedOn", java.time.LocalDate.now().toString(),
                "decisionNo", "P-2", "decidedOn", java.time.LocalDate.now().toString(), "purpose", "probe"))));
        p.put("POST /dues/allocations/{id}/reverse", t -> t.page404(t.townshipWeb().post("/dues/allocations/"
                + foreignAllocation(t) + "/reverse", Map.of("reason", "x"))));
        p.put("GET /dues/reconciliation", t -> t.page404(t.secretaryWeb().get("/dues/reconciliation?orgId=" + t.facts().foreignBranchId())));
        p.put("GET /dues/reconciliation.xlsx", t -> t.page404(t.secretaryWeb().get("/dues/reconciliation.xlsx?orgId="
                + t.facts().foreignBranchId())));
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
