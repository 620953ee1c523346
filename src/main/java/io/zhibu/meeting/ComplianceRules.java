package io.zhibu.meeting;

import io.zhibu.meeting.MeetingType.Frequency;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one place of the frequency and compliance rules of organization life (R6.1): which kinds a branch must hold
 * in which period, the 7-day warning before a period ends, "missing" after it ends, and the implementation rate.
 */
public final class ComplianceRules {
    /** R6.1: warn this many days before the end of a period [L]. */
    public static final int WARN_DAYS = 7;

    private ComplianceRules() {
    }

    /** One required-meeting period: [start, end] inclusive. */
    public record Period(Frequency frequency, LocalDate start, LocalDate end) {
        public boolean contains(LocalDate d) {
            return !d.isBefore(start) && !d.isAfter(end);
        }
    }

    public enum Status {
        /** Held: a locked record of this kind exists in the period. */
        HELD,
        /** Not yet held, period still open and more than 7 days left. */
        OPEN,
        /** Not yet held and the period ends within 7 days (from end − 7 days on, R6.1). */
        WARNING,
        /** Period ended without a locked record (R6.1). */
        MISSING
    }

    /** The period of the given frequency containing {@code d}. */
    public static Period periodOf(Frequency f, LocalDate d) {
        return switch (f) {
            case MONTH -> new Period(f, d.withDayOfMonth(1), d.withDayOfMonth(d.lengthOfMonth()));
            case QUARTER -> {
                LocalDate start = LocalDate.of(d.getYear(), (d.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
                yield new Period(f, start, start.plusMonths(3).minusDays(1));
            }
            case YEAR -> new Period(f, LocalDate.of(d.getYear(), 1, 1), LocalDate.of(d.getYear(), 12, 31));
            case NONE -> throw new IllegalArgumentException("no period for a kind without frequency");
        };
    }

    /** The periods of frequency {@code f} that lie inside {@code outer} (e.g. the 3 months of a quarter). */
    public static List<Period> periodsWithin(Frequency f, Period outer) {
        List<Period> out = new ArrayList<>();
        for (LocalDate d = outer.start(); !d.isAfter(outer.end()); ) {
            Period p = periodOf(f, d);
            out.add(p);
            d = p.end().plusDays(1);
        }
        return out;
    }

    /** The kinds a branch must hold; 党小组会 only where the branch has party groups. */
    public static Set<MeetingType> required(boolean hasPartyGroups) {
        Set<MeetingType> s = EnumSet.noneOf(MeetingType.class);
        for (MeetingType t : MeetingType.values()) {
            if (t.frequency() != Frequency.NONE && (t != MeetingType.GROUP || hasPartyGroups)) {
                s.add(t);
            }
        }
        return s;
    }

    /** R6.1: status of one kind in one period, given the dates of the locked meetings tagged with that kind. */
    public static Status status(Period p, Collection<LocalDate> heldOn, LocalDate today) {
        if (heldOn.stream().anyMatch(p::contains)) {
            return Status.HELD;
        }
        if (today.isAfter(p.end())) {
            return Status.MISSING;
        }
        return today.isBefore(p.end().minusDays(WARN_DAYS)) ? Status.OPEN : Status.WARNING;
    }

    /**
     * Whether a meeting counts for a kind: its tags include the kind (a meeting tagged with two kinds counts for
     * both, R6.1) and its record is locked.
     */
    public static boolean counts(Set<MeetingType> tags, boolean locked, MeetingType kind) {
        return locked && tags.contains(kind);
    }

    /**
     * Implementation rate in per mille: obligations held ÷ obligations that are due (held, or whose period has
     * ended); null when nothing is due yet. Open periods that are not yet held are not counted against the branch.
     */
    public static Integer ratePerMille(int held, int missing) {
        int due = held + missing;
        return due == 0 ? null : (int) Math.round(held * 1000.0 / due);
    }

    /**
     * The year's proposed calendar from the frequencies of §6: monthly kinds every month (the 主题党日 on the
     * branch's fixed day), quarterly kinds in the middle month of each quarter, yearly kinds late in the year
     * (谈心谈话 before the 组织生活会 and the 民主评议).
     */
    public static List<io.zhibu.meeting.MeetingRecords.CalendarProposal> proposeCalendar(int year, boolean hasPartyGroups,
                                                                                      int themeDay) {
        List<io.zhibu.meeting.MeetingRecords.CalendarProposal> out = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            LocalDate first = LocalDate.of(year, month, 1);
            out.add(new io.zhibu.meeting.MeetingRecords.CalendarProposal(MeetingType.COMMITTEE, first.withDayOfMonth(5)));
            out.add(new io.zhibu.meeting.MeetingRecords.CalendarProposal(MeetingType.THEME_DAY,
                    first.withDayOfMonth(Math.min(Math.max(themeDay, 1), first.lengthOfMonth()))));
            if (hasPartyGroups) {
                out.add(new io.zhibu.meeting.MeetingRecords.CalendarProposal(MeetingType.GROUP, first.withDayOfMonth(15)));
            }
            if (month % 3 == 2) {
                out.add(new io.zhibu.meeting.MeetingRecords.CalendarProposal(MeetingType.BRANCH_ASSEMBLY, first.withDayOfMonth(20)));
                out.add(new io.zhibu.meeting.MeetingRecords.CalendarProposal(MeetingType.PARTY_LECTURE, first.withDayOfMonth(20)));
            }
        }
        out.add(new io.zhibu.meeting.MeetingRecords.CalendarProposal(MeetingType.HEART_TALK, LocalDate.of(year, 11, 15)));
        out.add(new io.zhibu.meeting.MeetingRecords.CalendarProposal(MeetingType.ORG_LIFE, LocalDate.of(year, 12, 15)));
        out.add(new io.zhibu.meeting.MeetingRecords.CalendarProposal(MeetingType.EVALUATION, LocalDate.of(year, 12, 15)));
        out.sort(java.util.Comparator.comparing(io.zhibu.meeting.MeetingRecords.CalendarProposal::date));
        return out;
    }
}
