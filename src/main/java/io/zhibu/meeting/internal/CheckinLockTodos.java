package io.zhibu.meeting.internal;

import static io.zhibu.db.Tables.MEETING_ATTENDANCE;
import static io.zhibu.db.Tables.MEETING_MEETING;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The secretary is told when a member's check-in was locked after too many wrong codes (issue 19): a to-do until the
 * member's attendance is recorded or the minutes are locked.
 */
@Component
class CheckinLockTodos implements TodoSource {
    private final DSLContext db;

    CheckinLockTodos(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        if (!scope.canManageMembers()) {
            return List.of();
        }
        var a = MEETING_ATTENDANCE;
        var m = MEETING_MEETING;
        return db.select(m.ID, m.TITLE, a.NAME, m.ORG_ID).from(a).join(m).on(m.ID.eq(a.MEETING_ID).and(io.zhibu.shared.db.Citus.sameRegion(m.REGION_ORG_ID, a.REGION_ORG_ID)))
                .where(a.CHECKIN_LOCKED_AT.isNotNull()).and(a.STATUS.ne(io.zhibu.meeting.MeetingRecords.AttendanceStatus.PRESENT)).and(m.STATUS.ne(io.zhibu.meeting.MeetingRecords.MeetingStatus.LOCKED))
                .and(a.ORG_PATH.ge(scope.orgPath())).and(a.ORG_PATH.lt(OrgPath.upperBound(scope.orgPath())))
                .orderBy(a.CHECKIN_LOCKED_AT.desc()).limit(50)
                .fetch(r -> new TodoItem("checkinLocked", "todo.checkinLocked", List.of(r.value2(), r.value3()), today,
                        Severity.WARNING, "/meetings/" + r.value1(), r.value4()));
    }
}
