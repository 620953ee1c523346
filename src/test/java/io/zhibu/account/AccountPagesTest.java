package io.zhibu.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15 pages: the security administrator's console (linked from their home), slips, separation of duties. */
class AccountPagesTest extends IntegrationTest {
    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @Test
    void securityAdministratorRunsTheConsoleFromTheHomePage() {
        WebSession sec = new WebSession(port, "secadmin", PASSWORD);
        assertThat(sec.get("/").body()).contains("id=\"home-accounts\"").contains("href=\"/accounts\"");
        WebSession.Page list = sec.get("/accounts?q=county");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("accounts-table").contains("county");
        long township = as("township").get("/api/v1/me").at("/orgId").asLong();
        String name = "pagestaff" + System.nanoTime() % 100_000;
        WebSession.Page created = sec.post("/accounts/staff", Map.of("username", name, "displayName", "页面建号",
                "role", "ORG_STAFF", "scopeOrgId", String.valueOf(township)));
        assertThat(created.status()).isEqualTo(302);
        String after = sec.get("/accounts").body();
        assertThat(after).contains(name).containsPattern("[A-Z2-9]{5}-[A-Z2-9]{5}");
        WebSession.Page bad = sec.post("/accounts/staff", Map.of("username", "x", "displayName", "", "role", "ORG_STAFF"));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(sec.get("/accounts").body()).contains("alert-danger");
    }

    @Test
    void platformAdministratorReadsNeitherAccountsNorTheAuditTrail() {
        WebSession admin = new WebSession(port, "admin", PASSWORD);
        assertThat(admin.get("/accounts").status()).isEqualTo(403);
        assertThat(admin.get("/audit").status()).isEqualTo(403);
        assertThat(admin.get("/").body()).doesNotContain("id=\"nav-audit\"");
        WebSession auditor = new WebSession(port, "auditor", PASSWORD);
        assertThat(auditor.get("/audit").status()).isEqualTo(200);
        assertThat(auditor.get("/accounts").status()).isEqualTo(403);
    }

    @Test
    void secretaryPrintsTheBranchSlipsAndTheActivationPageIsPublic() {
        WebSession secretary = new WebSession(port, "secretary", PASSWORD);
        long branch = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        WebSession.Page sheet = secretary.post("/accounts/branch-sheet", Map.of("orgId", String.valueOf(branch)));
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.body()).startsWith("%PDF-");
        assertThat(secretary.get("/accounts").body()).contains("accounts-table").doesNotContain("new-staff");
        assertThat(api().get("/activate").status()).isEqualTo(200);
        assertThat(secretary.get("/me/password").status()).isEqualTo(200);
        assertThat(secretary.get("/me/mfa").status()).isEqualTo(200);
    }

    @Test
    void anEnrolledStaffMemberEntersTheCodeOnThePageAfterThePassword() {
        Api secadmin = as("secadmin");
        String name = "pagemfa" + System.nanoTime() % 100_000;
        Api.Response created = secadmin.post("/api/v1/accounts", "{\"username\":\"" + name
                + "\",\"displayName\":\"审计二号\",\"role\":\"AUDITOR\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api().post("/api/v1/auth/activate", "{\"login\":\"" + name + "\",\"activationCode\":\""
                + created.at("/activationCode").asText() + "\",\"newPassword\":\"Audit#2026pw\"}").status()).isEqualTo(200);
        Api auditor = api().login(name, "Audit#2026pw");
        String secret = auditor.post("/api/v1/me/mfa", null).at("/secret").asText();
        assertThat(auditor.post("/api/v1/me/mfa/confirm", "{\"code\":\"" + Totp.code(secret, clock) + "\"}").status())
                .isEqualTo(200);

        WebSession web = new WebSession(port, name, "Audit#2026pw");
        WebSession.Page home = web.get("/audit");
        assertThat(home.status()).as("nothing before the second factor").isEqualTo(302);
        assertThat(home.location()).endsWith("/login/mfa");
        assertThat(web.post("/login/mfa", Map.of("code", "000000")).body()).contains("alert-danger");
        // the code of the next step (one step of drift): the enrolment's code is spent (no replay)
        WebSession.Page ok = web.post("/login/mfa", Map.of("code", Totp.code(secret, Clock.offset(clock, Totp.STEP))));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(web.get("/audit").status()).isEqualTo(200);
    }
}
