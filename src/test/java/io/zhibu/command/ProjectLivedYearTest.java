package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.demo.LivedYear;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The demo county's project book (the lived year's "project book" part, off in the test profile, run here once):
 * last year's nine projects evaluated, this year's in progress, the half-year dispatch recorded; a second run
 * writes nothing.
 */
class ProjectLivedYearTest extends IntegrationTest {
    @Autowired
    List<LivedYear> parts;

    @Test
    void theCountyHasAProjectBookForLastYearAndThisYear() {
        Api county = as("county");
        long countyId = county.get("/api/v1/me").at("/orgId").asLong();
        String path = as("admin").get("/api/v1/orgs/" + countyId).at("/path").asText();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LivedYear book = parts.stream().filter(p -> p.name().equals("project book")).findFirst().orElseThrow();
        LivedYear.Region region = new LivedYear.Region(countyId, path, today, 7, 12);
        assertThat(book.generate(region)).isGreaterThan(9);
        assertThat(book.generate(region)).isZero();

        JsonNode last = county.get("/api/v1/projects?year=" + (today.getYear() - 1)).json();
        assertThat(last.get("projects").size()).isGreaterThanOrEqualTo(9);
        assertThat(last.get("dispatches").size()).isGreaterThanOrEqualTo(1);
        long evaluated = 0;
        for (JsonNode p : last.get("projects")) {
            evaluated += p.get("evaluated").asLong();
        }
        assertThat(evaluated).isPositive();
        JsonNode now = as("secretary").get("/api/v1/projects?year=" + today.getYear()).json();
        assertThat(now.get("mine").size()).isGreaterThanOrEqualTo(3); // the three basic projects at least
    }
}
