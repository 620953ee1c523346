package io.zhibu.dues;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relief, remittance and reconciliation pages render and act for the roles that use them. */
class DuesMorePagesTest extends IntegrationTest {

    /** Follows a redirect (the Location header is absolute). */
    static WebSession.Page follow(WebSession web, WebSession.Page redirect) {
        java.net.URI u = java.net.URI.create(redirect.location());
        return web.get(u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }

    @Test
    void branchFilesAReliefAndTheTownshipApprovesItOnThePage() {
        WebSession web = new WebSession(port, "secretary", PASSWORD);
        long branch = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        long member = as("secretary").get("/api/v1/members?size=1").at("/items/0/id").asLong();
        WebSession.Page st = web.get("/dues/accounts/" + member);
        assertThat(st.body()).contains("id=\"relief-form\"").contains("name=\"correction\"");
        YearMonth far = YearMonth.now().minusYears(3); // months no other test uses
        WebSession.Page bad = web.post("/dues/accounts/" + member + "/reliefs", Map.of("kind", "EXEMPT",
                "from", far.toString(), "to", far.toString(), "reason", "", "decidedOn", LocalDate.now().toString()));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(follow(web, bad).body()).contains("alert-danger");
        WebSession.Page ok = web.post("/dues/accounts/" + member + "/reliefs", Map.of("kind", "EXEMPT",
                "from", far.toString(), "to", far.toString(), "reason", "页面测试", "decidedOn", LocalDate.now().toString()));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(follow(web, ok).body()).contains("alert-success").contains("id=\"reliefs\"");
        WebSession.Page branchPage = web.get("/dues/branch?orgId=" + branch);
        assertThat(branchPage.body()).contains("id=\"link-reliefs\"").contains("id=\"link-remittances\"")
                .contains("id=\"link-reconciliation\"");
        WebSession.Page own = web.get("/dues/reliefs?orgId=" + branch);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("页面测试").doesNotContain("approve-form"); // the branch cannot approve

        WebSession township = new WebSession(port, "township", PASSWORD);
        WebSession.Page queue = township.get("/dues/reliefs");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("页面测试").contains("approve-form");
        long id = as("township").get("/api/v1/dues/reliefs?status=PENDING").json().get(0).get("id").asLong();
        int version = 0;
        for (var r : as("township").get("/api/v1/dues/reliefs?status=PENDING").json()) {
            if ("页面测试".equals(r.get("reason").asText())) {
                id = r.get("id").asLong();
                version = r.get("version").asInt();
            }
        }
        WebSession.Page approved = township.post("/dues/reliefs/" + id + "/approve", Map.of("version", "" + version));
        assertThat(approved.status()).isEqualTo(302);
        assertThat(follow(township, approved).body()).contains("alert-success");
        assertThat(township.get("/dues/reliefs?status=APPROVED").body()).contains("页面测试");
    }

    @Test
    void remittanceAndReconciliationPagesRenderAndExport() {
        WebSession web = new WebSession(port, "secretary", PASSWORD);
        long branch = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        WebSession.Page r = web.get("/dues/remittances?orgId=" + branch);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"remittance-report\"").contains("id=\"remit-form\"");
        WebSession.Page bad = web.post("/dues/remittances", Map.of("orgId", "" + branch, "from", YearMonth.now().toString(),
                "to", YearMonth.now().toString(), "amount", "abc-not-a-number-0", "remittedOn", LocalDate.now().toString(),
                "voucherNo", "X"));
        assertThat(bad.status()).isIn(302, 400);
        String voucher = "PAGE-" + System.nanoTime();
        WebSession.Page ok = web.post("/dues/remittances", Map.of("orgId", "" + branch, "from", YearMonth.now().toString(),
                "to", YearMonth.now().toString(), "amount", "12.50", "remittedOn", LocalDate.now().toString(), "voucherNo", voucher));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(follow(web, ok).body()).contains(voucher);
        WebSession township = new WebSession(port, "township", PASSWORD);
        WebSession.Page tr = township.get("/dues/remittances");
        assertThat(tr.status()).isEqualTo(200);
        assertThat(tr.body()).contains(voucher).contains("confirm-form");
        WebSession.Page rec = web.get("/dues/reconciliation?orgId=" + branch);
        assertThat(rec.status()).as(rec.body()).isEqualTo(200);
        assertThat(rec.body()).contains("id=\"reconciliation\"").contains("id=\"reconciliation-xlsx\"");
        WebSession.Page tooLong = web.get("/dues/reconciliation?orgId=" + branch + "&from=2020-01&to=2026-01");
        assertThat(tooLong.status()).isEqualTo(200);
        assertThat(tooLong.body()).contains("alert-danger");
        assertThat(web.get("/dues/reconciliation.xlsx?orgId=" + branch).body()).startsWith("PK");
        WebSession member = new WebSession(port, "member", PASSWORD);
        assertThat(member.get("/dues/reliefs").status()).isEqualTo(403);
        assertThat(member.get("/dues/remittances").status()).isEqualTo(403);
    }
}
