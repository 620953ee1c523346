package io.zhibu.development;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days for 公示 (R2.4, R2.7): Monday–Friday, minus configured 法定节假日, plus configured 调休 working
 * weekend days. A year with no configured entry counts as "not loaded": results touching it are provisional.
 */
public final class WorkingDayCalendar {
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final Set<Integer> years = new HashSet<>();

    public WorkingDayCalendar(Collection<LocalDate> holidays, Collection<LocalDate> adjustedWorkdays) {
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(adjustedWorkdays);
        holidays.forEach(d -> years.add(d.getYear()));
        adjustedWorkdays.forEach(d -> years.add(d.getYear()));
    }

    /** A count, and whether it is provisional because a year in the range has no calendar loaded. */
    public record Count(int days, boolean provisional) {
    }

    public boolean isWorkingDay(LocalDate d) {
        if (workdays.contains(d)) {
            return true;
        }
        if (holidays.contains(d)) {
            return false;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Working days from {@code from} to {@code to}, both included (a notice posted on both days counts both). */
    public Count between(LocalDate from, LocalDate to) {
        int n = 0;
        boolean provisional = false;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
            provisional |= !years.contains(d.getYear());
        }
        return new Count(n, provisional || from.isAfter(to) && !years.contains(from.getYear()));
    }

    /** The last day of a notice of {@code days} working days starting on {@code from} (or its first working day). */
    public LocalDate endOfNotice(LocalDate from, int days) {
        if (days <= 0) {
            return from;
        }
        LocalDate d = from;
        int n = 0;
        while (true) {
            if (isWorkingDay(d) && ++n >= days) {
                return d;
            }
            d = d.plusDays(1);
        }
    }
}
