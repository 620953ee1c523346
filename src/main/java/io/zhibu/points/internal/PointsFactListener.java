package io.zhibu.points.internal;

import io.zhibu.dues.DuesEvents;
import io.zhibu.meeting.MeetingEvents;
import io.zhibu.meeting.MeetingRecords;
import io.zhibu.points.PointFact;
import io.zhibu.points.PointItem;
import io.zhibu.points.PointsService;
import java.time.YearMonth;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Platform facts → points (§8.4), each with a unique fact key so a repeated event never counts twice:
 * attendance (present +, absent without leave − when the minutes are locked, R6.3) and dues (a month paid by its
 * end is on time, later is late, R5.6). Runs after the fact's transaction committed, in its own (issue 19: a
 * failure here must not roll back a check-in or a payment); Spring Modulith's publication registry logs each
 * delivery in {@code event_publication} with the fact and resubmits it until it succeeds ({@code EventRetries}). The learning module's events
 * ({@code MaterialCompleted}, {@code QuizLevelPassed}, {@code TestSubmitted}) map the same way: one
 * {@link PointFact} each with keys {@code material:<id>:member:<id>}, {@code quiz:<bank>:level:<n>:member:<id>},
 * {@code test:<paper>:member:<id>}.
 */
@Component
class PointsFactListener {
    private static final MeetingRecords.AttendanceStatus PRESENT = MeetingRecords.AttendanceStatus.PRESENT;
    private static final MeetingRecords.AttendanceStatus ABSENT = MeetingRecords.AttendanceStatus.ABSENT;
    private final PointsService points;

    PointsFactListener(PointsService points) {
        this.points = points;
    }

    static String attendedKey(long meetingId, long memberId) {
        return "meeting:" + meetingId + ":member:" + memberId + ":present";
    }

    static String absentKey(long meetingId, long memberId) {
        return "meeting:" + meetingId + ":member:" + memberId + ":absent";
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(MeetingEvents.AttendanceRecorded e) {
        if (e.status() == PRESENT) {
            points.reverseFact(absentKey(e.meetingId(), e.memberId()), "attendance corrected: present");
            points.postFact(PointFact.of(PointItem.MEETING_ATTENDED, attendedKey(e.meetingId(), e.memberId()),
                    e.memberId(), e.date(), "meeting", e.meetingId()));
        } else {
            // marked otherwise after a check-in: the attendance points go again (a reversing entry)
            points.reverseFact(attendedKey(e.meetingId(), e.memberId()), "attendance corrected: " + e.status());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(MeetingEvents.AttendanceClosed e) {
        for (MeetingEvents.Outcome o : e.outcomes()) {
            if (o.status() == PRESENT) {
                points.postFact(PointFact.of(PointItem.MEETING_ATTENDED, attendedKey(e.meetingId(), o.memberId()),
                        o.memberId(), e.date(), "meeting", e.meetingId()));
            } else if (o.status() == ABSENT) {
                points.postFact(PointFact.of(PointItem.MEETING_ABSENT, absentKey(e.meetingId(), o.memberId()),
                        o.memberId(), e.date(), "meeting", e.meetingId()));
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(DuesEvents.MonthsPaid e) {
        for (YearMonth m : e.months()) {
            boolean onTime = !e.paidOn().isAfter(m.atEndOfMonth());
            points.postFact(PointFact.of(onTime ? PointItem.DUES_ON_TIME : PointItem.DUES_LATE,
                    "dues:" + e.memberId() + ":" + m, e.memberId(), e.paidOn(), "dues-payment", e.paymentId()));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(DuesEvents.PaymentReversed e) {
        points.reverseLinked("dues-payment", String.valueOf(e.paymentId()), "dues payment reversed");
    }
}
