package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R2.4 calendar-shift arithmetic, R2.8/R2.10/R2.11/R9.2 full-member date. */
class PartyCalendarTest {

    @ParameterizedTest(name = "R2.4 {0} + {1} month(s) = {2}")
    @CsvSource({
            "2023-01-31, 1, 2023-02-28",
            "2024-01-31, 1, 2024-02-29",
            "2024-03-31, 1, 2024-04-30",
            "2024-01-15, 1, 2024-02-15",
            "2024-08-31, 6, 2025-02-28",
            "2024-12-31, 2, 2025-02-28",
            "2024-02-29, 12, 2025-02-28",
            "2024-02-29, 48, 2028-02-29"
    })
    void plusMonths(LocalDate from, int months, LocalDate expected) {
        assertThat(PartyCalendar.plusMonths(from, months)).isEqualTo(expected);
    }

    @Test
    @DisplayName("R2.8 probation is 12 months")
    void probationMonths() {
        assertThat(PartyCalendar.PROBATION_MONTHS).isEqualTo(12);
    }

    @ParameterizedTest(name = "R2.8/R2.11 joined {0}, extension {1} -> full member {2}")
    @CsvSource({
            "2024-07-01, 0, 2025-07-01",
            "2024-07-01, 6, 2026-01-01",
            "2024-07-01, 12, 2026-07-01",
            "2024-02-29, 0, 2025-02-28",
            "2023-08-31, 6, 2025-02-28",
            "2024-01-31, 0, 2025-01-31"
    })
    void fullMemberDate(LocalDate joined, int extension, LocalDate expected) {
        assertThat(PartyCalendar.fullMemberDate(joined, extension)).isEqualTo(expected);
    }

    @Test
    @DisplayName("R2.1 ageOn: 17 the day before the 18th birthday, 18 on it")
    void ageOnBoundaries() {
        LocalDate birth = LocalDate.of(2000, 6, 15);
        assertThat(PartyCalendar.ageOn(birth, LocalDate.of(2018, 6, 14))).isEqualTo(17);
        assertThat(PartyCalendar.ageOn(birth, LocalDate.of(2018, 6, 15))).isEqualTo(18);
        assertThat(PartyCalendar.ageOn(birth, LocalDate.of(2019, 6, 14))).isEqualTo(18);
        assertThat(PartyCalendar.ageOn(birth, birth)).isZero();
    }

    @Test
    @DisplayName("R2.4 ageOn for a 29 Feb birth in a leap target year")
    void ageOnLeapDayInLeapYear() {
        LocalDate birth = LocalDate.of(2004, 2, 29);
        assertThat(PartyCalendar.ageOn(birth, LocalDate.of(2024, 2, 28))).isEqualTo(19);
        assertThat(PartyCalendar.ageOn(birth, LocalDate.of(2024, 2, 29))).isEqualTo(20);
        assertThat(PartyCalendar.ageOn(birth, LocalDate.of(2022, 3, 1))).isEqualTo(18);
    }

    @Test
    
    @DisplayName("R2.4 ageOn agrees with adulthood for a 29 Feb birth in a non-leap year")
    void ageOnLeapDayNonLeapYear() {
        LocalDate birth = LocalDate.of(2004, 2, 29);
        assertThat(PartyCalendar.ageOn(birth, LocalDate.of(2022, 2, 27))).isEqualTo(17);
        assertThat(PartyCalendar.ageOn(birth, LocalDate.of(2022, 2, 28))).isEqualTo(18);
    }
}
