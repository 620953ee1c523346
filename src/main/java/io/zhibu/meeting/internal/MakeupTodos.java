package io.zhibu.meeting.internal;

import static io.zhibu.db.Tables.MEETING_ATTENDANCE;
import static io.zhibu.db.Tables.MEETING_MEETING;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** A member's to-do: make-up study (补学, R6.3) for meetings they missed, due one month after the meeting [L]. */
@Component
class MakeupTodos implements TodoSource {
    private final DSLContext db;
    private final Clock clock;

    MakeupTodos(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        if (scope.role() != Role.MEMBER || scope.selfMemberId() == null) {
            return List.of();
        }
        var a = MEETING_ATTENDANCE;
        var m = MEETING_MEETING;
        return db.select(m.TITLE, m.STARTS_AT).from(a).join(m).on(m.ID.eq(a.MEETING_ID).and(io.zhibu.shared.db.Citus.sameRegion(m.REGION_ORG_ID, a.REGION_ORG_ID)))
                .where(a.MEMBER_ID.eq(scope.selfMemberId())).and(a.MAKEUP_DUE.isTrue()).and(a.MAKEUP_DONE_AT.isNull())
                .orderBy(m.STARTS_AT).limit(50).fetch(r -> {
                    LocalDate held = r.value2().atZoneSameInstant(clock.getZone()).toLocalDate();
                    LocalDate due = held.plusMonths(1);
                    return new TodoItem("makeup", "todo.makeup", List.of(r.value1(), held), due,
                            today.isAfter(due) ? Severity.WARNING : Severity.INFO, "/meetings/my", null);
                });
    }
}
