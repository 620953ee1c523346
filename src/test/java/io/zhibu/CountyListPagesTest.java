package io.zhibu;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import io.zhibu.supervision.Rollups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lists that can hold a county's branches or members (issue #16 point 4): one page of 25 lines, a pager, a name
 * filter and a summary row over the whole list — on the demo county.
 */
class CountyListPagesTest extends IntegrationTest {
    @Autowired
    Rollups rollups;

    @Test
    void branchRankingIsPagedFilteredAndSummarized() {
        rollups.applyPending();
        Api api = as("county");
        tools.jackson.databind.JsonNode all = api.get("/api/v1/supervision/rankings?limit=10000").json();
        int branches = all.size();
        assertThat(branches).as("the demo county has more than a page of branches").isGreaterThan(25);
        WebSession county = new WebSession(port, "county", PASSWORD);
        WebSession.Page first = county.get("/supervision/rankings");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("id=\"ranking-total\"", "Total (" + branches + ")", "page=1", "id=\"ranking-filter\"");
        assertThat(rows(first.body())).isEqualTo(25);
        WebSession.Page second = county.get("/supervision/rankings?page=1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("Page 2 of " + ((branches + 24) / 25), "Total (" + branches + ")");
        String name = all.get(0).get("name").asText();
        WebSession.Page filtered = county.get("/supervision/rankings?q=" + Api.enc(name));
        assertThat(filtered.body()).contains(name, "Total (" + branches + ")").doesNotContain("Page 1 of");
        assertThat(county.get("/supervision/rankings?page=abc").status()).isEqualTo(400);
    }

    @Test
    void countyArrearsArePagedFilteredAndSummarized() {
        Api api = as("county");
        int arrears = api.get("/api/v1/dues/arrears").json().size();
        assertThat(arrears).as("the lived demo year leaves some arrears").isPositive();
        WebSession county = new WebSession(port, "county", PASSWORD);
        WebSession.Page first = county.get("/dues/arrears");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("id=\"arrears-total\"", "Total (" + arrears + ")", "id=\"arrears-filter\"");
        assertThat(rows(first.body())).isEqualTo(Math.min(25, arrears));
        if (arrears > 25) {
            WebSession.Page second = county.get("/dues/arrears?page=1");
            assertThat(second.body()).contains("Page 2 of " + ((arrears + 24) / 25), "Total (" + arrears + ")");
        }
        assertThat(county.get("/dues/arrears?level=REVIEW").status()).isEqualTo(200);
        assertThat(county.get("/dues/arrears?level=NONE").status()).isEqualTo(400);
    }

    @Test
    void termRemindersArePagedFilteredAndSummarized() {
        int due = as("county").get("/api/v1/term-reminders").json().size();
        WebSession county = new WebSession(port, "county", PASSWORD);
        WebSession.Page first = county.get("/orgs/term-reminders");
        assertThat(first.status()).isEqualTo(200);
        if (due == 0) {
            assertThat(first.body()).doesNotContain("id=\"term-due\"");
            return;
        }
        assertThat(first.body()).contains("id=\"term-total\"", "Total (" + due + ")", "id=\"term-filter\"");
        assertThat(rows(first.body())).isEqualTo(Math.min(25, due));
        if (due > 25) {
            assertThat(county.get("/orgs/term-reminders?page=1").body()).contains("Page 2 of " + ((due + 24) / 25));
        }
        assertThat(county.get("/orgs/term-reminders?reminder=OVERDUE&q=x").status()).isEqualTo(200);
        assertThat(county.get("/orgs/term-reminders?reminder=SOON").status()).isEqualTo(400);
    }

    private static int rows(String body) {
        String tbody = body.substring(body.indexOf("<tbody>"), body.indexOf("</tbody>"));
        return tbody.split("<tr", -1).length - 1;
    }
}
