package io.zhibu.serving.internal;

import io.zhibu.db.tables.records.ServingReportRecord;
import io.zhibu.db.tables.records.ServingSignupRecord;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A community branch secretary's 双报到 to-dos: reports to confirm (due a week after filing, urgent after) and
 * services held but not yet recorded (the member's hours and points wait for them).
 */
@Component
class ServingTodos implements TodoSource {
    static final int CONFIRM_DAYS = 7;
    private final ServingRepository repo;

    ServingTodos(ServingRepository repo) {
        this.repo = repo;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        if (scope.role() != Role.BRANCH_SECRETARY || scope.scopeOrgId() == null) {
            return List.of();
        }
        List<TodoItem> out = new ArrayList<>();
        for (ServingReportRecord r : repo.pendingAt(scope.scopeOrgId(), 30)) {
            LocalDate due = r.getFiledAt().toLocalDate().plusDays(CONFIRM_DAYS);
            out.add(new TodoItem("serving", "todo.serving.confirm", List.of(r.getMemberName()), due,
                    due.isBefore(today) ? Severity.URGENT : Severity.INFO, "/serving", scope.scopeOrgId()));
        }
        for (ServingSignupRecord s : repo.unrecordedAt(scope.scopeOrgId(), today, 30)) {
            out.add(new TodoItem("serving", "todo.serving.record", List.of(s.getMemberName()), today, Severity.INFO,
                    "/serving", scope.scopeOrgId()));
        }
        return out;
    }
}
