package io.zhibu.serving.internal;

import io.zhibu.db.tables.records.ServingTalkRecord;
import io.zhibu.serving.CareService;
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
 * The secretary's care to-dos: 五必谈 talks owed (urgent once past due), and the coming week's 光荣在党 50 年 and
 * political birthdays of the branch's members.
 */
@Component
class CareTodos implements TodoSource {
    private final ServingRepository repo;
    private final CareService care;

    CareTodos(ServingRepository repo, CareService care) {
        this.repo = repo;
        this.care = care;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        if (scope.role() != Role.BRANCH_SECRETARY || scope.scopeOrgId() == null) {
            return List.of();
        }
        List<TodoItem> out = new ArrayList<>();
        for (ServingTalkRecord t : repo.dueTalksOf(scope.scopeOrgId(), 30)) {
            String name = care.kinds().stream().filter(k -> k.code().equals(t.getKind())).map(k -> k.name()).findFirst()
                    .orElse(t.getKind());
            out.add(new TodoItem("care", "todo.serving.talk", List.of(t.getMemberName(), name), t.getDueOn(),
                    t.getDueOn().isBefore(today) ? Severity.URGENT : Severity.INFO, "/serving/care", scope.scopeOrgId()));
        }
        for (CareService.Reminder r : care.reminders(scope, scope.scopeOrgId())) {
            out.add(new TodoItem("care", r.what().equals("HONOUR") ? "todo.serving.honour" : "todo.serving.birthday",
                    List.of(r.name(), r.years()), r.on(), Severity.INFO, "/serving/care", scope.scopeOrgId()));
        }
        return out;
    }
}
