package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 16: the member's app-like home, the county's home with its warnings and to-dos, error pages, pickers. */
class HomePagesTest extends IntegrationTest {

    @Test
    void memberHomeShowsTheRealNameTheBranchAndTheTiles() {
        JsonNode me = as("member").get("/api/v1/me").json();
        String name = me.at("/displayName").asText();
        String branch = as("secretary").get("/api/v1/members/" + me.at("/memberId").asLong()).at("/orgName").asText();
        WebSession member = new WebSession(port, "member", PASSWORD);
        String home = member.get("/").body();
        assertThat(name).isNotBlank().isNotEqualTo("member");
        assertThat(home).contains("id=\"welcome\"", name, "id=\"home-branch\"", branch)
                .doesNotContain("Welcome, member");
        for (String tile : new String[] {"tile-checkin", "tile-dues", "tile-learning", "tile-quiz", "tile-points",
                "tile-activities", "tile-meetings", "tile-hours"}) {
            assertThat(home).as(tile).contains("id=\"" + tile + "\"");
        }
        assertThat(home).contains("id=\"due-now\"", "id=\"tabbar\"", "data-zb-large", "/app/manifest.webmanifest");
        // a member's menu never offers the roster export or the API docs
        assertThat(home).doesNotContain("/members/export.xlsx", "/swagger-ui", "id=\"nav-warnings\"");
        assertThat(member.get("/sw.js").body()).contains("self.addEventListener('fetch'");
        assertThat(member.get("/app/manifest.webmanifest").body()).contains("\"display\": \"standalone\"");
    }

    @Test
    void countyHomeShowsOpenWarningsAndToDos() {
        Api county = as("county");
        long open = 0;
        for (JsonNode c : county.get("/api/v1/warnings/counts").json()) {
            open += c.at("/count").asLong();
        }
        WebSession web = new WebSession(port, "county", PASSWORD);
        String home = web.get("/").body();
        assertThat(home).contains("id=\"home-warnings\"", "id=\"todo-card\"");
        if (open > 0) {
            assertThat(home).contains("class=\"py-1 border-bottom d-flex justify-content-between gap-2 warning-group\"")
                    .contains("id=\"warning-total\">" + open + "<");
        }
        assertThat(home).doesNotContain("id=\"todos-empty\"").contains("todo-line");

        // issue 16 §5: the to-do page is grouped by kind, each group named, each task once
        String todos = web.get("/todos").body();
        assertThat(todos).contains("class=\"mb-3 todo-group\"");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a class=\"list-group-item list-group-item-action "
                + "todo-entry\" href=\"([^\"]*)\">\\s*<div[^>]*>\\s*<span>([^<]*)</span>").matcher(todos);
        java.util.Set<String> seen = new java.util.HashSet<>();
        int entries = 0;
        while (m.find()) {
            entries++;
            assertThat(seen.add(m.group(1) + " " + m.group(2))).as("shown once: " + m.group(2)).isTrue();
        }
        assertThat(entries).isPositive();
    }

    @Test
    void unknownPagesAreHtmlInsideTheLayoutAndApiErrorsAreProblemDetails() {
        WebSession web = new WebSession(port, "secretary", PASSWORD);
        WebSession.Page page = web.get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("zb-navbar", "id=\"error-message\"", "href=\"/\"").doesNotStartWith("{");
        Api.Response api = as("secretary").get("/api/v1/no-such-thing");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body()).startsWith("{");
    }

    @Test
    void pickersSuggestWithinTheScope() {
        WebSession secretary = new WebSession(port, "secretary", PASSWORD);
        JsonNode some = as("secretary").get("/api/v1/members?size=1").at("/items/0");
        String initials = io.zhibu.shared.PinyinInitials.of(some.at("/name").asText());
        String found = secretary.get("/pick/members?q=" + initials).body();
        assertThat(found).contains("zb-pick-option", "data-id=\"" + some.at("/id").asText() + "\"");
        String branches = secretary.get("/pick/orgs?q=&types=BRANCH").body();
        assertThat(branches).contains("zb-pick-option");
        assertThat(new WebSession(port, "member", PASSWORD).get("/pick/members?q=a").status()).isEqualTo(403);
    }
}
