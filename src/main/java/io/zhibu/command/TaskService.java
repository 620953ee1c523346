package io.zhibu.command;

import static io.zhibu.db.Tables.COMMAND_RECEIVER;

import io.zhibu.audit.AuditLog;
import io.zhibu.command.internal.TaskRepository;
import io.zhibu.command.internal.TaskRepository.Target;
import io.zhibu.db.tables.records.CommandProgressRecord;
import io.zhibu.db.tables.records.CommandReceiverRecord;
import io.zhibu.db.tables.records.CommandTaskRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Page;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 任务下发 (issue 17 point 1). An organization's staff send a task to organizations strictly below their own; each
 * receiver signs for it, replies, and the sender accepts or returns the reply ({@link ReceiverStateMachine}).
 * Scope: the sender side sees the tasks sent from inside its scope; a receiving organization sees only its own
 * row. Anything else answers 404. Every write is audited; concurrent steps on one row: one wins (409).
 */
@Service
public class TaskService {
    private final TaskRepository repo;
    private final io.zhibu.command.internal.TaskFileRepository files;
    private final TargetResolver resolver;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final int receiptDays;

    public TaskService(TaskRepository repo, io.zhibu.command.internal.TaskFileRepository files, TargetResolver resolver, OrgService orgs, AuditLog audit, Clock clock,
                       @Value("${zhibu.command.receipt-days:2}") int receiptDays) {
        this.repo = repo;
        this.files = files;
        this.resolver = resolver;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
        this.receiptDays = receiptDays;
    }

    /** Sends a task from the caller's organization; returns its id. */
    @Transactional
    public long send(DataScope scope, NewTask n) {
        requireSender(scope);
        Organization sender = orgs.get(scope, scope.scopeOrgId());
        return create(scope, sender, n, null);
    }

    /** Sends a task from an organization of the caller's scope (the issuer of a bulletin, in the same transaction). */
    long sendFrom(DataScope scope, Organization sender, NewTask n) {
        return create(scope, sender, n, null);
    }

