package io.zhibu.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.learning.LearningRecords.QuestionKind;
import io.zhibu.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The numbers of rules.md §7 (R7.1, R7.3, R7.4) and the defaults. */
class StudyRulesTest {
    private final StudyRules rules = new StudyRules(StudyRules.defaults());
    private final Instant t0 = Instant.parse("2026-05-10T08:00:00Z");

    @Test
    void heartbeatsCountRealTimeOnlyWhileThePageBeats() {
        assertThat(rules.beatCredit(t0, t0.plusSeconds(15))).isEqualTo(15);
        assertThat(rules.beatCredit(t0, t0.plusSeconds(30))).isEqualTo(30); // one missed beat is tolerated
        assertThat(rules.beatCredit(t0, t0.plusSeconds(31))).isZero(); // the page was closed or asleep
        assertThat(rules.beatCredit(t0, t0.plusSeconds(600))).isZero();
        assertThat(rules.beatCredit(t0, t0.plusSeconds(1))).isEqualTo(1); // beating faster gains nothing
        assertThat(rules.beatCredit(t0, t0)).isZero();
        assertThat(rules.beatCredit(t0, t0.minusSeconds(5))).isZero();
    }

    @Test
    void minimumDwellIsHalfTheStatedLengthAndAtLeastAMinute() {
        assertThat(rules.minDwellSeconds(1)).isEqualTo(60);
        assertThat(rules.minDwellSeconds(2)).isEqualTo(60);
        assertThat(rules.minDwellSeconds(10)).isEqualTo(300);
        assertThat(rules.dwellEnough(299, 10)).isFalse();
        assertThat(rules.dwellEnough(300, 10)).isTrue();
    }

    @Test
    void creditIsTheTimeSpentCappedByTheItemAndTheDailyCap() {
        assertThat(rules.creditedMinutes(600, 15, 0)).isEqualTo(10); // whole minutes actually spent
        assertThat(rules.creditedMinutes(3600, 15, 0)).isEqualTo(15); // never more than the item's length
        assertThat(rules.creditedMinutes(3600, 15, 230)).isEqualTo(10); // the daily cap (240) cuts the rest
        assertThat(rules.creditedMinutes(3600, 15, 240)).isZero();
        assertThat(rules.dailyCapReached(239)).isFalse();
        assertThat(rules.dailyCapReached(240)).isTrue();
    }

    @Test
    void studyHoursArithmeticOfR73() {
        assertThat(StudyRules.hoursOfMinutes(60)).isEqualByComparingTo("1");
        assertThat(StudyRules.hoursOfMinutes(15)).isEqualByComparingTo("0.25");
        assertThat(StudyRules.hoursOfMinutes(10)).isEqualByComparingTo("0.17");
        OffsetDateTime start = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        assertThat(StudyRules.meetingHours(start, start.plusMinutes(89))).isEqualByComparingTo("1.0");
        assertThat(StudyRules.meetingHours(start, start.plusMinutes(90))).isEqualByComparingTo("1.5");
        assertThat(StudyRules.meetingHours(start, start.plusHours(4))).isEqualByComparingTo("4"); // half day
        assertThat(StudyRules.meetingHours(start, start.plusHours(11))).isEqualByComparingTo("8"); // a full day at most
        assertThat(StudyRules.meetingHours(start, start.minusHours(1))).isEqualByComparingTo("0");
    }

    @Test
    void offlineHoursAreHalfHoursAndAtMostEightADay() {
        LocalDate d = LocalDate.of(2026, 4, 1);
        assertThat(StudyRules.offlineHoursProblem(new BigDecimal("4"), d, d)).isNull();
        assertThat(StudyRules.offlineHoursProblem(new BigDecimal("8"), d, d)).isNull();
        assertThat(StudyRules.offlineHoursProblem(new BigDecimal("8.5"), d, d)).isEqualTo("learning.hours.tooMany");
        assertThat(StudyRules.offlineHoursProblem(new BigDecimal("16"), d, d.plusDays(1))).isNull();
        assertThat(StudyRules.offlineHoursProblem(new BigDecimal("1.5"), d, d)).isNull();
        assertThat(StudyRules.offlineHoursProblem(new BigDecimal("1.3"), d, d)).isEqualTo("learning.hours.halfHours");
        assertThat(StudyRules.offlineHoursProblem(BigDecimal.ZERO, d, d)).isEqualTo("learning.hours.positive");
        assertThat(StudyRules.offlineHoursProblem(null, d, d)).isEqualTo("learning.hours.positive");
    }

