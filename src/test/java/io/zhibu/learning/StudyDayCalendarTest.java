package io.zhibu.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fixed monthly study day (固定学习日, zhibu.learning.study-day, default the 23rd) in the member's calendar of the
 * meeting module, through its {@code CalendarMarks} port: the API calendar and the "my organization life" page.
 */
class StudyDayCalendarTest extends LearningTestBase {
    @Test
    void everyMonthsStudyDayIsInTheMembersCalendarNextToTheMeetings() {
        long memberId = branchMember();
        String username = "study-day-" + memberId + "-" + (System.nanoTime() % 100000);
        accounts.createUser(username, "学习日历", PASSWORD, Role.MEMBER, null, memberId);
        Api member = as(username);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        List<String> expected = new ArrayList<>();
        member.get("/api/v1/learning/study-days?year=" + year).json().forEach(d -> expected.add(d.asText()));
        assertThat(expected).hasSize(12).allMatch(d -> d.endsWith("-23"));

        Api.Response cal = member.get("/api/v1/meetings/my/calendar?year=" + year);
        assertThat(cal.status()).as(cal.body()).isEqualTo(200);
        assertThat(cal.at("/year").asInt()).isEqualTo(year);
        List<String> studyDays = new ArrayList<>();
        List<String> all = new ArrayList<>();
        int meetings = 0;
        for (JsonNode i : cal.at("/items")) {
            all.add(i.get("date").asText());
            if ("STUDY_DAY".equals(i.get("kind").asText())) {
                studyDays.add(i.get("date").asText());
            } else {
                assertThat(i.get("kind").asText()).isEqualTo("MEETING");
                assertThat(i.get("meetingId").asLong()).isPositive();
                meetings++;
            }
        }
        assertThat(studyDays).isEqualTo(expected);
        assertThat(all).isSorted();
        long myMeetingsThisYear = 0;
        for (JsonNode m : member.get("/api/v1/meetings/my").json()) {
            myMeetingsThisYear += m.at("/meeting/startsAt").asText().startsWith(year + "-") ? 1 : 0;
        }
        assertThat(meetings).isEqualTo(myMeetingsThisYear);
        assertThat(member.get("/api/v1/meetings/my/calendar?year=1999").status()).isEqualTo(400);
        assertThat(as("secretary").get("/api/v1/meetings/my/calendar").status()).as("members' own calendar").isEqualTo(403);

        // the page: this year's study days, the next one named
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String next = expected.stream().filter(d -> !LocalDate.parse(d).isBefore(today)).findFirst()
                .orElse((year + 1) + "-01-23");
        String page = new WebSession(port, username, PASSWORD).get("/meetings/my").body();
        assertThat(page).contains("id=\"study-days\"").contains("Fixed study days").contains("Next study day: " + next)
                .contains("data-date=\"" + expected.get(0) + "\"");
    }
}
