package io.zhibu.warning.web;

import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.Messages;
import io.zhibu.shared.web.PageActions;
import io.zhibu.warning.Inbox;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoService;
import io.zhibu.warning.WarningQuery;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningService;
import io.zhibu.warning.WarningSweeps;
import io.zhibu.warning.WarningViews;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: warnings (list, detail, acknowledge, sweeps with progress), to-do list and card, inbox and its badge. */
@Controller
public class WarningPageController {
    private final WarningQuery query;
    private final WarningService warnings;
    private final WarningSweeps sweeps;
    private final TodoService todos;
    private final Inbox inbox;
    private final Render render;
    private final Messages messages;
    private final PageActions actions;

    public WarningPageController(WarningQuery query, WarningService warnings, WarningSweeps sweeps, TodoService todos,
                                 Inbox inbox, Render render, Messages messages, PageActions actions) {
        this.actions = actions;
        this.query = query;
        this.warnings = warnings;
        this.sweeps = sweeps;
        this.todos = todos;
        this.inbox = inbox;
        this.render = render;
        this.messages = messages;
    }

    @GetMapping("/warnings")
    public String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String rule,
                       @RequestParam(required = false) Severity minSeverity,
                       @RequestParam(required = false) WarningViews.Status status,
                       @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        String r = rule == null || rule.isBlank() ? null : rule;
        model.addAttribute("result", query.list(scope, new WarningViews.Filter(orgId, r, minSeverity, status), page, 50));
        model.addAttribute("counts", query.openCounts(scope, orgId));
        model.addAttribute("rules", WarningRule.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", WarningViews.Status.values());
        model.addAttribute("orgId", orgId);
        model.addAttribute("rule", r);
        model.addAttribute("minSeverity", minSeverity);
        model.addAttribute("status", status);
        model.addAttribute("admin", scope.role() == io.zhibu.shared.Role.ADMIN);
        StringBuilder base = new StringBuilder("/warnings?");
        if (orgId != null) {
            base.append("orgId=").append(orgId).append('&');
        }
        if (r != null) {
            base.append("rule=").append(r).append('&');
        }
        if (minSeverity != null) {
            base.append("minSeverity=").append(minSeverity).append('&');
        }
        if (status != null) {
            base.append("status=").append(status).append('&');
        }
        model.addAttribute("base", base.substring(0, base.length() - 1));
        return "warning/list";
    }

    @GetMapping("/warnings/{id}")
    public String detail(@PathVariable long id, Model model) {
        model.addAttribute("d", query.get(CurrentScope.get(), id));
        return "warning/detail";
    }

    @PostMapping("/warnings/{id}/acknowledge")
    public String acknowledge(@PathVariable long id, @RequestParam(required = false) Integer version,
                              @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(flash, "/warnings/" + id, () -> {
            warnings.acknowledge(CurrentScope.get(), id, new WarningViews.AckForm(version, note));
            flash.addFlashAttribute("notice", messages.get("warning.ack.done"));
            return "redirect:/warnings/" + id;
        });
    }

    @GetMapping("/warnings/sweeps")
    public String sweepRuns(Model model) {
        model.addAttribute("runs", sweeps.runs(CurrentScope.get()));
        return "warning/sweeps";
    }

    @PostMapping("/warnings/sweeps")
    public String startSweep() {
        WarningViews.SweepRun run = sweeps.start(CurrentScope.get());
        return "redirect:/warnings/sweeps/" + run.id();
    }

    /** The run's progress; htmx polls the {@code sweepprogress} fragment every second until it is finished. */
    @GetMapping("/warnings/sweeps/{id}")
    public String sweepRun(@PathVariable long id, @RequestParam(required = false) Boolean fragment, Model model) {
        model.addAttribute("run", sweeps.run(CurrentScope.get(), id));
        return Boolean.TRUE.equals(fragment) ? "warning/sweep :: sweepprogress" : "warning/sweep";
    }

    @GetMapping("/todos")
    public String todos(Model model) {
        List<WarningViews.Todo> items = render.todos(todos.todos(CurrentScope.get()));
        model.addAttribute("items", items);
        model.addAttribute("groups", render.groups(items));
        return "warning/todos";
    }

    /** The compact to-do card of the home page (loaded by htmx). */
    @GetMapping("/todos/card")
    public String todoCard(Model model) {
        List<WarningViews.Todo> items = render.todos(todos.todos(CurrentScope.get()));
        model.addAttribute("total", items.size());
        model.addAttribute("items", items.size() > 5 ? items.subList(0, 5) : items);
        return "warning/todocard :: todocard";
    }

    @GetMapping("/inbox")
    public String inboxPage(@RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        var p = inbox.messages(scope, false, page, 30);
        model.addAttribute("result", new io.zhibu.shared.Page<>(p.items().stream().map(render::message).toList(),
                p.page(), p.size(), p.total()));
        model.addAttribute("contact", inbox.contact(scope));
        model.addAttribute("errors", java.util.Map.of());
        return "warning/inbox";
    }

    /** The unread count of the top bar (loaded by htmx on every page). */
    @GetMapping("/inbox/badge")
    public String badge(Model model) {
        model.addAttribute("unread", inbox.unread(CurrentScope.get()));
        return "warning/inboxbadge :: inboxbadge";
    }

    @PostMapping("/inbox/{id}/read")
    public String read(@PathVariable long id) {
        var m = inbox.markRead(CurrentScope.get(), id);
        return m.warningId() != null && "WARNING".equals(m.kind()) && !CurrentScope.get().selfOnly()
                && CurrentScope.get().canManageMembers() ? "redirect:/warnings/" + m.warningId() : "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    public String readAll() {
        inbox.markAllRead(CurrentScope.get());
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/contact")
    public String contact(@RequestParam(required = false) String email, @RequestParam(required = false) String mobile,
                          @RequestParam(required = false) String wechatOpenId,
                          @RequestParam(required = false) Boolean digest, RedirectAttributes flash) {
        return act(flash, "/inbox", () -> {
            inbox.saveContact(CurrentScope.get(), new WarningViews.ContactForm(email, mobile, wechatOpenId,
                    Boolean.TRUE.equals(digest)));
            flash.addFlashAttribute("notice", messages.get("inbox.contact.saved"));
            return "redirect:/inbox";
        });
    }

    private String act(RedirectAttributes flash, String back, Supplier<String> action) {
        return actions.run(flash, back, action);
    }
}
