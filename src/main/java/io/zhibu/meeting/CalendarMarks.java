package io.zhibu.meeting;

import java.time.LocalDate;
import java.util.List;

/**
 * Port for dates other modules put into a member's calendar ("my organization life"), next to the meetings the member
 * is called to; e.g. the learning module's fixed monthly study day (固定学习日, default the 23rd). Optional: without
 * an implementation the calendar lists the meetings only.
 */
public interface CalendarMarks {
    /** A dated mark: {@code kind} names it (e.g. {@code STUDY_DAY}), the page shows it under that name. */
    record Mark(LocalDate date, String kind) {
    }

    /** The marks of the member's year. */
    List<Mark> marks(long memberId, int year);
}
