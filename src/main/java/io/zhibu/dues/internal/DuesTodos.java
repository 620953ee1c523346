package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_BILL;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** A member's to-do: unpaid dues (issued bills after the paid-up-to month), due at the end of the first unpaid month. */
@Component
class DuesTodos implements TodoSource {
    private final DSLContext db;

    DuesTodos(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        if (scope.role() != Role.MEMBER || scope.selfMemberId() == null) {
            return List.of();
        }
        var a = DUES_ACCOUNT;
        var b = DUES_BILL;
        var r = db.select(DSL.count(), DSL.min(b.PERIOD), DSL.sum(b.AMOUNT_DUE)).from(a).join(b).on(b.MEMBER_ID.eq(a.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(b.REGION_ORG_ID, a.REGION_ORG_ID)))
                .where(a.MEMBER_ID.eq(scope.selfMemberId()))
                .and(b.PERIOD.gt(DSL.coalesce(a.PAID_UP_TO, DSL.val(LocalDate.of(1, 1, 1)))))
                .and(b.PERIOD.le(today.withDayOfMonth(1))).fetchOne();
        if (r == null || r.value1() == 0) {
            return List.of();
        }
        LocalDate first = r.value2();
        BigDecimal owed = r.value3() == null ? BigDecimal.ZERO : r.value3();
        Severity s = r.value1() >= 6 ? Severity.CRITICAL : r.value1() >= 3 ? Severity.WARNING : Severity.INFO;
        return List.of(new TodoItem("dues", "todo.dues", List.of(r.value1(), owed.toPlainString()),
                first.withDayOfMonth(first.lengthOfMonth()), s, "/dues/accounts/" + scope.selfMemberId(), null));
    }
}
