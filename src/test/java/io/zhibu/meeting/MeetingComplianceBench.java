package io.zhibu.meeting;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark (not a test; prints figures, asserts nothing): plans and locks a meeting in each of up to
 * {@code zhibu.bench.meetings.branches} branches of the demo county through the API, then times the county's and a
 * branch's compliance report. Run: {@code ./mvnw -B -o test -Dtest=MeetingComplianceBench -Dzhibu.bench.meetings=true}.
 */
@EnabledIfSystemProperty(named = "zhibu.bench.meetings", matches = "true")
class MeetingComplianceBench extends IntegrationTest {
    @Test
    void complianceReportTimings() {
        Api admin = as("admin");
        int max = Integer.getInteger("zhibu.bench.meetings.branches", 200);
        JsonNode branches = admin.get("/api/v1/orgs?type=BRANCH&limit=200").json();
        LocalDateTime start = MeetingApiTest.now().minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        long t0 = System.nanoTime();
        int planned = 0;
        int attendees = 0;
        for (JsonNode b : branches) {
            if (planned >= max) {
                break;
            }
            Api.Response r = admin.post("/api/v1/meetings", "{\"orgId\":" + b.get("id").asLong() + ",\"types\":[\"COMMITTEE\",\"THEME_DAY\"],"
                    + "\"title\":\"基准\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(1) + "\",\"place\":\"x\",\"agenda\":\"学习\"}");
            if (r.status() != 201) {
                continue;
            }
            String id = r.at("/id").asText();
            attendees += r.at("/counts/due").asInt();
            admin.put("/api/v1/meetings/" + id + "/minutes", "{\"host\":\"张\",\"recorder\":\"李\",\"version\":" + r.at("/version").asInt() + "}");
            // issue 18: a 主题党日 locks with an attendance record and a photo
            admin.postBytes("/api/v1/meetings/" + id + "/attachments?kind=SIGN_IN&name=sign.pdf", io.zhibu.support.TestFiles.pdf());
            admin.postBytes("/api/v1/meetings/" + id + "/attachments?kind=PHOTO&name=photo.jpg", io.zhibu.support.TestFiles.jpeg());
            admin.post("/api/v1/meetings/" + id + "/lock", null);
            planned++;
        }
        long seedMs = (System.nanoTime() - t0) / 1_000_000;
        Api county = as("county");
        county.get("/api/v1/meetings/compliance");
        int runs = 20;
        long t1 = System.nanoTime();
        JsonNode report = null;
        for (int i = 0; i < runs; i++) {
            report = county.get("/api/v1/meetings/compliance").json();
        }
        long countyMs = (System.nanoTime() - t1) / 1_000_000 / runs;
        Api secretary = as("secretary");
        long t2 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            secretary.get("/api/v1/meetings/compliance");
        }
        long branchMs = (System.nanoTime() - t2) / 1_000_000 / runs;
        System.out.printf("BENCH meetings: planned+locked %d meetings (%d attendees) in %d ms (%.1f ms each, 3 API calls)%n",
                planned, attendees, seedMs, planned == 0 ? 0.0 : seedMs / (double) planned);
        System.out.printf("BENCH compliance: county report over %d branches %d ms avg; branch report %d ms avg (%d runs each)%n",
                report.at("/total/branches").asInt(), countyMs, branchMs, runs);
    }
}
