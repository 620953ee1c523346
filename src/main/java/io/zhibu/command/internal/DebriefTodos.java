package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_DEBRIEF_REPORT;
import static io.zhibu.db.Tables.COMMAND_DEBRIEF_ROUND;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** A target organization's to-do: each open 述职评议 round it still owes its written report (述职报告) to. */
@Component
class DebriefTodos implements TodoSource {
    private final DebriefRepository repo;

    DebriefTodos(DebriefRepository repo) {
        this.repo = repo;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        if ((scope.role() != Role.BRANCH_SECRETARY && scope.role() != Role.ORG_STAFF) || scope.scopeOrgId() == null) {
            return List.of();
        }
        return repo.owed(scope.scopeOrgId(), 20).stream().map(x -> new TodoItem("debrief", "todo.debrief.file",
                List.<Object>of(String.valueOf(x.get(COMMAND_DEBRIEF_ROUND.DEBRIEF_YEAR)), x.get(COMMAND_DEBRIEF_ROUND.ORG_NAME)),
                today, Severity.INFO, "/debriefs/" + x.get(COMMAND_DEBRIEF_REPORT.ROUND_ID) + "/report",
                scope.scopeOrgId())).toList();
    }
}