    /**
     * 转发: the receiving organization sends the task on to its own subtree with a deadline no later than the
     * task's (rule C4); the receiver row remembers the relay, whose board is the drill-down of that row.
     */
    @Transactional
    public long relay(DataScope scope, long taskId, NewTask n) {
        requireSender(scope);
        CommandReceiverRecord row = ownRow(scope, taskId);
        CommandTaskRecord parent = repo.task(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        if (row.getRelayTaskId() != null) {
            throw new ConflictException("command.conflict.relayed");
        }
        if (!ReceiverStateMachine.canRelay(row.getStatus())) {
            throw new ConflictException("command.conflict.relayNotAllowed");
        }
        Organization sender = orgs.get(scope, row.getOrgId());
        NewTask filled = new NewTask(n.title() == null || n.title().isBlank() ? parent.getTitle() : n.title(),
                n.content() == null || n.content().isBlank() ? parent.getContent() : n.content(), n.dueOn(),
                n.feedbackKind() == null ? parent.getFeedbackKind() : n.feedbackKind(),
                n.targets());
        long id = create(scope, sender, filled, parent);
        repo.setRelay(taskId, row.getOrgId(), id);
        repo.step(taskId, row.getOrgId(), "RELAY", row.getStatus().name(), row.getStatus().name(), "task " + id, scope.username());
        return id;
    }

    private long create(DataScope scope, Organization sender, NewTask n, CommandTaskRecord parent) {
        LocalDate today = today();
        List<io.zhibu.shared.Violation> errors = new ArrayList<>();
        String title = InvalidInputException.collect(errors, () -> TextInput.required(n.title(), "title", 100));
        String content = InvalidInputException.collect(errors, () -> TextInput.required(n.content(), "content", 4000));
        InvalidInputException.collect(errors, () -> {
            TaskDeadlines.checkDueOn(n.dueOn(), today, parent == null ? null : parent.getDueOn());
            return null;
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        TargetResolver.Resolved targets = resolver.resolve(scope, sender, n.targets());
        CommandTaskRecord t = new CommandTaskRecord();
        t.setRegionOrgId(sender.regionOrgId());
        t.setSenderOrgId(sender.id());
        t.setSenderOrgPath(sender.path());
        t.setSenderOrgName(sender.name());
        t.setParentTaskId(parent == null ? null : parent.getId());
        t.setTitle(title);
        t.setContent(content);
        t.setFeedbackKind(n.feedbackKind() == null ? FeedbackKind.TEXT : n.feedbackKind());
        t.setDueOn(n.dueOn());
        LocalDate receiptDue = TaskDeadlines.receiptDueOn(today, n.dueOn(), receiptDays);
        t.setReceiptDueOn(receiptDue);
        t.setTargetSummary(targets.summary());
        t.setReceiverCount(targets.list().size());
        t.setCreatedBy(scope.username());
        long id = repo.insertTask(t);
        repo.insertReceivers(id, n.dueOn(), receiptDue, targets.list());
        repo.insertProgress(id, counters(sender, targets.list()));
        audit.success(parent == null ? "command.task.send" : "command.task.relay", "task", id, sender.path(),
                title + " → " + targets.list().size() + " (" + targets.summary() + ")"
                        + (parent == null ? "" : " relays " + parent.getId()));
        return id;
    }

    /** The board's counters: the sender and every organization between it and a receiver, receivers included. */
    private List<TaskRepository.Counter> counters(Organization sender, List<Target> targets) {
        return CounterTree.build(sender.id(), sender.path(), sender.name(), targets.stream()
                .map(t -> new CounterTree.Leaf(t.orgId(), t.path(), t.name(), 1)).toList(), orgs::namesOf);
    }

    private static List<Long> pathIds(String senderPath, String receiverPath) {
        return CounterTree.pathIds(senderPath, receiverPath);
    }

    /** 签收. */
    @Transactional
    public InboxItem receive(DataScope scope, long taskId, Integer version) {
        return receiverStep(scope, taskId, ReceiverAction.RECEIVE, version, null, null);
    }

    /** 反馈 (again after a return). */
    @Transactional
    public InboxItem feedback(DataScope scope, long taskId, TaskFeedback f) {
        if (f == null) {
            throw InvalidInputException.of("text", "validation.required");
        }
        return receiverStep(scope, taskId, ReceiverAction.SUBMIT, f.version(), f.text(), f.number());
    }

    private InboxItem receiverStep(DataScope scope, long taskId, ReceiverAction action, Integer version, String text,
                                   BigDecimal number) {
        requireReceiver(scope);
        CommandReceiverRecord row = ownRow(scope, taskId);
        CommandTaskRecord task = repo.task(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        ReceiverStatus from = row.getStatus();
        ReceiverStatus to = ReceiverStateMachine.next(from, action);
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(COMMAND_RECEIVER.STATUS, to);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String note = null;
        if (action == ReceiverAction.RECEIVE) {
            set.put(COMMAND_RECEIVER.RECEIVED_AT, now);
            set.put(COMMAND_RECEIVER.RECEIVED_BY, scope.username());
        } else {
            List<io.zhibu.shared.Violation> errors = new ArrayList<>();
            note = InvalidInputException.collect(errors, () -> TextInput.required(text, "text", 2000));
            FeedbackKind kind = task.getFeedbackKind();
            if (kind == FeedbackKind.NUMBER && number == null) {
                errors.add(new io.zhibu.shared.Violation("number", "validation.required"));
            }
            // the kind the task requires (反馈要求): photos and files are uploaded first, then the reply is submitted
            if (kind == FeedbackKind.PHOTO && files.countImages(taskId, row.getOrgId()) == 0) {
                errors.add(new io.zhibu.shared.Violation("photos", "command.feedback.photosRequired"));
            }
            if (kind == FeedbackKind.FILE && files.count(taskId, row.getOrgId()) == 0) {
                errors.add(new io.zhibu.shared.Violation("files", "command.feedback.filesRequired"));
            }
            if (number != null && (number.abs().compareTo(new BigDecimal("1e15")) >= 0 || number.scale() > 2)) {
                errors.add(new io.zhibu.shared.Violation("number", "command.number.invalid"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            set.put(COMMAND_RECEIVER.FEEDBACK, note);
            set.put(COMMAND_RECEIVER.FEEDBACK_NUMBER, number);
            set.put(COMMAND_RECEIVER.SUBMITTED_AT, now);
            set.put(COMMAND_RECEIVER.SUBMISSIONS, row.getSubmissions() + 1);
        }
        move(row, version, from, set);
        repo.moveProgress(taskId, pathIds(task.getSenderOrgPath(), row.getOrgPath()), from, to);
        repo.step(taskId, row.getOrgId(), action.name(), from.name(), to.name(), note, scope.username());
        audit.success("command.task." + action.name().toLowerCase(), "task", taskId, row.getOrgPath(),
                row.getOrgName() + ": " + from + " -> " + to);
        return item(repo.receiver(taskId, row.getOrgId()).orElseThrow(), task, scope);
    }

    /** 验收 or 退回 one receiver's feedback: the sending side only. */
    @Transactional
    public TaskProgress.Child review(DataScope scope, long taskId, long orgId, TaskReview review) {
        requireSender(scope);
        CommandTaskRecord task = sentTask(scope, taskId);
        CommandReceiverRecord row = repo.receiver(taskId, orgId).orElseThrow(() -> new NotFoundException("receiver", orgId));
        if (review == null || review.decision() == null) {
            throw InvalidInputException.of("decision", "validation.required");
        }
        String comment = review.decision() == ReviewDecision.RETURN ? TextInput.required(review.comment(), "comment", 500)
                : TextInput.optional(review.comment(), "comment", 500);
        ReceiverAction action = review.decision() == ReviewDecision.ACCEPT ? ReceiverAction.ACCEPT : ReceiverAction.RETURN;
        ReceiverStatus from = row.getStatus();
        ReceiverStatus to = ReceiverStateMachine.next(from, action);
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(COMMAND_RECEIVER.STATUS, to);
        set.put(COMMAND_RECEIVER.REVIEW_COMMENT, comment);
        set.put(COMMAND_RECEIVER.REVIEWED_AT, OffsetDateTime.now(ZoneOffset.UTC));
        set.put(COMMAND_RECEIVER.REVIEWED_BY, scope.username());
        move(row, review.version(), from, set);
        repo.moveProgress(taskId, pathIds(task.getSenderOrgPath(), row.getOrgPath()), from, to);
        repo.step(taskId, orgId, action.name(), from.name(), to.name(), comment, scope.username());
        audit.success("command.task." + action.name().toLowerCase(), "task", taskId, task.getSenderOrgPath(),
                row.getOrgName() + ": " + from + " -> " + to + (comment == null ? "" : " " + comment));
        CommandReceiverRecord r = repo.receiver(taskId, orgId).orElseThrow();
        TaskProgress.Figures g = repo.progress(taskId, orgId).map(p -> figures(p, task, today()))
                .orElse(new TaskProgress.Figures(1, 0, 0, 0, 0, 0));
        return new TaskProgress.Child(r.getOrgId(), r.getOrgName(), g.total(), g.received(), g.submitted(), g.accepted(),
                g.returned(), g.overdue(), to, r.getFeedback(), r.getFeedbackNumber(), r.getReviewComment(), r.getVersion(),
                r.getRelayTaskId(), null, g.total() > 1);
    }

    private void move(CommandReceiverRecord row, Integer version, ReceiverStatus from, Map<Field<?>, Object> set) {
        if (version != null && version != row.getVersion().intValue()) {
            throw new ConflictException("command.conflict.concurrent");
        }
        if (!repo.transition(row.getTaskId(), row.getOrgId(), row.getVersion(), from, set)) {
            throw new ConflictException("command.conflict.concurrent");
        }
    }

    /** Tasks sent from inside the caller's scope, newest first. */
    @Transactional(readOnly = true)
    public Page<TaskView> sent(DataScope scope, Integer page, Integer size) {
        requireSender(scope);
        var c = TaskRepository.sentWithin(scope.orgPath());
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        List<CommandTaskRecord> rows = repo.sent(c, p, s);
        Map<Long, Long> accepted = repo.acceptedCounts(rows.stream().map(CommandTaskRecord::getId).toList());
        return new Page<>(rows.stream().map(t -> view(t, accepted.getOrDefault(t.getId(), 0L))).toList(), p, s,
                repo.countSent(c));
    }

    @Transactional(readOnly = true)
    public TaskView task(DataScope scope, long id) {
        requireSender(scope);
        CommandTaskRecord t = sentTask(scope, id);
        return view(t, repo.acceptedCounts(List.of(id)).getOrDefault(id, 0L));
    }

    /**
     * The board below {@code orgId} (null = the sender): totals and one line per child organization; a child that
     * is a receiver itself carries its row (for the review).
     */
    @Transactional(readOnly = true)
    public TaskProgress progress(DataScope scope, long taskId, Long orgId) {
        requireSender(scope);
        CommandTaskRecord task = sentTask(scope, taskId);
        long underId = orgId == null ? task.getSenderOrgId() : orgId;
        LocalDate today = today();
        // one read for the organization's counters and its children's; rows exist only inside the task's tree, which
        // lies inside the caller's scope (checked on the task above)
        List<CommandProgressRecord> counters = repo.progressRows(taskId, underId);
        CommandProgressRecord own = counters.stream().filter(p -> p.getOrgId() == underId).findFirst().orElse(null);
        String underName;
        if (own != null) {
            underName = own.getOrgName();
        } else if (underId == task.getSenderOrgId()) {
            underName = task.getSenderOrgName();
        } else {
            Organization o = orgs.get(scope, underId); // 404 outside the caller's scope
            if (!o.path().startsWith(task.getSenderOrgPath())) {
                throw new NotFoundException("organization", orgId);
            }
            underName = o.name();
        }
        TaskProgress.Figures figures = own == null ? new TaskProgress.Figures(0, 0, 0, 0, 0, 0) : figures(own, task, today);
        List<CommandProgressRecord> children = counters.stream().filter(p -> p != own).toList();
        Map<String, CommandReceiverRecord> rows = repo.receivers(taskId, children.stream()
                .map(CommandProgressRecord::getOrgPath).toList()).stream()
                .collect(Collectors.toMap(CommandReceiverRecord::getOrgPath, r -> r));
        List<TaskProgress.Child> out = new ArrayList<>();
        for (CommandProgressRecord p : children) {
            TaskProgress.Figures g = figures(p, task, today);
            CommandReceiverRecord r = rows.get(p.getOrgPath());
            boolean below = g.total() > (r == null ? 0 : 1);
            if (r != null) {
                out.add(new TaskProgress.Child(p.getOrgId(), p.getOrgName(), g.total(), g.received(), g.submitted(),
                        g.accepted(), g.returned(), g.overdue(), r.getStatus(), r.getFeedback(),
                        r.getFeedbackNumber(), r.getReviewComment(), r.getVersion(), r.getRelayTaskId(),
                        r.getRelayTaskId() == null ? null : relayFigures(r.getRelayTaskId()), below));
            } else {
                out.add(new TaskProgress.Child(p.getOrgId(), p.getOrgName(), g.total(), g.received(), g.submitted(),
                        g.accepted(), g.returned(), g.overdue(), null, null, null, null, null, null, null, below));
            }
        }
        return new TaskProgress(taskId, task.getTitle(), underId, underName, figures, out);
    }

    /** The tasks addressed to the caller's organization (its own rows only). */
    @Transactional(readOnly = true)
    public List<InboxItem> inbox(DataScope scope) {
        requireReceiver(scope);
        LocalDate today = today();
        return repo.inbox(scope.scopeOrgId(), Page.MAX_SIZE).stream().map(r -> item(r, today, scope)).toList();
    }

    /** One task of the caller's inbox; 404 if it is not addressed to the caller's organization. */
    @Transactional(readOnly = true)
    public InboxItem inboxItem(DataScope scope, long taskId) {
        requireReceiver(scope);
        CommandReceiverRecord row = ownRow(scope, taskId);
        return item(row, repo.task(taskId).orElseThrow(() -> new NotFoundException("task", taskId)), scope);
    }

    private InboxItem item(CommandReceiverRecord r, CommandTaskRecord t, DataScope scope) {
        return build(r, t.getTitle(), t.getContent(), t.getFeedbackKind(), t.getSenderOrgName(),
                today(), scope);
    }

    private InboxItem item(Record x, LocalDate today, DataScope scope) {
        CommandReceiverRecord r = x.into(io.zhibu.db.Tables.COMMAND_RECEIVER);
        return build(r, x.get(io.zhibu.db.Tables.COMMAND_TASK.TITLE), x.get(io.zhibu.db.Tables.COMMAND_TASK.CONTENT),
                x.get(io.zhibu.db.Tables.COMMAND_TASK.FEEDBACK_KIND),
                x.get(io.zhibu.db.Tables.COMMAND_TASK.SENDER_ORG_NAME), today, scope);
    }

    private static InboxItem build(CommandReceiverRecord r, String title, String content, FeedbackKind kind,
                                   String senderName, LocalDate today, DataScope scope) {
        ReceiverStatus s = r.getStatus();
        List<ReceiverAction> actions = new ArrayList<>();
        for (ReceiverAction a : ReceiverAction.values()) {
            if (!a.bySender() && ReceiverStateMachine.allowed(s, a)) {
                actions.add(a);
            }
        }
        boolean canRelay = scope.canManageOrgs() && r.getRelayTaskId() == null && ReceiverStateMachine.canRelay(s);
        return new InboxItem(r.getTaskId(), title, content, kind, senderName, r.getDueOn(), r.getReceiptDueOn(),
                r.getOrgId(), r.getOrgName(), s, r.getFeedback(), r.getFeedbackNumber(), r.getReviewComment(),
                r.getSubmissions(), r.getRelayTaskId(), TaskDeadlines.overdue(s, r.getReceiptDueOn(), r.getDueOn(), today),
                r.getVersion(), actions, canRelay);
    }

    /** A relay's own figures (all its receivers), rolled up onto the relaying organization's line. */
    private TaskProgress.Figures relayFigures(long relayTaskId) {
        LocalDate today = today();
        return repo.task(relayTaskId).flatMap(t -> repo.progress(relayTaskId, t.getSenderOrgId()).map(p -> figures(p, t, today)))
                .orElse(null);
    }

    /** The board's figures of one counter row (overdue by rule C5 from the task's deadlines). */
    private static TaskProgress.Figures figures(CommandProgressRecord p, CommandTaskRecord t, LocalDate today) {
        long open = p.getIssued() + p.getReceived() + p.getReturned();
        return new TaskProgress.Figures(p.getTotal(), p.getTotal() - p.getIssued(), p.getSubmitted() + p.getAccepted(),
                p.getAccepted(), p.getReturned(), TaskDeadlines.overdueCount(p.getIssued(), open, t.getReceiptDueOn(),
                t.getDueOn(), today));
    }

    private static TaskView view(CommandTaskRecord t, long accepted) {
        return new TaskView(t.getId(), t.getTitle(), t.getContent(), t.getFeedbackKind(),
                t.getDueOn(), t.getReceiptDueOn(), t.getSenderOrgId(), t.getSenderOrgName(), t.getParentTaskId(),
                t.getTargetSummary(), t.getReceiverCount(), accepted, t.getCreatedAt());
    }

    /** A task sent from inside the caller's scope, or 404. */
    private CommandTaskRecord sentTask(DataScope scope, long id) {
        return repo.task(id).filter(t -> scope.covers(t.getSenderOrgPath()))
                .orElseThrow(() -> new NotFoundException("task", id));
    }

    /** The caller's organization's row of the task, or 404. */
    private CommandReceiverRecord ownRow(DataScope scope, long taskId) {
        if (scope.scopeOrgId() == null) {
            throw new NotFoundException("task", taskId);
        }
        return repo.receiver(taskId, scope.scopeOrgId()).orElseThrow(() -> new NotFoundException("task", taskId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireSender(DataScope scope) {
        if (!scope.canManageOrgs() || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's staff send and review tasks");
        }
    }

    private static void requireReceiver(DataScope scope) {
        if ((scope.role() != Role.BRANCH_SECRETARY && scope.role() != Role.ORG_STAFF) || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only a receiving organization's secretary or staff handle its tasks");
        }
    }
}
