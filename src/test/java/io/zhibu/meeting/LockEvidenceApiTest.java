package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestFiles;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 18 "Done when": locking a 主题党日 without a photo or attendance is refused, naming what is missing. */
class LockEvidenceApiTest extends IntegrationTest {

    @Test
    @DisplayName("a 主题党日 without photo and attendance: 400 naming both, nothing locked; with them it locks")
    void themeDayNeedsEvidence() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        LocalDateTime start = LocalDateTime.now(MeetingApiTest.ZONE).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        Api.Response planned = secretary.post("/api/v1/meetings", "{\"orgId\":" + branch + ",\"types\":[\"THEME_DAY\"],"
                + "\"title\":\"主题党日（证据测试）\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(1)
                + "\",\"place\":\"党群服务中心\",\"agenda\":\"交纳党费；重温入党誓词；志愿服务\"}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String id = planned.at("/id").asText();
        int v = secretary.get("/api/v1/meetings/" + id).at("/version").asInt();
        assertThat(secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"host\":\"张书记\",\"recorder\":\"李委员\",\"version\":" + v + "}")
                .status()).isEqualTo(200);

        Api.Response refused = secretary.post("/api/v1/meetings/" + id + "/lock", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"attendance\"").contains("\"photos\"").doesNotContain("\"agenda\"");
        assertThat(refused.body()).contains("sign-in sheet").contains("photo");
        assertThat(secretary.get("/api/v1/meetings/" + id).at("/status").asText()).isEqualTo("PLANNED");

        assertThat(secretary.postBytes("/api/v1/meetings/" + id + "/attachments?kind=SIGN_IN&name=sign.pdf", TestFiles.pdf()).status()).isEqualTo(201);
        Api.Response stillNoPhoto = secretary.post("/api/v1/meetings/" + id + "/lock", null);
        assertThat(stillNoPhoto.status()).isEqualTo(400);
        assertThat(stillNoPhoto.body()).contains("\"photos\"").doesNotContain("\"attendance\"");

        assertThat(secretary.postBytes("/api/v1/meetings/" + id + "/attachments?kind=PHOTO&name=photo.jpg", TestFiles.jpeg()).status()).isEqualTo(201);
        // the "3" fixed items of 主题党日 (交纳党费、重温入党誓词、过政治生日) are still missing
        Api.Response noItems = secretary.post("/api/v1/meetings/" + id + "/lock", null);
        assertThat(noItems.status()).isEqualTo(400);
        assertThat(noItems.body()).contains("\"themeDuesDone\"").contains("\"themeOathDone\"").doesNotContain("\"photos\"");
        v = secretary.get("/api/v1/meetings/" + id).at("/version").asInt();
        assertThat(secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"host\":\"张书记\",\"recorder\":\"李委员\","
                + "\"themeDuesDone\":true,\"themeOathDone\":true,\"themeBirthdaysDone\":true,\"version\":" + v + "}").status())
                .isEqualTo(200);
        // the dues item links to the ledger: the month's unpaid members are listed
        Api.Response dues = secretary.get("/api/v1/meetings/" + id + "/theme-dues");
        assertThat(dues.status()).as(dues.body()).isEqualTo(200);
        assertThat(dues.at("/month").asText()).isEqualTo(java.time.YearMonth.from(start).toString());
        assertThat(dues.at("/unpaid").isArray()).isTrue();
        assertThat(as("member").get("/api/v1/meetings/" + id + "/theme-dues").status()).isEqualTo(403);
        Api.Response locked = secretary.post("/api/v1/meetings/" + id + "/lock", null);
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        assertThat(locked.at("/status").asText()).isEqualTo("LOCKED");
    }
}
