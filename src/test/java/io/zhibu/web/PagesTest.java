package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every role's pages render (Chinese by default, English on request) and forms show inline errors. */
class PagesTest extends IntegrationTest {

    @Test
    void eachRoleHasAHomePage() {
        for (String user : new String[] {"admin", "county", "township", "secretary", "member", "auditor", "secadmin"}) {
            WebSession s = new WebSession(port, user, PASSWORD);
            WebSession.Page home = s.get("/");
            assertThat(home.status()).as(user).isEqualTo(200);
            assertThat(home.body()).as(user).contains("id=\"home-role\"");
        }
    }

    @Test
    void staticFilesAreKeptAnHourAndRevalidatedWhilePagesAreNeverCached() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var css = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/css/zhibu.css"))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600").contains("private");
        String lastModified = css.headers().firstValue("Last-Modified").orElseThrow();
        var again = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/css/zhibu.css"))
                .header("If-Modified-Since", lastModified).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(again.statusCode()).as("revalidated, not sent again").isEqualTo(304);
        var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void unauthenticatedPagesRedirectToLogin() {
        var r = new io.zhibu.support.Api("http://localhost:" + port).get("/members");
        assertThat(r.status()).isEqualTo(302);
    }

    @Test
    void treeDetailRosterAndAuditRender() {
        WebSession county = new WebSession(port, "county", PASSWORD);
        assertThat(county.get("/orgs").body()).contains("id=\"org-tree\"");
        long countyId = as("county").get("/api/v1/me").at("/orgId").asLong();
        WebSession.Page detail = county.get("/orgs/" + countyId);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("id=\"subtree-count\"");
        assertThat(county.get("/orgs/" + countyId + "/children").body()).contains("org-link");
        WebSession.Page roster = county.get("/members?orgId=" + countyId + "&gender=FEMALE&ageBand=UP_TO_35");
        assertThat(roster.status()).isEqualTo(200);
        assertThat(roster.body()).contains("member-total");
        WebSession auditor = new WebSession(port, "auditor", PASSWORD);
        WebSession.Page audit = auditor.get("/audit?action=auth.login");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("audit-table").contains("auth.login");
    }

    @Test
    void languageSwitchesToEnglishAndStays() {
        WebSession s = new WebSession(port, "secretary", PASSWORD);
        assertThat(s.get("/members?lang=en").body()).contains("Member roster");
        assertThat(s.get("/orgs").body()).contains("Organization tree");
        assertThat(s.get("/orgs?lang=zh_CN").body()).contains("组织树");
    }

    @Test
    void memberFormShowsFieldErrorsInline() {
        WebSession s = new WebSession(port, "secretary", PASSWORD);
        long branch = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        WebSession.Page r = s.post("/members", Map.of("orgId", "" + branch, "name", "王<b>", "idNumber", "110105194912310021",
                "ethnicity", "01", "category", "FULL", "joinedOn", "1980-01-01"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("form-errors").contains("is-invalid");
        // issue 16: the re-shown form names the picked branch, not a placeholder
        String branchName = as("secretary").get("/api/v1/orgs/" + branch).at("/name").asText();
        assertThat(r.body()).contains("value=\"" + branchName + "\"").doesNotContain("已选择");
        // an id outside the caller's scope is not named
        var facts = io.zhibu.support.DemoFacts.discover(as("admin"), as("secretary"), as("township"));
        WebSession.Page foreign = s.post("/members", Map.of("orgId", "" + facts.foreignBranchId(), "name", "王<b>",
                "idNumber", "110105194912310021", "ethnicity", "01", "category", "FULL", "joinedOn", "1980-01-01"));
        assertThat(foreign.status()).isIn(200, 404);
        assertThat(foreign.body()).doesNotContain(facts.foreignBranchName());
    }

    @Test
    void healthAndApiDocsArePublic() {
        var api = new io.zhibu.support.Api("http://localhost:" + port);
        assertThat(api.get("/actuator/health").body()).contains("UP");
        assertThat(api.get("/v3/api-docs").body()).contains("/api/v1/members");
    }
}
