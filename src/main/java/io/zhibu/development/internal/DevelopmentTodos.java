package io.zhibu.development.internal;

import io.zhibu.development.DevelopmentModel.Deadline;
import io.zhibu.development.DevelopmentModel.DeadlineStatus;
import io.zhibu.development.DevelopmentService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** A secretary's (or superior's) to-do: the development deadlines due soon or overdue, live from the module's to-do. */
@Component
class DevelopmentTodos implements TodoSource {
    private final DevelopmentService development;

    DevelopmentTodos(DevelopmentService development) {
        this.development = development;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        if (scope.role() != Role.BRANCH_SECRETARY && scope.role() != Role.ORG_STAFF) {
            return List.of();
        }
        return development.todo(scope, null).stream().map(DevelopmentTodos::item).toList();
    }

    private static TodoItem item(Deadline d) {
        return new TodoItem("development", "todo.development",
                List.of(d.personName(), new TodoItem.Key("dev.deadline." + d.kind())), d.dueOn(),
                d.status() == DeadlineStatus.OVERDUE ? Severity.URGENT : Severity.INFO,
                "/development/" + d.personId(), d.orgId());
    }
}
