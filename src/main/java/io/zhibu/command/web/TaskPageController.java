package io.zhibu.command.web;

import io.zhibu.command.FeedbackKind;
import io.zhibu.command.InboxItem;
import io.zhibu.command.NewTask;
import io.zhibu.command.ReviewDecision;
import io.zhibu.command.TaskFeedback;
import io.zhibu.command.TaskReview;
import io.zhibu.command.TaskService;
import io.zhibu.command.TaskTargets;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Task pages: the sender's list, the new-task form (organizations picked, never typed as numbers), the progress
 * board with drill-down and the review of each reply; the receiver's inbox and one task on a phone (sign, reply,
 * relay to the own subtree).
 */
@Controller
public class TaskPageController {
    private final TaskService tasks;
    private final io.zhibu.command.TaskFiles files;
    private final Messages messages;
    private final Clock clock;

    public TaskPageController(TaskService tasks, io.zhibu.command.TaskFiles files, Messages messages, Clock clock) {
        this.tasks = tasks;
        this.files = files;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The new-task (and relay) form: a range (root picked, optional level, type, domain) or up to five picked
     * organizations.
     */
    public record TaskForm(String title, String content, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                           FeedbackKind feedbackKind, String mode, Long rootOrgId, String rootOrgName, Integer level,
                           OrgType type, OrgDomain domain, Long pick1, Long pick2, Long pick3, Long pick4, Long pick5) {
        NewTask toTask() {
            TaskTargets targets;
            if ("PICK".equals(mode)) {
                List<Long> ids = new ArrayList<>(Stream.of(pick1, pick2, pick3, pick4, pick5)
                        .filter(java.util.Objects::nonNull).toList());
                targets = new TaskTargets(ids, null, null, null, null);
            } else {
                targets = rootOrgId == null ? null : new TaskTargets(null, rootOrgId, level, type, domain);
            }
            return new NewTask(title, content, dueOn, feedbackKind, targets);
        }
    }

    @GetMapping("/tasks")
    public String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", tasks.sent(CurrentScope.get(), page, 20));
        model.addAttribute("pageBase", "/tasks");
        return "command/tasks";
    }

    @GetMapping("/tasks/new")
    public String newForm(Model model) {
        DataScope scope = CurrentScope.get();
        if (!scope.canManageOrgs() || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's staff send tasks");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TaskForm(null, null, LocalDate.now(clock).plusDays(7), FeedbackKind.TEXT,
                    "RANGE", scope.scopeOrgId(), null, null, null, null, null, null, null, null, null));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        options(model);
        return "command/new";
    }

    private void options(Model model) {
        model.addAttribute("kinds", List.of(FeedbackKind.values()));
        model.addAttribute("types", OrgType.values());
        model.addAttribute("domains", OrgDomain.values());
    }

    @PostMapping("/tasks")
    public String send(TaskForm form, Model model, RedirectAttributes flash) {
        try {
            long id = tasks.send(CurrentScope.get(), form.toTask());
            flash.addFlashAttribute("notice", messages.get("command.done.sent"));
            return "redirect:/tasks/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        }
        return newForm(model);
    }

    @GetMapping("/tasks/{id}")
    public String board(@PathVariable long id, @RequestParam(required = false) Long orgId, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("task", tasks.task(scope, id));
        model.addAttribute("board", tasks.progress(scope, id, orgId));
        model.addAttribute("drill", orgId);
        model.addAttribute("files", files.list(scope, id));
        return "command/board";
    }

    @PostMapping("/tasks/{id}/feedback/{orgId}/review")
    public String review(@PathVariable long id, @PathVariable long orgId, @RequestParam(required = false) ReviewDecision decision,
                         @RequestParam(required = false) String comment, @RequestParam(required = false) Integer version,
                         @RequestParam(required = false) Long back, RedirectAttributes flash) {
        try {
            tasks.review(CurrentScope.get(), id, orgId, new TaskReview(decision, comment, version));
            flash.addFlashAttribute("notice", messages.get("command.done." + decision));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get("command.review.commentRequired")));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/tasks/" + id + (back == null ? "" : "?orgId=" + back);
    }

    @GetMapping("/tasks/inbox")
    public String inbox(Model model) {
        model.addAttribute("items", tasks.inbox(CurrentScope.get()));
        return "command/inbox";
    }

    @GetMapping("/tasks/inbox/{id}")
    public String item(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        InboxItem item = tasks.inboxItem(scope, id);
        model.addAttribute("t", item);
        model.addAttribute("files", files.list(scope, id));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (item.canRelay() && !model.containsAttribute("form")) {
            model.addAttribute("form", new TaskForm(null, null, item.dueOn(), item.feedbackKind(), "RANGE", item.orgId(),
                    item.orgName(), null, null, null, null, null, null, null, null));
        }
        options(model);
        return "command/item";
    }

    @PostMapping("/tasks/{id}/receipt")
    public String receipt(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        try {
            tasks.receive(CurrentScope.get(), id, version);
            flash.addFlashAttribute("notice", messages.get("command.done.received"));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/tasks/inbox/" + id;
    }

    @PostMapping("/tasks/{id}/feedback")
    public String feedback(@PathVariable long id, @RequestParam(required = false) String text,
                           @RequestParam(required = false) BigDecimal number, @RequestParam(required = false) Integer version,
                           Model model, RedirectAttributes flash) {
        try {
            tasks.feedback(CurrentScope.get(), id, new TaskFeedback(text, number, version));
            flash.addFlashAttribute("notice", messages.get("command.done.submitted"));
            return "redirect:/tasks/inbox/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            model.addAttribute("text", text);
        } catch (ConflictException e) {
            model.addAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return item(id, model);
    }

    @PostMapping("/tasks/{id}/relay")
    public String relay(@PathVariable long id, TaskForm form, Model model, RedirectAttributes flash) {
        try {
            long relay = tasks.relay(CurrentScope.get(), id, form.toTask());
            flash.addFlashAttribute("notice", messages.get("command.done.relayed"));
            return "redirect:/tasks/" + relay;
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        } catch (ConflictException e) {
            model.addAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return item(id, model);
    }
}
