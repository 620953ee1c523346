package io.zhibu.shared;

import java.time.LocalDate;

/**
 * The one date engine for statutory periods. R2.4: "1 month" / "1 year" are calendar shifts and a missing day
 * becomes the month end (31 Jan + 1 month = 28/29 Feb) — exactly {@link LocalDate#plusMonths}.
 */
public final class PartyCalendar {
    /** R2.8: probation (预备期) is one year from the branch-meeting resolution. */
    public static final int PROBATION_MONTHS = 12;

    private PartyCalendar() {
    }

    public static LocalDate plusMonths(LocalDate date, int months) {
        return date.plusMonths(months);
    }

    /** R2.8/R2.10/R9.2: full-member date = admission date + 12 months + any extension (6–12 months, R2.11). */
    public static LocalDate fullMemberDate(LocalDate joinedOn, int extensionMonths) {
        return joinedOn.plusMonths(PROBATION_MONTHS + extensionMonths);
    }

    /** Age in whole years; a 29 Feb birthday falls on 28 Feb in other years, as in R2.4 and the 18th birthday. */
    public static int ageOn(LocalDate birth, LocalDate on) {
        int years = on.getYear() - birth.getYear();
        return birth.plusYears(years).isAfter(on) ? years - 1 : years;
    }
}
