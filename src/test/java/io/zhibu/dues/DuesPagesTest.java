package io.zhibu.dues;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every dues page renders for the roles that use it. */
class DuesPagesTest extends IntegrationTest {

    @Test
    void treasurerPagesRender() {
        WebSession web = new WebSession(port, "secretary", PASSWORD);
        long branch = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        long member = as("secretary").get("/api/v1/members?size=1").at("/items/0/id").asLong();
        assertThat(web.get("/dues").location()).contains("/dues/branch?orgId=" + branch);
        WebSession.Page page = web.get("/dues/branch?orgId=" + branch);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"accounts\"").contains("/dues/accounts/" + member);
        page = web.get("/dues/accounts/" + member);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"base-form\"").contains("id=\"offline-form\"").doesNotContain("id=\"pay-form\"");
        assertThat(web.get("/dues/arrears?orgId=" + branch).status()).isEqualTo(200);
        page = web.get("/dues/publicity?orgId=" + branch);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("@media print").contains("id=\"publicity\"");
        assertThat(web.get("/dues/publicity.xlsx?orgId=" + branch).body()).startsWith("PK");
        assertThat(web.get("/dues/collection").status()).isEqualTo(200);
        WebSession.Page issued = web.post("/dues/issue", Map.of("orgId", "" + branch, "period", YearMonth.now().toString()));
        assertThat(issued.status()).isEqualTo(302);
        WebSession.Page bad = web.post("/dues/accounts/" + member + "/base", Map.of("category", "EMPLOYED", "version", "0",
                "monthlyIncome", "abc"));
        assertThat(bad.status()).isIn(302, 400);
    }

    @Test
    void calculatorAndMemberPagesRender() {
        WebSession web = new WebSession(port, "member", PASSWORD);
        WebSession.Page q = web.get("/dues/quote?category=EMPLOYED&monthlyIncome=10000.01");
        assertThat(q.status()).isEqualTo(200);
        assertThat(q.body()).contains("id=\"quote-amount\"").contains("200.00");
        assertThat(web.get("/dues/quote?category=EMPLOYED").body()).contains("is-invalid");
        long self = as("member").get("/api/v1/me").at("/memberId").asLong();
        assertThat(web.get("/dues").location()).contains("/dues/accounts/" + self);
        WebSession.Page st = web.get("/dues/accounts/" + self);
        assertThat(st.status()).isEqualTo(200);
        assertThat(st.body()).contains("id=\"dues-paid-up-to\"").doesNotContain("id=\"base-form\"");
        Api county = as("county");
        assertThat(county.get("/api/v1/dues/collection").status()).isEqualTo(200);
        WebSession countyWeb = new WebSession(port, "county", PASSWORD);
        assertThat(countyWeb.get("/dues").location()).contains("/dues/collection");
        assertThat(countyWeb.get("/dues/collection").status()).isEqualTo(200);
    }
}
