package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.demo.LivedYear;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The demo county's weekly dispatch and on-site observation (the lived year's "dispatch and observation" part, off
 * in the test profile, run here once): the county's and a township's boards show this week's items and last
 * week's with their status; the county's observations hold three published visits with scored sheets and one
 * planned; a second run writes nothing.
 */
class CommandLivedYearTest extends IntegrationTest {
    @Autowired
    List<LivedYear> parts;

    @Test
    void theCountyHasDispatchMeetingsAndObservations() {
        Api county = as("county");
        long countyId = county.get("/api/v1/me").at("/orgId").asLong();
        String path = as("admin").get("/api/v1/orgs/" + countyId).at("/path").asText();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LivedYear part = parts.stream().filter(p -> p.name().equals("dispatch and observation")).findFirst().orElseThrow();
        LivedYear.Region region = new LivedYear.Region(countyId, path, today, 7, 12);
        assertThat(part.generate(region)).isGreaterThan(20);
        assertThat(part.generate(region)).isZero();

        JsonNode board = county.get("/api/v1/dispatch").json();
        assertThat(board.get("raised").size()).isGreaterThanOrEqualTo(2);
        assertThat(board.get("carried").size()).isGreaterThanOrEqualTo(2);
        assertThat(board.get("carried").toString()).contains("DONE");
        // exported with the figures named month-to-date (the rollups are monthly) and the items with their status
        String csv = new String(county.bytes("/api/v1/dispatch/export?format=csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("月累计，截至本周").contains("已按期办结");
        JsonNode township = as("township").get("/api/v1/dispatch").json();
        assertThat(township.get("raised").size()).isGreaterThanOrEqualTo(2);

        JsonNode seen = county.get("/api/v1/observations").json().get("observations");
        long published = 0;
        long planned = 0;
        long scored = 0;
        for (JsonNode o : seen) {
            if (o.get("status").asText().equals("PUBLISHED")) {
                published++;
                for (JsonNode s : county.get("/api/v1/observations/" + o.get("id").asLong()).json().get("sheets")) {
                    scored += s.get("scored").asBoolean() ? 1 : 0;
                }
            } else {
                planned++;
            }
        }
        assertThat(published).isGreaterThanOrEqualTo(3);
        assertThat(planned).isGreaterThanOrEqualTo(1);
        assertThat(scored).isGreaterThanOrEqualTo(18);
        // the county's pages are not empty
        WebSession web = new WebSession(port, "county", PASSWORD);
        assertThat(web.get("/dispatch").body()).contains("已按期办结");
        assertThat(web.get("/observations").body()).contains("一季度基层党建观摩");
    }
}
