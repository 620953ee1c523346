package io.zhibu.learning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The rules of member education in one place (rules.md §7): genuine study time from page heartbeats (R7.4 minimum
 * dwell, dedupe per item, daily cap), 学时 arithmetic (R7.3), the annual requirement (R7.1, configurable because the
 * 2019–2023 plan has expired), the pace "as the year advances", the fixed monthly study day and the quiz timing and
 * attempt cap. Every number has a configuration key with the default below.
 */
@Component
public class StudyRules {
    /** How far the member is against the year's requirement. */
    public enum Pace {
        DONE, ON_TRACK, BEHIND
    }

    /** The numbers; {@link #defaults()} are those of rules.md and the issue. */
    public record Settings(int beatSeconds, int minDwellSeconds, int minDwellPercent, int dailyCapMinutes,
                           int memberHours, int cadreHours, int studyDay, int dailyAttempts, int answerGraceSeconds) {
    }

    public static Settings defaults() {
        return new Settings(15, 60, 50, 240, 32, 56, 23, 5, 2);
    }

    private final Settings s;

    @Autowired
    public StudyRules(LearningProperties settings) {
        this(settings.studyRules());
    }

    public StudyRules(Settings s) {
        if (s.studyDay() < 1 || s.studyDay() > 31 || s.beatSeconds() < 5 || s.dailyCapMinutes() < 1) {
            throw new IllegalArgumentException("learning settings out of range: " + s);
        }
        this.s = s;
    }

    public Settings settings() {
        return s;
    }

    // ---------------------------------------------------------------- genuine study time (R7.4)

    /**
     * Seconds one heartbeat adds: the server time since the previous beat, but nothing when the gap is longer than two
     * beat intervals (the page was closed, hidden or asleep: that gap is not study). Beats sent faster than the
     * interval add only the real time between them, so dwell never exceeds wall-clock time on the page.
     */
    public int beatCredit(Instant previous, Instant now) {
        long elapsed = Duration.between(previous, now).toSeconds();
        if (elapsed <= 0 || elapsed > 2L * s.beatSeconds()) {
            return 0;
        }
        return (int) elapsed;
    }

    /** R7.4 minimum dwell: a share of the item's stated length, at least the floor (default 50 %, at least 60 s). */
    public int minDwellSeconds(int materialMinutes) {
        return Math.max(s.minDwellSeconds(), materialMinutes * 60 * s.minDwellPercent() / 100);
    }

    public boolean dwellEnough(int dwellSeconds, int materialMinutes) {
        return dwellSeconds >= minDwellSeconds(materialMinutes);
    }

    /**
     * Minutes a completion credits: the whole minutes actually spent, never more than the item's stated length, and
     * never beyond the daily cap together with what was already credited that day (0 when the cap is reached).
     */
    public int creditedMinutes(int dwellSeconds, int materialMinutes, int creditedToday) {
        int spent = Math.min(dwellSeconds / 60, materialMinutes);
        return Math.max(0, Math.min(spent, s.dailyCapMinutes() - creditedToday));
    }

    public boolean dailyCapReached(int creditedToday) {
        return creditedToday >= s.dailyCapMinutes();
    }

    // ---------------------------------------------------------------- 学时 (R7.1, R7.3)

