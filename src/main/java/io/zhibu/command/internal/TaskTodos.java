package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_RECEIVER;
import static io.zhibu.db.Tables.COMMAND_TASK;

import io.zhibu.command.Overdue;
import io.zhibu.command.ReceiverStatus;
import io.zhibu.command.TaskDeadlines;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A receiving organization's to-do: each task it still owes a receipt (签收) or feedback (反馈) on, due at the
 * receipt deadline while unsigned, else at the task's deadline; late ones are urgent (rule C5).
 */
@Component
class TaskTodos implements TodoSource {
    private final TaskRepository repo;

    TaskTodos(TaskRepository repo) {
        this.repo = repo;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        if ((scope.role() != Role.BRANCH_SECRETARY && scope.role() != Role.ORG_STAFF) || scope.scopeOrgId() == null) {
            return List.of();
        }
        var r = COMMAND_RECEIVER;
        return repo.openFor(scope.scopeOrgId(), 50).stream().map(x -> {
            ReceiverStatus s = x.get(r.STATUS);
            Overdue o = TaskDeadlines.overdue(s, x.get(r.RECEIPT_DUE_ON), x.get(r.DUE_ON), today);
            boolean sign = s == ReceiverStatus.ISSUED;
            return new TodoItem("task", sign ? "todo.task.receive" : "todo.task.feedback",
                    List.of(x.get(COMMAND_TASK.TITLE)), sign ? x.get(r.RECEIPT_DUE_ON) : x.get(r.DUE_ON),
                    o == null ? Severity.INFO : Severity.URGENT, "/tasks/inbox/" + x.get(r.TASK_ID), scope.scopeOrgId());
        }).toList();
    }
}
