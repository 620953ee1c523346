package io.zhibu.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.command.InboxItem;
import io.zhibu.command.NewTask;
import io.zhibu.command.TaskFeedback;
import io.zhibu.command.TaskProgress;
import io.zhibu.command.TaskReview;
import io.zhibu.command.TaskService;
import io.zhibu.command.TaskView;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 任务下发 (issue 17 point 8): send, relay, sign, reply, review, progress board, inbox. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "tasks", description = "Tasks sent down the tree with receipts and feedback (issue 17)")
public class TaskApiController {
    private final TaskService tasks;

    public TaskApiController(TaskService tasks) {
        this.tasks = tasks;
    }

    /** A version read before a step, optional (409 if someone else was first). */
    public record Receipt(Integer version) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send a task from the caller's organization to targets {orgIds:[…]} or {rootOrgId, level|type|domain}")
    public Map<String, Long> send(@RequestBody NewTask body) {
        return Map.of("id", tasks.send(CurrentScope.get(), body));
    }

    @GetMapping
    @Operation(summary = "Tasks sent from inside the caller's scope, newest first")
    public Page<TaskView> sent(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return tasks.sent(CurrentScope.get(), page, size);
    }

    @GetMapping("/inbox")
    @Operation(summary = "Tasks addressed to the caller's organization (its own rows only)")
    public List<InboxItem> inbox() {
        return tasks.inbox(CurrentScope.get());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One sent task")
    public TaskView get(@PathVariable long id) {
        return tasks.task(CurrentScope.get(), id);
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Progress board: totals and per child organization; orgId drills into a child")
    public TaskProgress progress(@PathVariable long id, @RequestParam(required = false) Long orgId) {
        return tasks.progress(CurrentScope.get(), id, orgId);
    }

    @PostMapping("/{id}/receipt")
    @Operation(summary = "签收: the caller's organization signs for the task")
    public InboxItem receipt(@PathVariable long id, @RequestBody(required = false) Receipt body) {
        return tasks.receive(CurrentScope.get(), id, body == null ? null : body.version());
    }

    @PostMapping("/{id}/feedback")
    @Operation(summary = "反馈: the caller's organization replies (again after a return)")
    public InboxItem feedback(@PathVariable long id, @RequestBody TaskFeedback body) {
        return tasks.feedback(CurrentScope.get(), id, body);
    }

    @PostMapping("/{id}/feedback/{orgId}/review")
    @Operation(summary = "验收 or 退回 one receiver's feedback {decision: ACCEPT|RETURN, comment}")
    public TaskProgress.Child review(@PathVariable long id, @PathVariable long orgId, @RequestBody TaskReview body) {
        return tasks.review(CurrentScope.get(), id, orgId, body);
    }

    @PostMapping("/{id}/relay")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "转发: the receiving organization sends the task on to its subtree, due no later than the task")
    public Map<String, Long> relay(@PathVariable long id, @RequestBody NewTask body) {
        return Map.of("id", tasks.relay(CurrentScope.get(), id, body));
    }
}