    @Test
    void aCourseAcrossNewYearIsSplitByDays() {
        Map<Integer, BigDecimal> split = StudyRules.splitByYear(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 2),
                new BigDecimal("32"));
        assertThat(split).containsOnlyKeys(2025, 2026);
        assertThat(split.get(2025)).isEqualByComparingTo("16");
        assertThat(split.get(2026)).isEqualByComparingTo("16");
        Map<Integer, BigDecimal> uneven = StudyRules.splitByYear(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 2),
                new BigDecimal("8"));
        assertThat(uneven.get(2025)).isEqualByComparingTo("2.67");
        assertThat(uneven.get(2025).add(uneven.get(2026))).isEqualByComparingTo("8"); // nothing lost to rounding
        assertThat(StudyRules.splitByYear(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), new BigDecimal("12")))
                .containsExactly(Map.entry(2026, new BigDecimal("12.00")));
    }

    @Test
    void requirementPerRoleAndPaceAsTheYearAdvances() {
        assertThat(rules.requiredHours(false)).isEqualTo(32);
        assertThat(rules.requiredHours(true)).isEqualTo(56);
        assertThat(new StudyRules(new StudyRules.Settings(15, 60, 50, 240, 40, 60, 23, 5, 2)).requiredHours(false))
                .isEqualTo(40); // configurable (R7.1 [U])
        LocalDate midYear = LocalDate.of(2026, 7, 2); // day 183 of 365
        assertThat(StudyRules.expectedByNow(32, midYear)).isEqualByComparingTo("16.0");
        assertThat(StudyRules.pace(new BigDecimal("15.9"), 32, midYear)).isEqualTo(StudyRules.Pace.BEHIND);
        assertThat(StudyRules.pace(new BigDecimal("16"), 32, midYear)).isEqualTo(StudyRules.Pace.ON_TRACK);
        assertThat(StudyRules.pace(new BigDecimal("32"), 32, LocalDate.of(2026, 1, 5))).isEqualTo(StudyRules.Pace.DONE);
        assertThat(StudyRules.pace(BigDecimal.ZERO, 32, LocalDate.of(2026, 1, 5))).isEqualTo(StudyRules.Pace.BEHIND);
        assertThat(StudyRules.percent(new BigDecimal("16"), 32)).isEqualTo(50);
        assertThat(StudyRules.percent(new BigDecimal("40"), 32)).isEqualTo(100);
    }

    @Test
    void theMonthlyStudyDayIsThe23rdOrTheMonthEnd() {
        assertThat(rules.studyDay(YearMonth.of(2026, 5))).isEqualTo(LocalDate.of(2026, 5, 23));
        StudyRules lastDay = new StudyRules(new StudyRules.Settings(15, 60, 50, 240, 32, 56, 31, 5, 2));
        assertThat(lastDay.studyDay(YearMonth.of(2026, 2))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(lastDay.studyDay(YearMonth.of(2028, 2))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(rules.nextStudyDays(LocalDate.of(2026, 5, 23), 2))
                .containsExactly(LocalDate.of(2026, 5, 23), LocalDate.of(2026, 6, 23));
        assertThat(rules.nextStudyDays(LocalDate.of(2026, 12, 24), 1)).containsExactly(LocalDate.of(2027, 1, 23));
    }

    @Test
    void quizTimingIsByTheServerClockWithASmallGrace() {
        assertThat(rules.late(t0, t0.plusSeconds(30), 30)).isFalse();
        assertThat(rules.late(t0, t0.plusSeconds(32), 30)).isFalse();
        assertThat(rules.late(t0, t0.plusSeconds(33), 30)).isTrue();
        assertThat(rules.attemptCapReached(4)).isFalse();
        assertThat(rules.attemptCapReached(5)).isTrue();
        assertThat(StudyRules.passed(4, 4)).isTrue();
        assertThat(StudyRules.passed(3, 4)).isFalse();
        assertThat(StudyRules.score(7, 8)).isEqualByComparingTo("87.5");
    }

    @Test
    void questionsNeedACorrectAnswerOfTheirKind() {
        assertThat(QuestionRules.normalize(QuestionKind.SINGLE, " b ", 4)).isEqualTo("B");
        assertThat(QuestionRules.normalize(QuestionKind.MULTIPLE, "D,A、c", 4)).isEqualTo("ACD");
        assertThat(QuestionRules.normalize(QuestionKind.TRUE_FALSE, "对", 2)).isEqualTo("A");
        assertThat(QuestionRules.normalize(QuestionKind.TRUE_FALSE, "错", 2)).isEqualTo("B");
        assertThatThrownBy(() -> QuestionRules.normalize(QuestionKind.SINGLE, "", 4))
                .isInstanceOf(InvalidInputException.class).hasMessage("learning.question.noAnswer");
        assertThatThrownBy(() -> QuestionRules.normalize(QuestionKind.SINGLE, "AB", 4))
                .hasMessage("learning.question.singleOne");
        assertThatThrownBy(() -> QuestionRules.normalize(QuestionKind.MULTIPLE, "A", 4))
                .hasMessage("learning.question.multipleTwo");
        assertThatThrownBy(() -> QuestionRules.normalize(QuestionKind.SINGLE, "E", 4))
                .hasMessage("learning.question.badAnswer");
        assertThatThrownBy(() -> QuestionRules.options(QuestionKind.SINGLE, List.of("x", "", "z")))
                .hasMessage("learning.question.options");
        assertThat(QuestionRules.options(QuestionKind.SINGLE, List.of("x", "y", "", ""))).containsExactly("x", "y");
        assertThat(QuestionRules.correct("ACD", "dca")).isTrue();
        assertThat(QuestionRules.correct("ACD", "AC")).isFalse();
        assertThat(QuestionRules.correct("B", null)).isFalse();
    }

    @Test
    void settingsOutsideTheirRangesAreRefusedAtStart() {
        StudyRules.Settings d = StudyRules.defaults();
        assertThat(new StudyRules(d).settings()).isEqualTo(d);
        assertThat(new StudyRules(d).dailyAttempts()).isEqualTo(d.dailyAttempts());
        for (int[] ok : new int[][] {{5, 1, 1}, {5, 31, 1}}) {
            new StudyRules(withBeatDayCap(d, ok[0], ok[1], ok[2]));
        }
        for (int[] bad : new int[][] {{4, 23, 60}, {15, 0, 60}, {15, 32, 60}, {15, 23, 0}}) {
            assertThatThrownBy(() -> new StudyRules(withBeatDayCap(d, bad[0], bad[1], bad[2])))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static StudyRules.Settings withBeatDayCap(StudyRules.Settings d, int beat, int day, int cap) {
        return new StudyRules.Settings(beat, d.minDwellSeconds(), d.minDwellPercent(), cap, d.memberHours(),
                d.cadreHours(), day, d.dailyAttempts(), d.answerGraceSeconds());
    }

    @Test
    void progressAndScoresAtTheirEdges() {
        assertThat(StudyRules.percent(BigDecimal.ONE, 0)).isEqualTo(100); // nothing required: done
        assertThat(StudyRules.percent(new BigDecimal("16"), 32)).isEqualTo(50);
        assertThat(StudyRules.percent(new BigDecimal("40"), 32)).isEqualTo(100);
        assertThat(StudyRules.score(0, 0)).isEqualByComparingTo("0").hasScaleOf(1);
        assertThat(StudyRules.score(7, 9)).isEqualByComparingTo("77.8");
    }

    @Test
    void questionKindsAndOptionCountsAtTheirEdges() {
        assertThat(QuestionRules.kind(null)).isNull();
        assertThat(QuestionRules.kind(" 多选题 ")).isEqualTo(QuestionKind.MULTIPLE);
        assertThat(QuestionRules.kind("tf")).isEqualTo(QuestionKind.TRUE_FALSE);
        assertThat(QuestionRules.kind("填空")).isNull();
        assertThat(QuestionRules.normalize(QuestionKind.MULTIPLE, "AB", 2)).isEqualTo("AB"); // two is enough
        assertThat(QuestionRules.normalize(QuestionKind.SINGLE, "F", 6)).isEqualTo("F"); // the sixth of six options
        assertThat(QuestionRules.options(QuestionKind.TRUE_FALSE, null)).isEqualTo(QuestionRules.TRUE_FALSE);
        assertThat(QuestionRules.options(QuestionKind.SINGLE, List.of("x", "y"))).containsExactly("x", "y");
        assertThat(QuestionRules.options(QuestionKind.MULTIPLE, List.of("a", "b", "c", "d", "e", "f"))).hasSize(6);
        assertThatThrownBy(() -> QuestionRules.options(QuestionKind.MULTIPLE, List.of("a", "b", "c", "d", "e", "f", "g")))
                .hasMessage("learning.question.options");
        assertThatThrownBy(() -> QuestionRules.options(QuestionKind.SINGLE, List.of("x", "")))
                .hasMessage("learning.question.options");
        assertThatThrownBy(() -> QuestionRules.options(QuestionKind.SINGLE, null)).hasMessage("learning.question.options");
    }
}
