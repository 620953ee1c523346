package io.zhibu.themeday;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static io.zhibu.db.Tables.THEMEDAY_PICK;
import static io.zhibu.db.Tables.THEMEDAY_THEME;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestFiles;
import io.zhibu.support.WebSession;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 21 point 6: the township publishes a theme; a branch picks it for its 主题党日; the meeting links to it. */
class ThemeDayApiTest extends IntegrationTest {
    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;

    @Test
    @DisplayName("a township theme with a file is offered to its branch, picked in the meeting form and linked from the meeting; bad input → 400")
    void publishPickLink() {
        Api township = as("township");
        Api secretary = as("secretary");
        Api member = as("member");
        DemoFacts f = DemoFacts.discover(as("admin"), secretary, township);
        String month = YearMonth.now(clock).toString();
        String topic = "学习贯彻全会精神 " + UUID.randomUUID().toString().substring(0, 6);

        // bad input → 400 naming the field, nothing stored
        int before = db.fetchCount(THEMEDAY_THEME);
        Api.Response noTopic = township.post("/api/v1/theme-days", "{\"orgId\":" + f.townshipId() + ",\"month\":\"" + month
                + "\",\"activities\":\"重温入党誓词\"}");
        assertThat(noTopic.status()).isEqualTo(400);
        assertThat(noTopic.body()).contains("topic");
        Api.Response badMonth = township.post("/api/v1/theme-days", "{\"orgId\":" + f.townshipId()
                + ",\"month\":\"2026-13\",\"topic\":\"x\",\"activities\":\"y\"}");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.body()).contains("month");
        Api.Response branchAsPublisher = township.post("/api/v1/theme-days", "{\"orgId\":" + f.ownBranchId() + ",\"month\":\""
                + month + "\",\"topic\":\"x\",\"activities\":\"y\"}");
        assertThat(branchAsPublisher.status()).isEqualTo(400);
        assertThat(branchAsPublisher.body()).contains("orgId");
        assertThat(secretary.post("/api/v1/theme-days", "{\"orgId\":" + f.ownBranchId() + ",\"month\":\"" + month
                + "\",\"topic\":\"x\",\"activities\":\"y\"}").status()).isEqualTo(403);
        assertThat(db.fetchCount(THEMEDAY_THEME)).isEqualTo(before);

        Api.Response created = township.post("/api/v1/theme-days", "{\"orgId\":" + f.townshipId() + ",\"month\":\"" + month
                + "\",\"topic\":\"" + topic + "\",\"materials\":\"《中国共产党支部工作条例》第十二条\",\"activities\":\"重温入党誓词\\n集中学习\\n志愿服务\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long theme = created.at("/id").asLong();
        assertThat(created.at("/activities").size()).isEqualTo(3);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("themeday.publish")
                .and(AUDIT_EVENT.TARGET_ID.eq(String.valueOf(theme))))).isEqualTo(1);
        Api.Response file = township.postBytes("/api/v1/theme-days/" + theme + "/files?name=poster.png", TestFiles.png());
        assertThat(file.status()).as(file.body()).isEqualTo(201);
        assertThat(township.postBytes("/api/v1/theme-days/" + theme + "/files?name=x.pdf", "not a pdf".getBytes()).status())
                .isEqualTo(400);

        // offered to the branch and its members
        assertThat(secretary.get("/api/v1/theme-days").body()).contains(topic);
        assertThat(member.get("/api/v1/theme-days").body()).contains(topic);
        assertThat(member.get("/api/v1/theme-days/" + theme).status()).isEqualTo(200);
        assertThat(secretary.get("/api/v1/theme-days/choices?orgId=" + f.ownBranchId()).body()).contains("\"themeId\":" + theme);
        assertThat(new WebSession(port, "secretary", PASSWORD).get("/meetings/new?type=THEME_DAY").body())
                .contains("theme-picker").contains(topic);

        // a theme not offered (unknown) rolls the plan back
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).truncatedTo(ChronoUnit.HOURS);
        String plan = "{\"orgId\":" + f.ownBranchId() + ",\"types\":[\"THEME_DAY\"],\"title\":\"本月主题党日\",\"startsAt\":\""
                + start + "\",\"endsAt\":\"" + start.plusHours(2) + "\",\"place\":\"村党群服务中心\",\"themeId\":";
        int picks = db.fetchCount(THEMEDAY_PICK);
        Api.Response wrong = secretary.post("/api/v1/meetings", plan + "99999999}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("themeId");
        assertThat(db.fetchCount(THEMEDAY_PICK)).isEqualTo(picks);

        Api.Response meeting = secretary.post("/api/v1/meetings", plan + theme + "}");
        assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
        long meetingId = meeting.at("/id").asLong();
        assertThat(secretary.get("/api/v1/theme-days/meetings/" + meetingId).at("/topic").asText()).isEqualTo(topic);
        assertThat(new WebSession(port, "secretary", PASSWORD).get("/meetings/" + meetingId).body())
                .contains("/theme-days/" + theme).contains(topic);
        Api.Response detail = township.get("/api/v1/theme-days/" + theme);
        assertThat(detail.at("/picks/0/meetingId").asLong()).isEqualTo(meetingId);
        assertThat(detail.at("/files/0/fileName").asText()).isEqualTo("poster.png");
        assertThat(secretary.get("/api/v1/theme-days/" + theme + "/files/" + detail.at("/files/0/id").asLong()).status())
                .isEqualTo(200);

        // withdrawn: no longer offered, the meeting keeps its link
        assertThat(township.post("/api/v1/theme-days/" + theme + "/withdraw", null).status()).isEqualTo(200);
        assertThat(secretary.get("/api/v1/theme-days/choices?orgId=" + f.ownBranchId()).body()).doesNotContain("\"themeId\":" + theme + ",");
        assertThat(secretary.get("/api/v1/theme-days/meetings/" + meetingId).at("/topic").asText()).isEqualTo(topic);
        assertThat(township.post("/api/v1/theme-days/" + theme + "/withdraw", null).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("theme pages: publish, edit with version, inline errors")
    void pages() {
        WebSession web = new WebSession(port, "township", PASSWORD);
        DemoFacts f = DemoFacts.discover(as("admin"), as("secretary"), as("township"));
        assertThat(web.get("/theme-days").body()).contains("theme-form");
        WebSession.Page bad = web.post("/theme-days", java.util.Map.of("orgId", "" + f.townshipId(), "month", "x",
                "topic", "t", "activities", "a"));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(web.get("/theme-days").body()).contains("2026-12");
        WebSession.Page ok = web.post("/theme-days", java.util.Map.of("orgId", "" + f.townshipId(), "month",
                YearMonth.now(clock).plusMonths(1).toString(), "topic", "页面发布的主题", "activities", "重温入党誓词"));
        assertThat(ok.location()).contains("/theme-days/");
        String path = ok.location().replaceFirst("^https?://[^/]+", "");
        assertThat(web.get(path).body()).contains("页面发布的主题").contains("theme-edit");
        WebSession.Page edited = web.post(path, java.util.Map.of("month", YearMonth.now(clock).plusMonths(1).toString(),
                "topic", "改过的主题", "activities", "重温入党誓词\n集中学习", "version", "0"));
        assertThat(edited.status()).isEqualTo(302);
        assertThat(web.get(path).body()).contains("改过的主题");
        assertThat(new WebSession(port, "member", PASSWORD).get("/theme-days").body()).contains("改过的主题");
    }
}
