package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** R6.3: the branch's attendance publicity list per member per year, from locked meetings. */
class AttendanceRatesApiTest extends IntegrationTest {
    @Test
    @DisplayName("a member present at a locked meeting appears with the meeting counted; members cannot read the list")
    void publicityList() {
        Api secretary = as("secretary");
        Api member = as("member");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        long memberId = member.get("/api/v1/me").at("/memberId").asLong();
        int year = MeetingApiTest.now().getYear();
        JsonNode before = secretary.get("/api/v1/meetings/attendance-rates").json();
        int presentBefore = presentOf(before, memberId);

        String id = MeetingApiTest.plan(secretary, branch, "\"COMMITTEE\"", MeetingApiTest.now().minusMinutes(10), 60, "出勤率支委会");
        String code = secretary.get("/api/v1/meetings/" + id).at("/checkinCode").asText();
        assertThat(member.post("/api/v1/meetings/" + id + "/checkin", "{\"code\":\"" + code + "\"}").status()).isEqualTo(200);
        int v = secretary.get("/api/v1/meetings/" + id).at("/version").asInt();
        assertThat(secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"host\":\"张书记\",\"recorder\":\"李委员\",\"version\":" + v + "}")
                .status()).isEqualTo(200);
        assertThat(secretary.post("/api/v1/meetings/" + id + "/lock", null).status()).isEqualTo(200);

        JsonNode after = secretary.get("/api/v1/meetings/attendance-rates?year=" + year).json();
        assertThat(after.get("year").asInt()).isEqualTo(year);
        assertThat(presentOf(after, memberId)).isEqualTo(presentBefore + 1);
        assertThat(after.get("branchRatePerMille").asInt()).isBetween(1, 1000);
        for (JsonNode l : after.get("lines")) {
            int called = l.get("present").asInt() + l.get("leave").asInt() + l.get("absent").asInt();
            assertThat(l.get("ratePerMille").asInt()).isEqualTo((int) Math.round(l.get("present").asInt() * 1000.0 / called));
        }
        assertThat(as("township").get("/api/v1/meetings/attendance-rates?orgId=" + branch).status()).isEqualTo(200);
        long township = as("township").get("/api/v1/me").at("/orgId").asLong();
        Api.Response notBranch = as("township").get("/api/v1/meetings/attendance-rates?orgId=" + township);
        assertThat(notBranch.status()).isEqualTo(400);
        assertThat(notBranch.body()).contains("\"orgId\"");
        assertThat(member.get("/api/v1/meetings/attendance-rates").status()).isEqualTo(403);

        String page = new WebSession(port, "secretary", PASSWORD).get("/meetings/attendance-rates").body();
        assertThat(page).contains("rates-table").contains("branch-rate");
    }

    private static int presentOf(JsonNode publicity, long memberId) {
        for (JsonNode l : publicity.get("lines")) {
            if (l.get("memberId").asLong() == memberId) {
                return l.get("present").asInt();
            }
        }
        return 0;
    }
}
