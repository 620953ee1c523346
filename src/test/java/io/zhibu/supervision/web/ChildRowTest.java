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
        Map<String, Long> f = Map.ofEntries(Map.entry("member.total", 1234L),
                Map.entry("dev.APPLICANT", 1L),
                Map.entry("dev.ACTIVIST", 2L),
                Map.entry("dev.TARGET", 3L),
                Map.entry("dev.PROBATIONARY", 4L),
                Map.entry("org.term.overdue", 5L),
                Map.entry("serving.reported", 6L),
                Map.entry("serving.minutes", 90L),
                Map.entry("deliberation.started", 4L),
                Map.entry("deliberation.completed", 3L),
                Map.entry("disclosure.due", 8L),
                Map.entry("disclosure.published", 7L));
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
        assertThat(a.disclosureRate()).isEqualTo("87.5%");
        assertThat(a.disclosureLow()).isFalse();
        assertThat(a.servingHours()).isEqualTo("1.5");
        var b = rows.get(1);
        assertThat(b.meetingRate()).isEqualTo("—");
        assertThat(b.meetingLow()).isFalse();
        assertThat(b.duesRate()).isEqualTo("—");
        assertThat(b.drillable()).isTrue();
        assertThat(b.servingHours()).isEqualTo("0.0");
        assertThat(b.disclosureRate()).isEqualTo("—");
        assertThat(DashboardPageController.ChildRow.of(d, Locale.ENGLISH).get(0).meetingRate()).isEqualTo("79.9%");
    }
}
