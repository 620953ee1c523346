package io.zhibu.meeting;

import io.zhibu.meeting.MeetingRecords.AttendanceStatus;
import io.zhibu.meeting.MeetingRecords.MyAttendance;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member's calendar of a year: the meetings they are called to plus the dates other modules mark through
 * {@link CalendarMarks} (the fixed monthly study day, 固定学习日), in date order.
 */
@Service
public class MemberCalendar {
    /** {@code kind} MEETING (with the meeting, its title and the member's attendance) or a mark's kind. */
    public record Item(LocalDate date, String kind, Long meetingId, String title, AttendanceStatus status) {
    }

    public record Calendar(int year, List<Item> items) {
    }

    private final MeetingService meetings;
    private final ObjectProvider<CalendarMarks> marks;

    public MemberCalendar(MeetingService meetings, ObjectProvider<CalendarMarks> marks) {
        this.meetings = meetings;
        this.marks = marks;
    }

    @Transactional(readOnly = true)
    public Calendar of(DataScope scope, int year) {
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "validation.invalid");
        }
        List<MyAttendance> mine = meetings.my(scope); // members only (403 otherwise)
        List<Item> items = new ArrayList<>();
        for (MyAttendance a : mine) {
            LocalDate d = a.meeting().startsAt().toLocalDate();
            if (d.getYear() == year) {
                items.add(new Item(d, "MEETING", a.meeting().id(), a.meeting().title(), a.status()));
            }
        }
        marks.orderedStream().forEach(source -> source.marks(scope.selfMemberId(), year)
                .forEach(m -> items.add(new Item(m.date(), m.kind(), null, null, null))));
        items.sort(Comparator.comparing(Item::date).thenComparing(Item::kind));
        return new Calendar(year, items);
    }

    /** Only the marks of one kind (e.g. the study days for the page's strip). */
    public static List<LocalDate> datesOf(Calendar c, String kind) {
        return c.items().stream().filter(i -> kind.equals(i.kind())).map(Item::date).toList();
    }
}
