package io.zhibu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Dashboard, big screen, rankings and bulletin pages, and the bulletin's PDF and .xlsx. */
class SupervisionPagesTest extends IntegrationTest {
    @Autowired
    Rollups rollups;

    @Test
    void countyDashboardDrillsToItsTownshipsAndShowsTheFigures() {
        rollups.applyPending();
        WebSession county = new WebSession(port, "county", PASSWORD);
        WebSession.Page page = county.get("/supervision");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Supervision dashboard", "Three-meetings-one-lesson rate", "Dues collection rate", "id=\"children\"", "chart-data",
                "/webjars/echarts/echarts.min.js");
        Api api = as("county");
        JsonNode d = api.get("/api/v1/supervision/dashboard").json();
        assertThat(d.at("/figures/member.total").asLong()).isPositive();
        assertThat(d.get("children").size()).isPositive();
        assertThat(county.get("/webjars/echarts/echarts.min.js").status()).as("the chart library is served").isEqualTo(200);
        long child = d.at("/children/0/orgId").asLong();
        assertThat(page.body()).contains("/supervision?orgId=" + child);
        assertThat(county.get("/supervision?orgId=" + child).status()).isEqualTo(200);
        assertThat(county.get("/supervision/screen").body()).contains("zb-screen", "Supervision big screen");
        assertThat(county.get("/supervision/rankings?rank=DUES_RATE").body()).contains("branch-ranking");
        assertThat(county.get("/supervision?period=2026-13").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/supervision/dashboard?period=20x6").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/supervision/dashboard?rank=BEST").status()).isEqualTo(400);
        assertThat(as("member").get("/api/v1/supervision/dashboard").status()).isEqualTo(403);
    }

    @Test
    void bulletinAsPagePdfAndSpreadsheet() throws Exception {
        rollups.applyPending();
        String quarter = YearMonth.now().getYear() + "-Q" + ((YearMonth.now().getMonthValue() + 2) / 3);
        WebSession county = new WebSession(port, "county", PASSWORD);
        WebSession.Page page = county.get("/supervision/bulletins?period=" + quarter);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Quarterly assessment sheet", "Branches named: meeting rate below");
        Api api = as("county");
        JsonNode b = api.get("/api/v1/supervision/bulletins?period=" + YearMonth.now()).json();
        assertThat(b.get("kind").asText()).isEqualTo("MONTHLY");
        assertThat(b.get("previousPeriod").asText()).isEqualTo(YearMonth.now().minusMonths(1).toString());
        Api.Response pdf = api.send("GET", "/api/v1/supervision/bulletins.pdf?period=" + quarter, null);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        byte[] xlsx = api.bytes("/api/v1/supervision/bulletins.xlsx?period=" + quarter);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheets().count()).isEqualTo(4);
            var first = wb.getFirstSheet().read();
            assertThat(first.get(0).getCellText(0)).contains("季度考核表");
        }
    }
}
