package io.zhibu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.development.DevStep;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 point 8, "done when": the fresh demo county with its lived year ({@code zhibu.demo.lived-year=true}, the
 * default outside the tests), loaded into an H2 database of its own (the other tests share one without history).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"zhibu.demo.lived-year=true"})
@ActiveProfiles("test")
class LivedYearTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry r) {
        String name = "zhibu_lived_" + UUID.randomUUID().toString().replace("-", "");
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        r.add("spring.datasource.username", () -> "sa");
        r.add("spring.datasource.password", () -> "");
    }

    private Api as(String user) {
        return new Api("http://localhost:" + port).login(user, IntegrationTest.PASSWORD);
    }

    @Test
    void countyDashboardShowsRealisticMeetingAndDuesRates() {
        Api county = as("county");
        String year = String.valueOf(YearMonth.now().minusMonths(1).getYear());
        JsonNode d = county.get("/api/v1/supervision/dashboard?period=" + year).json();
        int meetingRate = d.get("meetingRate").asInt();
        int duesRate = d.get("duesRate").asInt();
        assertThat(meetingRate).as("三会一课 rate (‰) of the county").isBetween(600, 1000);
        assertThat(duesRate).as("dues collection rate (‰) of the county").isBetween(600, 1000);
        // some branches lag: not every child of the county is at 100 %
        assertThat(d.get("children").size()).isPositive();
    }

    @Test
    void publishedCampaignHasBranchesInEveryStarTierAndTwoWeakBranches() {
        Api county = as("county");
        JsonNode campaigns = county.get("/api/v1/assessment/campaigns").json();
        JsonNode published = null;
        for (JsonNode c : campaigns) {
            if ("PUBLISHED".equals(c.get("status").asText())) {
                published = c;
            }
        }
        assertThat(published).as("a published campaign").isNotNull();
        JsonNode results = county.get("/api/v1/assessment/campaigns/" + published.get("id").asLong() + "/results").json();
        Map<Integer, Integer> tiers = new TreeMap<>();
        for (JsonNode r : results) {
            tiers.merge(r.get("stars").asInt(), 1, Integer::sum);
        }
        assertThat(tiers.keySet()).as("stars of the published campaign: %s", tiers).containsAll(Set.of(0, 3, 4, 5));
        // believable: most branches have three or four stars, no-star branches are a minority
        assertThat(tiers.get(0)).isLessThan(results.size() / 3);
        JsonNode weak = county.get("/api/v1/assessment/weak").json();
        JsonNode items = weak.has("items") ? weak.get("items") : weak;
        assertThat(items.size()).as("branches in weak-and-lax rectification").isGreaterThanOrEqualTo(2);
    }

    @Test
    void developmentPipelineHasPeopleInEachOfTheFiveStages() {
        Api county = as("county");
        Set<Integer> stages = new TreeSet<>();
        Map<String, Integer> states = new HashMap<>();
        for (int page = 0; page < 50; page++) {
            JsonNode p = county.get("/api/v1/development/persons?size=200&page=" + page).json();
            for (JsonNode x : p.get("items")) {
                stages.add(DevStep.values()[x.get("lastStep").asInt() - 1].stage());
                states.merge(x.get("state").asText(), 1, Integer::sum);
            }
            if (p.get("items").size() < 200) {
                break;
            }
        }
        assertThat(stages).as("stages of the open files").containsExactly(1, 2, 3, 4, 5);
        assertThat(states.keySet()).contains("APPLICANT", "ACTIVIST", "TARGET", "PROBATIONARY");
        JsonNode pipeline = county.get("/api/v1/development/pipeline").json();
        assertThat(pipeline.at("/counts/PROBATIONARY").asLong()).isPositive();
    }

    @Test
    void warningsAreBelievableAndTheCountyHasToDos() {
        Api county = as("county");
        long open = 0;
        Map<String, Long> byRule = new TreeMap<>();
        for (JsonNode c : county.get("/api/v1/warnings/counts").json()) {
            open += c.get("count").asLong();
            byRule.merge(c.get("rule").asText(), c.get("count").asLong(), Long::sum);
        }
        long members = county.get("/api/v1/supervision/dashboard").json().at("/figures/member.total").asLong();
        assertThat(open).as("open warnings of the county").isPositive();
        assertThat(open).as("open warnings of a county of %d members: %s", members, byRule).isLessThan(Math.max(60, members / 10));
        JsonNode todos = county.get("/api/v1/todos").json();
        JsonNode list = todos.has("items") ? todos.get("items") : todos;
        assertThat(list.size()).as("the county's to-dos").isPositive();
    }

    @Test
    void meetingsTransfersAndDuesOfTheYearAreThere() {
        Api secretary = as("secretary");
        JsonNode meetings = secretary.get("/api/v1/meetings?size=200").json();
        assertThat(meetings.get("total").asLong()).as("a year of the branch's meetings").isGreaterThanOrEqualTo(20);
        Api county = as("county");
        JsonNode transfers = county.get("/api/v1/transfers?size=100").json();
        Set<String> statuses = new TreeSet<>();
        for (JsonNode t : transfers.get("items")) {
            statuses.add(t.get("status").asText());
        }
        assertThat(statuses).as("transfers completed and in progress").contains("COMPLETED", "ISSUED");
        // the demo accounts still work
        assertThat(as("member").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void branchesHaveAnActivityFeedWithPhotosThatLoad() {
        Api county = as("county");
        JsonNode feed = county.get("/api/v1/points/activities?size=50").json();
        assertThat(feed.get("total").asLong()).as("two to four activities per branch").isGreaterThanOrEqualTo(2L * 50);
        JsonNode withPhoto = null;
        for (JsonNode a : feed.get("items")) {
            if (a.path("photos").size() > 0) {
                withPhoto = a;
                break;
            }
        }
        assertThat(withPhoto).as("activities with photos").isNotNull();
        String url = "/api/v1/points/activities/" + withPhoto.get("id").asLong() + "/photos/"
                + withPhoto.get("photos").get(0).get("id").asLong();
        Api.Response photo = county.get(url);
        assertThat(photo.status()).as(url).isEqualTo(200);
    }

    @Test
    void villagesHaveAYearOfFourDeliberationsSoTheRateIsNotZero() {
        Api county = as("county");
        String year = String.valueOf(YearMonth.now().minusMonths(1).getYear());
        JsonNode d = county.get("/api/v1/supervision/dashboard?period=" + year).json();
        long started = d.at("/figures/deliberation.started").asLong();
        long completed = d.at("/figures/deliberation.completed").asLong();
        assertThat(started).as("四议两公开 matters started in the county's villages").isPositive();
        assertThat(completed).as("completed of %d started", started).isPositive().isLessThanOrEqualTo(started);
        JsonNode rates = county.get("/api/v1/deliberations/rates?year=" + year).json();
        assertThat(rates.at("/villages").size()).as("villages with matters").isGreaterThan(5);
    }
}
