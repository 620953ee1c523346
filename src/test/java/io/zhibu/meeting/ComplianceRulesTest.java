package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.meeting.ComplianceRules.Period;
import io.zhibu.meeting.ComplianceRules.Status;
import io.zhibu.meeting.MeetingType.Frequency;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** R6.1 and the §6 frequencies: periods at month and quarter boundaries, warning, missing, double tags, rates. */
class ComplianceRulesTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void quarterBoundaries() {
        assertThat(ComplianceRules.periodOf(Frequency.QUARTER, d("2026-03-31")))
                .isEqualTo(new Period(Frequency.QUARTER, d("2026-01-01"), d("2026-03-31")));
        assertThat(ComplianceRules.periodOf(Frequency.QUARTER, d("2026-04-01")))
                .isEqualTo(new Period(Frequency.QUARTER, d("2026-04-01"), d("2026-06-30")));
        assertThat(ComplianceRules.periodOf(Frequency.QUARTER, d("2026-12-31")).start()).isEqualTo(d("2026-10-01"));
        assertThat(ComplianceRules.periodOf(Frequency.QUARTER, d("2026-09-30")).end()).isEqualTo(d("2026-09-30"));
    }

    @Test
    void monthBoundariesIncludingLeapFebruary() {
        assertThat(ComplianceRules.periodOf(Frequency.MONTH, d("2028-02-29")))
                .isEqualTo(new Period(Frequency.MONTH, d("2028-02-01"), d("2028-02-29")));
        assertThat(ComplianceRules.periodOf(Frequency.MONTH, d("2026-02-01")).end()).isEqualTo(d("2026-02-28"));
        assertThat(ComplianceRules.periodOf(Frequency.MONTH, d("2026-01-31")).end()).isEqualTo(d("2026-01-31"));
        assertThat(ComplianceRules.periodsWithin(Frequency.MONTH, ComplianceRules.periodOf(Frequency.QUARTER, d("2026-05-15"))))
                .extracting(Period::start).containsExactly(d("2026-04-01"), d("2026-05-01"), d("2026-06-01"));
    }

    @Test
    void meetingOnTheLastDayCountsForThatPeriodOnly() {
        Period q1 = ComplianceRules.periodOf(Frequency.QUARTER, d("2026-02-01"));
        Period q2 = ComplianceRules.periodOf(Frequency.QUARTER, d("2026-05-01"));
        List<LocalDate> held = List.of(d("2026-03-31"));
        assertThat(ComplianceRules.status(q1, held, d("2026-04-01"))).isEqualTo(Status.HELD);
        assertThat(ComplianceRules.status(q2, held, d("2026-04-01"))).isEqualTo(Status.OPEN);
        Period jan = ComplianceRules.periodOf(Frequency.MONTH, d("2026-01-10"));
        assertThat(ComplianceRules.status(jan, List.of(d("2026-02-01")), d("2026-02-01"))).isEqualTo(Status.MISSING);
    }

    @Test
    void warnsSevenDaysBeforeTheEndAndMarksMissingAfterIt() {
        Period q1 = ComplianceRules.periodOf(Frequency.QUARTER, d("2026-01-01"));
        assertThat(ComplianceRules.status(q1, List.of(), d("2026-03-23"))).isEqualTo(Status.OPEN);
        assertThat(ComplianceRules.status(q1, List.of(), d("2026-03-24"))).isEqualTo(Status.WARNING);
        assertThat(ComplianceRules.status(q1, List.of(), d("2026-03-31"))).isEqualTo(Status.WARNING);
        assertThat(ComplianceRules.status(q1, List.of(), d("2026-04-01"))).isEqualTo(Status.MISSING);
        Period feb = ComplianceRules.periodOf(Frequency.MONTH, d("2026-02-10"));
        assertThat(ComplianceRules.status(feb, List.of(), d("2026-02-20"))).isEqualTo(Status.OPEN);
        assertThat(ComplianceRules.status(feb, List.of(), d("2026-02-21"))).isEqualTo(Status.WARNING);
        assertThat(ComplianceRules.status(feb, List.of(), d("2026-03-01"))).isEqualTo(Status.MISSING);
    }

    @Test
    void aMeetingTaggedWithTwoKindsCountsForBothOnlyOnceLocked() {
        Set<MeetingType> tags = EnumSet.of(MeetingType.THEME_DAY, MeetingType.BRANCH_ASSEMBLY);
        assertThat(ComplianceRules.counts(tags, true, MeetingType.THEME_DAY)).isTrue();
        assertThat(ComplianceRules.counts(tags, true, MeetingType.BRANCH_ASSEMBLY)).isTrue();
        assertThat(ComplianceRules.counts(tags, true, MeetingType.COMMITTEE)).isFalse();
        assertThat(ComplianceRules.counts(tags, false, MeetingType.THEME_DAY)).isFalse();
    }

    @Test
    void requiredKindsAndFrequenciesOfTheTable() {
        assertThat(MeetingType.BRANCH_ASSEMBLY.frequency()).isEqualTo(Frequency.QUARTER);
        assertThat(MeetingType.COMMITTEE.frequency()).isEqualTo(Frequency.MONTH);
        assertThat(MeetingType.GROUP.frequency()).isEqualTo(Frequency.MONTH);
        assertThat(MeetingType.PARTY_LECTURE.frequency()).isEqualTo(Frequency.QUARTER);
        assertThat(MeetingType.THEME_DAY.frequency()).isEqualTo(Frequency.MONTH);
        assertThat(MeetingType.ORG_LIFE.frequency()).isEqualTo(Frequency.YEAR);
        assertThat(MeetingType.EVALUATION.frequency()).isEqualTo(Frequency.YEAR);
        assertThat(ComplianceRules.required(false)).doesNotContain(MeetingType.GROUP, MeetingType.FOUR_DELIBERATIONS);
        assertThat(ComplianceRules.required(true)).contains(MeetingType.GROUP);
    }

    @Test
    void rateCountsHeldAgainstHeldPlusMissing() {
        assertThat(ComplianceRules.ratePerMille(0, 0)).isNull();
        assertThat(ComplianceRules.ratePerMille(124, 1)).isEqualTo(992); // 99.2%
        assertThat(ComplianceRules.ratePerMille(3, 0)).isEqualTo(1000);
        assertThat(ComplianceRules.ratePerMille(0, 2)).isZero();
    }

    @Test
    void calendarProposesEveryRequiredMeeting() {
        var cal = ComplianceRules.proposeCalendar(2027, true, 31);
        assertThat(cal).filteredOn(c -> c.type() == MeetingType.COMMITTEE).hasSize(12);
        assertThat(cal).filteredOn(c -> c.type() == MeetingType.GROUP).hasSize(12);
        assertThat(cal).filteredOn(c -> c.type() == MeetingType.BRANCH_ASSEMBLY).hasSize(4);
        assertThat(cal).filteredOn(c -> c.type() == MeetingType.PARTY_LECTURE).hasSize(4);
        assertThat(cal).filteredOn(c -> c.type() == MeetingType.THEME_DAY).extracting(c -> c.date().toString())
                .contains("2027-02-28", "2027-04-30", "2027-12-31");
        assertThat(cal).filteredOn(c -> c.type() == MeetingType.ORG_LIFE).hasSize(1);
        assertThat(ComplianceRules.proposeCalendar(2027, false, 10)).noneMatch(c -> c.type() == MeetingType.GROUP);
    }
}
