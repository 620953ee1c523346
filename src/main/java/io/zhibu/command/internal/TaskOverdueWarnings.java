package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_RECEIVER;
import static io.zhibu.db.Tables.COMMAND_TASK;

import io.zhibu.command.Overdue;
import io.zhibu.command.ReceiverStatus;
import io.zhibu.command.TaskDeadlines;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Rule C5 facts: receivers late with their receipt or feedback; the warning belongs to the receiving organization
 * (its secretary or staff must act), the subject is the task. One scan of the open rows (status, due_on index).
 */
@Component
class TaskOverdueWarnings implements WarningSource {
    private final TaskRepository repo;

    TaskOverdueWarnings(TaskRepository repo) {
        this.repo = repo;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.TASK_OVERDUE;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        var r = COMMAND_RECEIVER;
        repo.overdueRows(today, x -> {
            Overdue o = TaskDeadlines.overdue(x.get(r.STATUS), x.get(r.RECEIPT_DUE_ON),
                    x.get(r.DUE_ON), today);
            if (o != null) {
                sink.accept(new WarningCandidate(WarningRule.TASK_OVERDUE, "task:" + x.get(r.TASK_ID) + ":" + x.get(r.ORG_ID),
                        x.get(r.ORG_ID), x.get(r.ORG_PATH), null, x.get(COMMAND_TASK.TITLE), o.name(),
                        o == Overdue.RECEIPT ? x.get(r.RECEIPT_DUE_ON) : x.get(r.DUE_ON), null));
            }
        });
    }
}
