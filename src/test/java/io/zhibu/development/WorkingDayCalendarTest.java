package io.zhibu.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R2.4/R2.7: 公示 of ≥5 working days on a holiday/调休 calendar; provisional without one. */
class WorkingDayCalendarTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void weekdaysWithoutCalendarAreProvisional() {
        WorkingDayCalendar c = new WorkingDayCalendar(List.of(), List.of());
        WorkingDayCalendar.Count n = c.between(d("2025-03-03"), d("2025-03-07")); // Mon–Fri
        assertThat(n.days()).isEqualTo(5);
        assertThat(n.provisional()).isTrue();
        assertThat(c.between(d("2025-03-03"), d("2025-03-06")).days()).as("one day short").isEqualTo(4);
        assertThat(c.endOfNotice(d("2025-03-05"), 5)).isEqualTo(d("2025-03-11")); // over a weekend
    }

    @Test
    void holidaysAndAdjustedWorkdaysCount() {
        // National Day 2025: 1–8 Oct off; Sun 28 Sep and Sat 11 Oct are 调休 working days
        List<LocalDate> holidays = d("2025-10-01").datesUntil(d("2025-10-09")).toList();
        WorkingDayCalendar c = new WorkingDayCalendar(holidays, List.of(d("2025-09-28"), d("2025-10-11")));
        WorkingDayCalendar.Count n = c.between(d("2025-09-28"), d("2025-10-11"));
        assertThat(n.days()).isEqualTo(6); // 28 (调休), 29, 30 Sep, 9, 10, 11 (调休) Oct
        assertThat(n.provisional()).isFalse();
        assertThat(c.isWorkingDay(d("2025-10-11"))).isTrue();
        assertThat(c.isWorkingDay(d("2025-10-03"))).isFalse();
    }

    @Test
    void aYearIsLoadedByEitherListAndAnEmptyRangeIsProvisionalOnlyWithoutIt() {
        WorkingDayCalendar onlyWorkdays = new WorkingDayCalendar(List.of(), List.of(d("2026-02-14")));
        assertThat(onlyWorkdays.between(d("2026-03-02"), d("2026-03-06")).provisional()).isFalse();
        WorkingDayCalendar onlyHolidays = new WorkingDayCalendar(List.of(d("2027-01-01")), List.of());
        assertThat(onlyHolidays.between(d("2027-03-01"), d("2027-03-05")).provisional()).isFalse();
        assertThat(onlyHolidays.between(d("2026-03-02"), d("2026-03-06")).provisional()).isTrue();
        // from after to: no days; provisional only when the year has no calendar
        assertThat(onlyHolidays.between(d("2027-03-05"), d("2027-03-01"))).isEqualTo(new WorkingDayCalendar.Count(0, false));
        assertThat(onlyHolidays.between(d("2026-03-05"), d("2026-03-01"))).isEqualTo(new WorkingDayCalendar.Count(0, true));
    }

    @Test
    void aNoticeOfNoDaysEndsWhereItStartsAndOneDayEndsOnTheFirstWorkingDay() {
        WorkingDayCalendar c = new WorkingDayCalendar(List.of(), List.of());
        assertThat(c.endOfNotice(d("2025-03-08"), 0)).isEqualTo(d("2025-03-08")); // a Saturday
        assertThat(c.endOfNotice(d("2025-03-08"), 1)).isEqualTo(d("2025-03-10"));
        assertThat(c.endOfNotice(d("2025-03-10"), 1)).isEqualTo(d("2025-03-10"));
    }
}
