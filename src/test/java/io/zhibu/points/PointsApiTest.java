package io.zhibu.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Member points end to end over the API: facts from meetings and dues, branch entries, corrections, rankings, feed. */
public class PointsApiTest extends IntegrationTest {
    public static final byte[] PNG = io.zhibu.support.TestFiles.png();

    public static String plan(Api secretary, long orgId, String title) {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        Api.Response r = secretary.post("/api/v1/meetings", "{\"orgId\":" + orgId + ",\"types\":[\"COMMITTEE\"],\"title\":"
                + Api.quote(title) + ",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusMinutes(70)
                + "\",\"place\":\"党群服务中心\",\"agenda\":\"学习\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asText();
    }

    /** The member's ledger lines linked to a fact source. */
    static List<JsonNode> linked(JsonNode points, String linkType, String linkId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : points.get("entries")) {
            if (linkType.equals(e.path("linkType").asText()) && linkId.equals(e.path("linkId").asText())) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void attendanceEarnsPointsOnceCorrectionsReverseAndAbsenceCosts() {
        Api secretary = as("secretary");
        Api member = as("member");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        long memberId = member.get("/api/v1/me").at("/memberId").asLong();
        String id = plan(secretary, branch, "积分测试会议");
        int before = member.get("/api/v1/points/me").at("/total").asInt();

        String code = secretary.get("/api/v1/meetings/" + id).at("/checkinCode").asText();
        assertThat(member.post("/api/v1/meetings/" + id + "/checkin", "{\"code\":\"" + code + "\"}").status()).isEqualTo(200);
        JsonNode mine = member.get("/api/v1/points/me").json();
        List<JsonNode> lines = linked(mine, "meeting", id);
        assertThat(lines).hasSize(1);
        JsonNode line = lines.getFirst();
        assertThat(line.get("item").asText()).isEqualTo("MEETING_ATTENDED");
        assertThat(line.get("requested").asInt()).isEqualTo(2);
        assertThat(line.get("automatic").asBoolean()).isTrue();
        // caps may cut the points (the member may have earned a lot today), never add more than asked
        assertThat(line.get("points").asInt()).isBetween(0, 2);
        assertThat(mine.get("total").asInt()).isEqualTo(before + line.get("points").asInt());

        // the secretary marks the member absent after all: a reversing entry; present again: a new posting
        JsonNode meeting = secretary.get("/api/v1/meetings/" + id).json();
        long attendance = -1;
        long otherMember = -1;
        for (JsonNode a : meeting.get("attendees")) {
            if (a.path("memberId").asLong() == memberId) {
                attendance = a.get("id").asLong();
            } else if (a.path("memberId").asLong() > 0 && otherMember < 0) {
                otherMember = a.get("memberId").asLong();
            }
        }
        assertThat(secretary.put("/api/v1/meetings/" + id + "/attendance/" + attendance, "{\"status\":\"ABSENT\"}").status()).isEqualTo(200);
        lines = linked(member.get("/api/v1/points/me").json(), "meeting", id);
        assertThat(lines).hasSize(2);
        assertThat(lines.stream().filter(e -> e.get("reversed").asBoolean()).count()).isEqualTo(1);
        assertThat(lines.stream().mapToInt(e -> e.get("points").asInt()).sum()).isZero();
        assertThat(member.get("/api/v1/points/me").at("/total").asInt()).isEqualTo(before);
        assertThat(secretary.put("/api/v1/meetings/" + id + "/attendance/" + attendance, "{\"status\":\"PRESENT\"}").status()).isEqualTo(200);

        // locking the minutes: the present member is not counted again, the unmarked members lose points
        int version = secretary.get("/api/v1/meetings/" + id).at("/version").asInt();
        assertThat(secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"host\":\"张书记\",\"recorder\":\"李委员\",\"version\":"
                + version + "}").status()).isEqualTo(200);
        assertThat(secretary.post("/api/v1/meetings/" + id + "/lock", null).status()).isEqualTo(200);
        lines = linked(member.get("/api/v1/points/me").json(), "meeting", id);
        assertThat(lines).as("present once more, no absence").hasSize(3);
        assertThat(lines.stream().filter(e -> e.get("item").asText().equals("MEETING_ABSENT"))).isEmpty();
        List<JsonNode> absent = linked(secretary.get("/api/v1/points/members/" + otherMember).json(), "meeting", id);
        assertThat(absent).hasSize(1);
        assertThat(absent.getFirst().get("item").asText()).isEqualTo("MEETING_ABSENT");
        assertThat(absent.getFirst().get("points").asInt()).isEqualTo(-3);
    }

    @Test
    void duesPaymentsPostOnTimeOrLateAndReversalTakesThemBack() {
        Api secretary = as("secretary");
        long memberId = secretary.get("/api/v1/members?size=5").at("/items/2/id").asLong();
        YearMonth next = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1);
        int before = secretary.get("/api/v1/points/members/" + memberId).at("/ledger").asInt();
        Api.Response paid = secretary.post("/api/v1/dues/accounts/" + memberId + "/offline-payments", "{\"upTo\":\"" + next
                + "\",\"method\":\"CASH\",\"receiptNo\":\"PTS-1\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        String paymentId = paid.at("/id").asText();
        JsonNode points = secretary.get("/api/v1/points/members/" + memberId).json();
        List<JsonNode> lines = linked(points, "dues-payment", paymentId);
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(e -> assertThat(e.get("item").asText()).isIn("DUES_ON_TIME", "DUES_LATE"));
        assertThat(lines.stream().filter(e -> e.get("item").asText().equals("DUES_ON_TIME"))).as("next month is on time").isNotEmpty();
        int gained = lines.stream().mapToInt(e -> e.get("points").asInt()).sum();
        assertThat(points.get("ledger").asInt()).isEqualTo(before + gained);

        assertThat(secretary.post("/api/v1/dues/payments/" + paymentId + "/reverse", "{\"reason\":\"录错\"}").status()).isEqualTo(200);
        points = secretary.get("/api/v1/points/members/" + memberId).json();
        assertThat(points.get("ledger").asInt()).isEqualTo(before);
        assertThat(linked(points, "dues-payment", paymentId).stream().filter(e -> e.get("reversed").asBoolean()))
                .hasSize(lines.size());
    }

    @Test
    void branchEntersWithReasonOnceAndCorrectsByReversal() {
        Api secretary = as("secretary");
        long memberId = secretary.get("/api/v1/members?size=5").at("/items/3/id").asLong();
        int before = secretary.get("/api/v1/points/members/" + memberId).at("/ledger").asInt();
        String key = UUID.randomUUID().toString();
        String body = "{\"item\":\"VOLUNTEERING\",\"points\":1,\"reason\":\"社区志愿服务\",\"idempotencyKey\":\"" + key + "\"}";
        Api.Response first = secretary.post("/api/v1/points/members/" + memberId + "/entries", body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Api.Response again = secretary.post("/api/v1/points/members/" + memberId + "/entries", body);
        assertThat(again.at("/id").asLong()).as("a double submit is the same entry").isEqualTo(first.at("/id").asLong());
        int gained = first.at("/points").asInt();
        assertThat(secretary.get("/api/v1/points/members/" + memberId).at("/ledger").asInt()).isEqualTo(before + gained);

        // bad input: nothing written
        Api.Response auto = secretary.post("/api/v1/points/members/" + memberId + "/entries",
                "{\"item\":\"MEETING_ATTENDED\",\"reason\":\"x\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(auto.status()).isEqualTo(400);
        Api.Response range = secretary.post("/api/v1/points/members/" + memberId + "/entries",
                "{\"item\":\"HONOUR\",\"points\":50,\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.body()).contains("points").contains("reason");
        assertThat(as("member").post("/api/v1/points/members/" + memberId + "/entries", body).status()).isIn(403, 404);
        assertThat(as("township").post("/api/v1/points/members/" + memberId + "/entries", body).status())
                .as("superiors read only").isEqualTo(403);
        assertThat(secretary.get("/api/v1/points/members/" + memberId).at("/ledger").asInt()).isEqualTo(before + gained);

        Api.Response reversed = secretary.post("/api/v1/points/entries/" + first.at("/id").asLong() + "/reverse", "{\"reason\":\"录错对象\"}");
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(reversed.at("/points").asInt()).isEqualTo(-gained);
        assertThat(secretary.post("/api/v1/points/entries/" + first.at("/id").asLong() + "/reverse", "{\"reason\":\"x\"}").status())
                .isEqualTo(409);
        assertThat(secretary.post("/api/v1/points/entries/" + reversed.at("/id").asLong() + "/reverse", "{\"reason\":\"x\"}").status())
                .isEqualTo(409);
        assertThat(secretary.post("/api/v1/points/entries/" + first.at("/id").asLong() + "/reverse", "{}").status()).isEqualTo(400);
        assertThat(secretary.get("/api/v1/points/members/" + memberId).at("/ledger").asInt()).isEqualTo(before);
        assertThat(secretary.get("/api/v1/points/members/" + memberId + "/stars").at("/stars").asInt()).isBetween(1, 5);
    }

    @Test
    void rankingsComeFromTheRollupsAndAgreeWithTheRebuild() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        JsonNode ranking = secretary.get("/api/v1/points/rankings/members?orgId=" + branch + "&size=50").json();
        assertThat(ranking.get("total").asLong()).isPositive();
        int last = Integer.MAX_VALUE;
        for (JsonNode r : ranking.get("items")) {
            assertThat(r.get("orgId").asLong()).isEqualTo(branch);
            assertThat(r.get("total").asInt()).isLessThanOrEqualTo(last);
            last = r.get("total").asInt();
        }
        Api township = as("township");
        long townshipId = township.get("/api/v1/me").at("/orgId").asLong();
        JsonNode branches = township.get("/api/v1/points/rankings/branches?size=200").json();
        assertThat(branches.get("items").size()).isPositive();
        JsonNode byStudy = township.get("/api/v1/points/rankings/members?by=STUDY&orgId=" + townshipId).json();
        assertThat(byStudy.get("items").size()).isPositive();
        JsonNode roster = secretary.get("/api/v1/points/orgs/" + branch + "/roster").json();
        assertThat(roster.size()).isPositive();
        assertThat(roster.get(0).get("stars").asInt()).isBetween(1, 5);
        assertThat(secretary.get("/api/v1/points/rankings/members?year=1900").status()).isEqualTo(400);
        assertThat(secretary.post("/api/v1/points/rebuild", null).status()).isEqualTo(403);
        Api.Response rebuilt = as("admin").post("/api/v1/points/rebuild", null);
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.at("/agreed").asBoolean()).as("incremental rollups == rebuild").isTrue();
    }

    @Test
    void activityFeedWithPhotosLikesOnceAndPublicShareWithoutPersonalData() {
        Api secretary = as("secretary");
        Api member = as("member");
        String memberName = member.get("/api/v1/points/me").at("/memberName").asText();
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        int before = secretary.get("/api/v1/points/activities?orgId=" + branch).at("/total").asInt();
        Api.Response fake = secretary.multipart("/api/v1/points/activities?title=" + Api.enc("假照片"), "photo.jpg",
                "not an image".getBytes());
        assertThat(fake.status()).isEqualTo(400);
        assertThat(secretary.get("/api/v1/points/activities?orgId=" + branch).at("/total").asInt()).isEqualTo(before);

        String text = "联系 " + memberName + " 电话13812345678，身份证11010519491231002X";
        Api.Response posted = secretary.multipart("/api/v1/points/activities?title=" + Api.enc("义务植树") + "&body="
                + Api.enc(text), "tree.png", PNG);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        long id = posted.at("/id").asLong();
        assertThat(posted.at("/photos").size()).isEqualTo(1);
        long photoId = posted.at("/photos/0/id").asLong();
        assertThat(secretary.get("/api/v1/points/activities/" + id + "/photos/" + photoId).status()).isEqualTo(200);

        assertThat(member.get("/api/v1/points/activities").json().get("items").findValuesAsString("title")).contains("义务植树");
        assertThat(member.post("/api/v1/points/activities/" + id + "/like", null).at("/likes").asInt()).isEqualTo(1);
        Api.Response twice = member.post("/api/v1/points/activities/" + id + "/like", null);
        assertThat(twice.at("/likes").asInt()).as("once per member").isEqualTo(1);
        assertThat(twice.at("/likedByMe").asBoolean()).isTrue();

        String token = member.post("/api/v1/points/activities/" + id + "/share", null).at("/token").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(secretary.post("/api/v1/points/activities/" + id + "/share", null).at("/token").asText())
                .as("the same link every time").isEqualTo(token);
        Api.Response shared = api().get("/public/activities/" + token);
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.body()).contains("义务植树").contains(posted.at("/orgName").asText())
                .contains("138****5678").doesNotContain("13812345678").doesNotContain(memberName).doesNotContain("11010519491231002X")
                .doesNotContain("secretary");
        assertThat(api().get("/public/activities/" + token + "/photos/" + photoId).status()).isEqualTo(200);
        assertThat(api().get("/public/activities/" + "x".repeat(43)).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/points/activities/" + id).status()).as("the API still needs a user").isEqualTo(401);
    }
}
