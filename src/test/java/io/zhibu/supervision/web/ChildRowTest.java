package io.zhibu.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.supervision.Dashboard;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The children's rows of the dashboard page, formatted once per view (issue 20), read as the template did. */
class ChildRowTest {
    @Test
    void figuresAreSummedAndFormattedAsThePageShowsThem() {
        Map<String, Long> f = Map.of("member.total", 1234L, "dev.APPLICANT", 1L, "dev.ACTIVIST", 2L, "dev.TARGET", 3L,
                "dev.PROBATIONARY", 4L, "org.term.overdue", 5L, "serving.reported", 6L, "serving.minutes", 90L, "deliberation.started", 4L, "deliberation.completed", 3L);
        Dashboard.Child low = new Dashboard.Child(7L, "一支部", "BRANCH", false, f, 799, 1000, 1);
        Dashboard.Child none = new Dashboard.Child(8L, "二支部", "COMMITTEE", true, Map.of(), null, null, 2);
        Dashboard d = new Dashboard(1L, "党委", "COMMITTEE", "2026", List.of(), Map.of(), null, null, "MEETING_RATE",
                List.of(low, none), 0);

        List<DashboardPageController.ChildRow> rows = DashboardPageController.ChildRow.of(d, Locale.SIMPLIFIED_CHINESE);
        var a = rows.get(0);
        assertThat(a.members()).isEqualTo(1234);
        assertThat(a.meetingRate()).isEqualTo("79.9%");
        assertThat(a.meetingLow()).isTrue();
        assertThat(a.duesRate()).isEqualTo("100.0%");
        assertThat(a.duesLow()).isFalse();
        assertThat(a.deliberationRate()).isEqualTo("75.0%");
        assertThat(a.deliberationLow()).isTrue();
        assertThat(a.deliberationCounts()).isEqualTo("3 / 4");
        assertThat(a.pipeline()).isEqualTo(10);
        assertThat(a.termsOverdue()).isEqualTo(5);
        assertThat(a.servingReported()).isEqualTo(6);
        assertThat(a.servingReceived()).isZero();
        assertThat(a.servingHours()).isEqualTo("1.5");
        var b = rows.get(1);
        assertThat(b.meetingRate()).isEqualTo("—");
        assertThat(b.meetingLow()).isFalse();
        assertThat(b.duesRate()).isEqualTo("—");
        assertThat(b.drillable()).isTrue();
        assertThat(b.servingHours()).isEqualTo("0.0");
        assertThat(DashboardPageController.ChildRow.of(d, Locale.ENGLISH).get(0).meetingRate()).isEqualTo("79.9%");
    }
}
