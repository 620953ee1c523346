package io.zhibu.warning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import io.zhibu.warning.Inbox;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoService;
import io.zhibu.warning.WarningQuery;
import io.zhibu.warning.WarningService;
import io.zhibu.warning.WarningSweeps;
import io.zhibu.warning.WarningViews;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Early warnings (预警), to-do lists (待办) and the inbox (站内消息), rules.md R1.8 R2.12 R3.4 R4.5 R5.6 R6.1. */
@RestController
@Tag(name = "warnings", description = "Early warnings, to-do lists and in-app notifications")
public class WarningApiController {
    private final WarningQuery query;
    private final WarningService warnings;
    private final WarningSweeps sweeps;
    private final TodoService todos;
    private final Inbox inbox;
    private final Render render;

    public WarningApiController(WarningQuery query, WarningService warnings, WarningSweeps sweeps, TodoService todos,
                                Inbox inbox, Render render) {
        this.query = query;
        this.warnings = warnings;
        this.sweeps = sweeps;
        this.todos = todos;
        this.inbox = inbox;
        this.render = render;
    }

    @GetMapping("/api/v1/warnings")
    @Operation(summary = "Warnings of the scope (or of orgId's subtree), most severe first; default: open ones")
    public Page<WarningViews.Warning> list(@RequestParam(required = false) Long orgId,
                                           @RequestParam(required = false) String rule,
                                           @RequestParam(required = false) Severity minSeverity,
                                           @RequestParam(required = false) WarningViews.Status status,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return query.list(CurrentScope.get(), new WarningViews.Filter(orgId, rule, minSeverity, status), page, size);
    }

    @GetMapping("/api/v1/warnings/{id}")
    @Operation(summary = "A warning with its history (opened, level changes, acknowledged, closed)")
    public WarningViews.Detail get(@PathVariable long id) {
        return query.get(CurrentScope.get(), id);
    }

    @PostMapping("/api/v1/warnings/{id}/acknowledge")
    @Operation(summary = "Acknowledge an open warning (send the version you read); it closes by itself when fixed")
    public WarningViews.Detail acknowledge(@PathVariable long id, @RequestBody(required = false) WarningViews.AckForm form) {
        return warnings.acknowledge(CurrentScope.get(), id, form);
    }

    @GetMapping("/api/v1/warnings/counts")
    @Operation(summary = "Open warnings of the subtree per rule and severity")
    public List<WarningViews.RuleSeverityCount> counts(@RequestParam(required = false) Long orgId) {
        return query.openCounts(CurrentScope.get(), orgId);
    }

    @GetMapping("/api/v1/warnings/period")
    @Operation(summary = "Warnings opened and closed in [from, to] in the subtree, per rule and severity")
    public WarningViews.PeriodCounts period(@RequestParam(required = false) Long orgId,
                                            @RequestParam(required = false) LocalDate from,
                                            @RequestParam(required = false) LocalDate to) {
        return query.openedAndClosed(CurrentScope.get(), orgId, from, to);
    }

    @PostMapping("/api/v1/warnings/sweeps")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a full sweep now (platform administrator); poll the run for progress")
    public WarningViews.SweepRun startSweep() {
        return sweeps.start(CurrentScope.get());
    }

    @GetMapping("/api/v1/warnings/sweeps")
    @Operation(summary = "The last sweep runs (platform administrator)")
    public List<WarningViews.SweepRun> sweepRuns() {
        return sweeps.runs(CurrentScope.get());
    }

    @GetMapping("/api/v1/warnings/sweeps/{id}")
    @Operation(summary = "One sweep run with its progress (platform administrator)")
    public WarningViews.SweepRun sweepRun(@PathVariable long id) {
        return sweeps.run(CurrentScope.get(), id);
    }

    @GetMapping("/api/v1/todos")
    @Operation(summary = "The caller's to-do list, ordered by deadline")
    public List<WarningViews.Todo> todos() {
        return render.todos(todos.todos(CurrentScope.get()));
    }

    @GetMapping("/api/v1/inbox")
    @Operation(summary = "The caller's in-app messages, newest first")
    public Page<WarningViews.Message> inbox(@RequestParam(required = false) Boolean unread,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        Page<Inbox.Raw> p = inbox.messages(CurrentScope.get(), Boolean.TRUE.equals(unread), page, size);
        return new Page<>(p.items().stream().map(render::message).toList(), p.page(), p.size(), p.total());
    }

    @GetMapping("/api/v1/inbox/unread-count")
    @Operation(summary = "How many of the caller's messages are unread")
    public Map<String, Integer> unread() {
        return Map.of("unread", inbox.unread(CurrentScope.get()));
    }

    @PostMapping("/api/v1/inbox/{id}/read")
    @Operation(summary = "Mark one of the caller's messages read")
    public WarningViews.Message read(@PathVariable long id) {
        return render.message(inbox.markRead(CurrentScope.get(), id));
    }

    @PostMapping("/api/v1/inbox/read-all")
    @Operation(summary = "Mark all of the caller's messages read")
    public Map<String, Integer> readAll() {
        return Map.of("marked", inbox.markAllRead(CurrentScope.get()));
    }

    @GetMapping("/api/v1/inbox/contact")
    @Operation(summary = "Where the caller gets copies (email, mobile, WeChat) and whether the daily digest")
    public WarningViews.Contact contact() {
        return inbox.contact(CurrentScope.get());
    }

    @PutMapping("/api/v1/inbox/contact")
    @Operation(summary = "Set where the caller gets copies")
    public WarningViews.Contact saveContact(@RequestBody(required = false) WarningViews.ContactForm form) {
        return inbox.saveContact(CurrentScope.get(), form);
    }
}
