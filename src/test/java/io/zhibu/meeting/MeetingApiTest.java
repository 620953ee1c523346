package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Organization life end to end over the API: plan, notices, check-in, leave, minutes, votes, lock, compliance. */
class MeetingApiTest extends IntegrationTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static String plan(Api secretary, long orgId, String types, LocalDateTime start, int minutes, String title) {
        Api.Response r = secretary.post("/api/v1/meetings", "{\"orgId\":" + orgId + ",\"types\":[" + types + "],\"title\":"
                + Api.quote(title) + ",\"startsAt\":\"" + start.truncatedTo(ChronoUnit.MINUTES) + "\",\"endsAt\":\""
                + start.plusMinutes(minutes).truncatedTo(ChronoUnit.MINUTES) + "\",\"place\":\"党群服务中心\",\"agenda\":\"学习\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asText();
    }

    static LocalDateTime now() {
        return LocalDateTime.now(ZONE);
    }

    @Test
    void planCheckInMinutesLockAndCompliance() {
        Api secretary = as("secretary");
        Api member = as("member");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        long memberId = member.get("/api/v1/me").at("/memberId").asLong();
        String id = plan(secretary, branch, "\"COMMITTEE\",\"THEME_DAY\"", now().minusMinutes(10), 70, "支委会暨主题党日");

        // the member is notified ("my meetings") and sees only their own attendance row
        JsonNode my = member.get("/api/v1/meetings/my").json();
        assertThat(my.findValuesAsString("title")).contains("支委会暨主题党日");
        Api.Response view = member.get("/api/v1/meetings/" + id);
        assertThat(view.at("/attendees").size()).isEqualTo(1);
        assertThat(view.at("/attendees/0/memberId").asLong()).isEqualTo(memberId);
        assertThat(view.at("/checkinCode").isMissingNode()).as("members never see the code").isTrue();
        assertThat(view.at("/themeDay/birthdays").isArray()).isTrue();

        String code = secretary.get("/api/v1/meetings/" + id).at("/checkinCode").asText();
        String other = plan(secretary, branch, "\"PARTY_LECTURE\"", now().minusMinutes(5), 60, "党课");
        String otherCode = secretary.get("/api/v1/meetings/" + other).at("/checkinCode").asText();
        if (!otherCode.equals(code)) {
            Api.Response foreign = member.post("/api/v1/meetings/" + id + "/checkin", "{\"code\":\"" + otherCode + "\"}");
            assertThat(foreign.status()).isEqualTo(400);
            assertThat(foreign.body()).contains("not correct");
        }
        assertThat(member.post("/api/v1/meetings/" + id + "/checkin", "{\"code\":\"" + code + "\"}").status()).isEqualTo(200);
        Api.Response twice = member.post("/api/v1/meetings/" + id + "/checkin", "{\"code\":\"" + code + "\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(member.post("/api/v1/meetings/" + id + "/leave", "{\"reason\":\"出差\"}").status()).isEqualTo(400);
        assertThat(secretary.post("/api/v1/meetings/" + id + "/checkin", "{\"code\":\"" + code + "\"}").status())
                .as("secretaries mark attendance instead").isEqualTo(403);

        // a vote with more ballots than voters: 400, nothing changed
        JsonNode before = secretary.get("/api/v1/meetings/" + id).json();
        int version = before.get("version").asInt();
        Api.Response bad = secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"host\":\"张书记\",\"recorder\":\"李委员\","
                + "\"voteKind\":\"MOTION\",\"voteMethod\":\"SHOW_OF_HANDS\",\"votingDue\":10,\"votingPresent\":6,\"yes\":5,\"no\":1,"
                + "\"abstain\":1,\"version\":" + version + "}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("more than the 6 present");
        assertThat(secretary.get("/api/v1/meetings/" + id).at("/version").asInt()).isEqualTo(version);
        assertThat(secretary.get("/api/v1/meetings/" + id).at("/host").isMissingNode()).isTrue();

        Api.Response ok = secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"host\":\"张书记\",\"recorder\":\"李委员\","
                + "\"decisions\":\"同意\",\"voteKind\":\"MOTION\",\"voteMethod\":\"SHOW_OF_HANDS\",\"votingDue\":10,\"votingPresent\":6,"
                + "\"yes\":5,\"no\":1,\"abstain\":0,\"recordedResult\":\"FAILED\",\"themeDuesDone\":true,\"themeOathDone\":true,\"themeBirthdaysDone\":true,\"themeActivities\":\"志愿服务\","
                + "\"version\":" + version + "}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.at("/vote/computedValid").asBoolean()).isTrue();
        assertThat(ok.at("/vote/computedPassed").asBoolean()).isFalse(); // R1.14: 5 of 10 is not more than half
        assertThat(ok.at("/vote/recordedResult").asText()).isEqualTo("FAILED");
        assertThat(ok.at("/themeDay/duesDone").asBoolean()).isTrue();
        Api.Response stale = secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"host\":\"王\",\"recorder\":\"李\",\"version\":" + version + "}");
        assertThat(stale.status()).isEqualTo(409);

