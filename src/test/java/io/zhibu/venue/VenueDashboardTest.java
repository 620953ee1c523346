package io.zhibu.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.supervision.Rollups;
import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Venue counts by tier reach the supervision dashboard through the rollups (the venue module's RollupSource). */
class VenueDashboardTest extends IntegrationTest {
    @Autowired
    Rollups rollups;

    @Test
    void aVenueAndItsInspectionShowInTheDashboardCountsByTier() {
        Api township = as("township");
        DemoFacts facts = DemoFacts.discover(as("admin"), as("secretary"), township);
        rollups.applyPending();
        JsonNode before = township.get("/api/v1/supervision/dashboard").json().get("figures");

        Api.Response venue = township.post("/api/v1/venues", "{\"orgId\":" + facts.ownBranchId() + ",\"name\":\"看板测试活动室\","
                + "\"kind\":\"ACTIVITY_ROOM\",\"address\":\"城关镇 2 号\",\"areaSqm\":40,\"rooms\":1}");
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        rollups.applyPending();
        JsonNode registered = township.get("/api/v1/supervision/dashboard").json().get("figures");
        assertThat(figure(registered, "venue.total")).isEqualTo(figure(before, "venue.total") + 1);
        assertThat(figure(registered, "venue.tier.NONE")).isEqualTo(figure(before, "venue.tier.NONE") + 1);

        Api.Response low = township.post("/api/v1/venues/" + venue.at("/id").asLong() + "/inspections", "{\"inspectedOn\":\""
                + LocalDate.now() + "\",\"inspector\":\"王检查\",\"place\":10,\"signage\":5,\"rules\":5,\"equipment\":5,\"use\":5}");
        assertThat(low.status()).as(low.body()).isEqualTo(201);
        rollups.applyPending();
        JsonNode inspected = township.get("/api/v1/supervision/dashboard").json().get("figures");
        assertThat(figure(inspected, "venue.total")).isEqualTo(figure(before, "venue.total") + 1);
        assertThat(figure(inspected, "venue.tier.NONE")).isEqualTo(figure(before, "venue.tier.NONE"));
        assertThat(figure(inspected, "venue.tier.BELOW_STANDARD")).isEqualTo(figure(before, "venue.tier.BELOW_STANDARD") + 1);

        WebSession web = new WebSession(port, "township", PASSWORD);
        assertThat(web.get("/supervision").body()).contains("id=\"venues-card\"", "Venues by tier").doesNotContain("supervision.venues");
    }

    private static long figure(JsonNode figures, String metric) {
        return figures.has(metric) ? figures.get(metric).asLong() : 0;
    }
}
