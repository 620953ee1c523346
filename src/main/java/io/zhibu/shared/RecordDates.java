package io.zhibu.shared;

import java.time.LocalDate;
import java.util.List;

/**
 * 记录日期: the years a record date (a meeting, a step, a payment, joining the Party, a transfer …) may carry.
 * No Party record predates the founding year 1921; nothing is planned more than five years ahead. Birth dates are
 * not record dates (they come from the ID number, R9.1).
 */
public final class RecordDates {
    /** The founding year of the Party: the earliest year of any Party record. */
    public static final int FIRST_YEAR = 1921;
    /** Years after this year a record date may still carry (plans, validity dates, deadlines). */
    public static final int YEARS_AHEAD = 5;

    private RecordDates() {
    }

    public static int lastYear(LocalDate today) {
        return today.getYear() + YEARS_AHEAD;
    }

    public static boolean inRange(int year, LocalDate today) {
        return year >= FIRST_YEAR && year <= lastYear(today);
    }

    /** Adds a {@code validation.yearRange} violation for {@code field} when the date's year is out of range. */
    public static void check(LocalDate date, String field, LocalDate today, List<Violation> errors) {
        if (date != null && !inRange(date.getYear(), today)) {
            errors.add(violation(field, today));
        }
    }

    public static Violation violation(String field, LocalDate today) {
        return new Violation(field, "validation.yearRange", String.valueOf(FIRST_YEAR), String.valueOf(lastYear(today)));
    }
}