        assertThat(secretary.post("/api/v1/meetings/" + id + "/revisions", "{\"text\":\"x\"}").status()).isEqualTo(409);
        assertThat(as("township").post("/api/v1/meetings/" + id + "/lock", null).status()).as("superiors read only").isEqualTo(403);
        // issue 18: a 主题党日 locks only with a photo (the member's check-in is the attendance record)
        Api.Response noPhoto = secretary.post("/api/v1/meetings/" + id + "/lock", null);
        assertThat(noPhoto.status()).isEqualTo(400);
        assertThat(noPhoto.body()).contains("photos").doesNotContain("\"attendance\"");
        assertThat(secretary.postBytes("/api/v1/meetings/" + id + "/attachments?kind=PHOTO&name=photo.jpg",
                io.zhibu.support.TestFiles.jpeg()).status()).isEqualTo(201);
        Api.Response locked = secretary.post("/api/v1/meetings/" + id + "/lock", null);
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        assertThat(locked.at("/status").asText()).isEqualTo("LOCKED");
        Api.Response edit = secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"host\":\"王\",\"recorder\":\"李\",\"version\":"
                + locked.at("/version").asInt() + "}");
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.body()).contains("locked");
        assertThat(secretary.get("/api/v1/meetings/" + id).at("/host").asText()).isEqualTo("张书记");
        Api.Response rev = secretary.post("/api/v1/meetings/" + id + "/revisions", "{\"text\":\"更正：记录人为李委员\"}");
        assertThat(rev.status()).isEqualTo(200);
        assertThat(rev.at("/revisions/0/text").asText()).isEqualTo("更正：记录人为李委员");

        // compliance: the locked meeting counts for both of its kinds this month
        JsonNode c = secretary.get("/api/v1/meetings/compliance").json();
        LocalDate today = LocalDate.now(ZONE);
        for (String kind : new String[] {"COMMITTEE", "THEME_DAY"}) {
            JsonNode t = findType(c.at("/branch/types"), kind);
            boolean held = false;
            for (JsonNode p : t.get("periods")) {
                if (!today.isBefore(LocalDate.parse(p.get("start").asText())) && !today.isAfter(LocalDate.parse(p.get("end").asText()))) {
                    held = p.get("status").asText().equals("HELD");
                }
            }
            assertThat(held).as(kind).isTrue();
        }
        assertThat(c.at("/total/held").asInt()).isPositive();
        JsonNode township = as("township").get("/api/v1/meetings/compliance").json();
        assertThat(township.at("/total/branches").asInt()).isGreaterThan(1);
        assertThat(township.at("/total/held").asInt()).isPositive();
        assertThat(as("township").get("/api/v1/meetings/" + id).status()).as("superiors browse minutes").isEqualTo(200);
    }

    @Test
    void leaveBeforeTheMeetingExpiredCodesAndMakeUpStudy() {
        Api secretary = as("secretary");
        Api member = as("member");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        long memberId = member.get("/api/v1/me").at("/memberId").asLong();

        String future = plan(secretary, branch, "\"BRANCH_ASSEMBLY\"", now().plusDays(2), 90, "支部党员大会");
        String futureCode = secretary.get("/api/v1/meetings/" + future).at("/checkinCode").asText();
        Api.Response early = member.post("/api/v1/meetings/" + future + "/checkin", "{\"code\":\"" + futureCode + "\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("not open");
        assertThat(member.post("/api/v1/meetings/" + future + "/leave", "{\"reason\":\"\"}").status()).isEqualTo(400);
        Api.Response leave = member.post("/api/v1/meetings/" + future + "/leave", "{\"reason\":\"外出务工\"}");
        assertThat(leave.status()).isEqualTo(200);
        assertThat(leave.at("/attendees/0/status").asText()).isEqualTo("LEAVE_REQUESTED");
        assertThat(member.post("/api/v1/meetings/" + future + "/leave", "{\"reason\":\"again\"}").status()).isEqualTo(409);
        long att = leave.at("/attendees/0/id").asLong();
        Api.Response approved = secretary.put("/api/v1/meetings/" + future + "/attendance/" + att, "{\"status\":\"LEAVE\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(member.get("/api/v1/meetings/" + future).at("/attendees/0/status").asText()).isEqualTo("LEAVE");
        assertThat(secretary.post("/api/v1/meetings/" + future + "/lock", null).status()).as("not held yet").isEqualTo(409);

        String past = plan(secretary, branch, "\"PARTY_LECTURE\"", now().minusDays(1), 60, "党课（昨天）");
        String pastCode = secretary.get("/api/v1/meetings/" + past).at("/checkinCode").asText();
        Api.Response expired = member.post("/api/v1/meetings/" + past + "/checkin", "{\"code\":\"" + pastCode + "\"}");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).contains("not open");
        Api.Response lockNoMinutes = secretary.post("/api/v1/meetings/" + past + "/lock", null);
        assertThat(lockNoMinutes.status()).isEqualTo(400);
        assertThat(lockNoMinutes.body()).contains("host");
        int v = secretary.get("/api/v1/meetings/" + past).at("/version").asInt();
        assertThat(secretary.put("/api/v1/meetings/" + past + "/minutes", "{\"host\":\"张书记\",\"recorder\":\"李委员\",\"version\":" + v + "}").status()).isEqualTo(200);
        assertThat(secretary.post("/api/v1/meetings/" + past + "/non-voting", "{\"name\":\"王列席\"}").status()).isEqualTo(200);
        Api.Response locked = secretary.post("/api/v1/meetings/" + past + "/lock", null);
        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.at("/counts/present").asInt()).isZero();
        assertThat(locked.at("/counts/nonVoting").asInt()).isEqualTo(1);
        assertThat(locked.at("/counts/absent").asInt()).isEqualTo(locked.at("/counts/due").asInt());

        JsonNode mine = null;
        for (JsonNode x : member.get("/api/v1/meetings/my").json()) {
            if (x.at("/meeting/id").asText().equals(past)) {
                mine = x;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("status").asText()).isEqualTo("ABSENT");
        assertThat(mine.get("makeupDue").asBoolean()).isTrue();
        long task = mine.get("attendanceId").asLong();
        assertThat(secretary.post("/api/v1/meetings/makeups/" + task + "/done", "{\"note\":\"x\"}").status()).isEqualTo(403);
        assertThat(member.post("/api/v1/meetings/makeups/" + task + "/done", "{\"note\":\"自学党课视频\"}").status()).isEqualTo(204);
        assertThat(member.post("/api/v1/meetings/makeups/" + task + "/done", "{\"note\":\"again\"}").status()).isEqualTo(409);
        assertThat(memberId).isPositive();
    }

    @Test
    void badPlansAreRefusedWithFieldMessages() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        Api.Response r = secretary.post("/api/v1/meetings", "{\"orgId\":" + branch + ",\"types\":[],\"title\":\"<b>\","
                + "\"startsAt\":\"2026-01-01T10:00\",\"endsAt\":\"2026-01-01T09:00\",\"place\":\"\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("types", "title", "endsAt", "place");
        assertThat(as("member").post("/api/v1/meetings", "{}").status()).isEqualTo(403);
        assertThat(as("township").post("/api/v1/meetings", "{}").status()).isEqualTo(403);
        Api.Response cal = secretary.get("/api/v1/meetings/calendar?orgId=" + branch + "&year=2027");
        assertThat(cal.status()).isEqualTo(200);
        assertThat(cal.json().size()).isGreaterThanOrEqualTo(12 * 2 + 8 + 3);
    }

    @Test
    void attachmentsAreCheckedByContentAndRefusedAfterLocking() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        String id = plan(secretary, branch, "\"ORG_LIFE\"", now().minusHours(2), 60, "组织生活会");
        String base = "/api/v1/meetings/" + id + "/attachments";
        Api.Response pdf = secretary.post(base + "?kind=SIGN_IN&name=" + Api.enc("签到表.pdf"), new String(io.zhibu.support.TestFiles.pdf(), java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
        assertThat(pdf.at("/contentType").asText()).isEqualTo("application/pdf");
        Api.Response download = secretary.get(base + "/" + pdf.at("/id").asLong());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).startsWith("%PDF-1.4");
        assertThat(secretary.post(base + "?kind=PHOTO&name=a.pdf", new String(io.zhibu.support.TestFiles.pdf(), java.nio.charset.StandardCharsets.US_ASCII)).status()).as("a PDF is no photo").isEqualTo(400);
        Api.Response fake = secretary.post(base + "?kind=PHOTO&name=photo.jpg", "<html>not a picture</html>");
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(secretary.post(base + "?kind=PHOTO", "").status()).isEqualTo(400);
        assertThat(secretary.get("/api/v1/meetings/" + id).at("/attachments").size()).isEqualTo(1);
        assertThat(as("township").get(base + "/" + pdf.at("/id").asLong()).status()).isEqualTo(200);

        assertThat(secretary.postBytes(base + "?kind=PHOTO&name=photo.jpg", io.zhibu.support.TestFiles.jpeg()).status())
                .as("issue 18: a 组织生活会 locks with a photo and the sign-in sheet").isEqualTo(201);
        int v = secretary.get("/api/v1/meetings/" + id).at("/version").asInt();
        secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"host\":\"张书记\",\"recorder\":\"李委员\",\"version\":" + v + "}");
        assertThat(secretary.post("/api/v1/meetings/" + id + "/lock", null).status()).isEqualTo(200);
        assertThat(secretary.post(base + "?kind=SIGN_IN", new String(io.zhibu.support.TestFiles.pdf(), java.nio.charset.StandardCharsets.US_ASCII)).status()).isEqualTo(409);
    }

    private static JsonNode findType(JsonNode types, String kind) {
        for (JsonNode t : types) {
            if (t.get("type").asText().equals(kind)) {
                return t;
            }
        }
        throw new AssertionError("no " + kind + " in " + types);
    }
}