    /** R7.3: 1 hour of study = 1 学时 (two decimals). */
    public static BigDecimal hoursOfMinutes(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** R7.3: a training meeting counts its length in half hours (rounded down), at most a full day (8 学时). */
    public static BigDecimal meetingHours(OffsetDateTime start, OffsetDateTime end) {
        long minutes = Math.max(0, Duration.between(start, end).toMinutes());
        BigDecimal halfHours = BigDecimal.valueOf(minutes / 30).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
        return halfHours.min(BigDecimal.valueOf(8)).setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * R7.3: offline training hours must be positive whole half hours and at most 8 a day (full day = 8) over the
     * course's days; null when valid, else the message key.
     */
    public static String offlineHoursProblem(BigDecimal hours, LocalDate from, LocalDate to) {
        if (hours == null || hours.signum() <= 0) {
            return "learning.hours.positive";
        }
        if (hours.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
            return "learning.hours.halfHours";
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (hours.compareTo(BigDecimal.valueOf(8 * days)) > 0) {
            return "learning.hours.tooMany";
        }
        return null;
    }

    /** R7.3: 学时 count for the calendar year only; a course across New Year is split by its days in each year. */
    public static Map<Integer, BigDecimal> splitByYear(LocalDate from, LocalDate to, BigDecimal hours) {
        Map<Integer, BigDecimal> out = new LinkedHashMap<>();
        long total = ChronoUnit.DAYS.between(from, to) + 1;
        BigDecimal left = hours;
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            if (y == to.getYear()) {
                out.put(y, left.setScale(2, RoundingMode.HALF_UP));
                break;
            }
            LocalDate start = y == from.getYear() ? from : LocalDate.of(y, 1, 1);
            long days = ChronoUnit.DAYS.between(start, LocalDate.of(y, 12, 31)) + 1;
            BigDecimal part = hours.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
            out.put(y, part);
            left = left.subtract(part);
        }
        return out;
    }

    /** R7.1: ≥32 学时 for every member, ≥56 for secretaries and committee members (configurable). */
    public int requiredHours(boolean cadre) {
        return cadre ? s.cadreHours() : s.memberHours();
    }

    /** The share of the requirement due by {@code today} if spread evenly over the year (one decimal). */
    public static BigDecimal expectedByNow(int required, LocalDate today) {
        return BigDecimal.valueOf((long) required * today.getDayOfYear())
                .divide(BigDecimal.valueOf(today.lengthOfYear()), 1, RoundingMode.HALF_UP);
    }

    /** Behind schedule when the hours so far are below the evenly spread share for the date. */
    public static Pace pace(BigDecimal hours, int required, LocalDate today) {
        if (hours.compareTo(BigDecimal.valueOf(required)) >= 0) {
            return Pace.DONE;
        }
        return hours.compareTo(expectedByNow(required, today)) >= 0 ? Pace.ON_TRACK : Pace.BEHIND;
    }

    /** Progress in whole percent, at most 100. */
    public static int percent(BigDecimal hours, int required) {
        if (required <= 0) {
            return 100;
        }
        return Math.min(100, hours.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(required), 0,
                RoundingMode.DOWN).intValue());
    }

    // ---------------------------------------------------------------- the fixed monthly study day

    /** The month's study day (default the 23rd); in a shorter month the last day. */
    public LocalDate studyDay(YearMonth month) {
        return month.atDay(Math.min(s.studyDay(), month.lengthOfMonth()));
    }

    /** The next {@code count} study days from {@code today} (today included). */
    public List<LocalDate> nextStudyDays(LocalDate today, int count) {
        List<LocalDate> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(today); out.size() < count; m = m.plusMonths(1)) {
            LocalDate d = studyDay(m);
            if (!d.isBefore(today)) {
                out.add(d);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- quiz timing and caps

    /** An answer is late when it arrives after the question's time (server clock) plus a small network grace. */
    public boolean late(Instant servedAt, Instant answeredAt, int secondsPerQuestion) {
        return answeredAt.isAfter(servedAt.plusSeconds((long) secondsPerQuestion + s.answerGraceSeconds()));
    }

    public int dailyAttempts() {
        return s.dailyAttempts();
    }

    public boolean attemptCapReached(int attemptsToday) {
        return attemptsToday >= s.dailyAttempts();
    }

    /** A level is passed with at least {@code passCorrect} correct answers. */
    public static boolean passed(int correct, int passCorrect) {
        return correct >= passCorrect;
    }

    /** Test score: per-cent of the paper's questions answered correctly, one decimal. */
    public static BigDecimal score(int correct, int questions) {
        if (questions == 0) {
            return BigDecimal.ZERO.setScale(1, RoundingMode.UNNECESSARY);
        }
        return BigDecimal.valueOf(correct * 100L).divide(BigDecimal.valueOf(questions), 1, RoundingMode.HALF_UP);
    }
}
