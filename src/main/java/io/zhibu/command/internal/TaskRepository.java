package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_PROGRESS;
import static io.zhibu.db.Tables.COMMAND_RECEIVER;
import static io.zhibu.db.Tables.COMMAND_STEP;
import static io.zhibu.db.Tables.COMMAND_TASK;

import io.zhibu.command.ReceiverStatus;
import io.zhibu.db.tables.records.CommandProgressRecord;
import io.zhibu.db.tables.records.CommandReceiverRecord;
import io.zhibu.db.tables.records.CommandStepRecord;
import io.zhibu.db.tables.records.CommandTaskRecord;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.db.BulkInsert;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of tasks and their receivers: receivers by (task, org_path) range, a receiver's inbox by (org, task). */
@Repository
public class TaskRepository {
    private static final List<String> OPEN = Arrays.stream(ReceiverStatus.values()).filter(ReceiverStatus::open)
            .map(Enum::name).toList();

    private final DSLContext db;

    public TaskRepository(DSLContext db) {
        this.db = db;
    }

    /** One target organization of a task. */
    public record Target(long orgId, long regionOrgId, String path, String name) {
    }

    /** Figures of the receivers below one path prefix ({@code key}: the child's path, or the org's own). */
    public record Group(String key, long total, long received, long submitted, long accepted, long returned,
                        long overdue) {
    }

    /** Tasks sent from organizations inside the scope path. */
    public static Condition sentWithin(String scopePath) {
        return scopePath.isEmpty() ? DSL.noCondition() : COMMAND_TASK.SENDER_ORG_PATH.ge(scopePath)
                .and(COMMAND_TASK.SENDER_ORG_PATH.lt(OrgPath.upperBound(scopePath)));
    }

    /** Rule C5 (TaskDeadlines.overdue) as SQL: feedback owed after due_on, or receipt owed after receipt_due_on. */
    static Condition overdue(LocalDate today) {
        var r = COMMAND_RECEIVER;
        return r.STATUS.in(OPEN).and(r.DUE_ON.lt(today))
                .or(r.STATUS.eq(ReceiverStatus.ISSUED).and(r.RECEIPT_DUE_ON.lt(today)));
    }

    public long insertTask(CommandTaskRecord t) {
        t.setCreatedAt(now());
        t.changed(COMMAND_TASK.ID, false);
        return db.insertInto(COMMAND_TASK).set(t).returning(COMMAND_TASK.ID).fetchOne().getId();
    }

    /** Every receiver row of a new task in one bulk load (COPY on PostgreSQL, one JDBC batch elsewhere). */
    public void insertReceivers(long taskId, LocalDate dueOn, LocalDate receiptDueOn, List<Target> targets) {
        var r = COMMAND_RECEIVER;
        List<Object[]> rows = new ArrayList<>(targets.size());
        for (Target t : targets) {
            rows.add(new Object[] {taskId, t.orgId(), t.regionOrgId(), t.path(), t.name(), ReceiverStatus.ISSUED.name(),
                    dueOn, receiptDueOn, 0, 0});
        }
        BulkInsert.rows(db, r, List.of(r.TASK_ID, r.ORG_ID, r.REGION_ORG_ID, r.ORG_PATH, r.ORG_NAME, r.STATUS, r.DUE_ON,
                r.RECEIPT_DUE_ON, r.SUBMISSIONS, r.VERSION), rows);
    }

    /** One counter row of a new task: an organization on the way from the sender to the receivers. */
    public record Counter(long orgId, Long parentOrgId, String path, String name, int total) {
    }

    /** The counters of a new task, all receivers ISSUED, in one bulk load. */
    public void insertProgress(long taskId, List<Counter> counters) {
        var p = COMMAND_PROGRESS;
        List<Object[]> rows = new ArrayList<>(counters.size());
        for (Counter c : counters) {
            rows.add(new Object[] {taskId, c.orgId(), c.parentOrgId(), c.path(), c.name(), c.total(), c.total(), 0, 0, 0, 0});
        }
        BulkInsert.rows(db, p, List.of(p.TASK_ID, p.ORG_ID, p.PARENT_ORG_ID, p.ORG_PATH, p.ORG_NAME, p.TOTAL, p.ISSUED,
                p.RECEIVED, p.SUBMITTED, p.ACCEPTED, p.RETURNED), rows);
    }

    /** One receiver moved from {@code from} to {@code to}: one count moves on every counter of its path. */
    public void moveProgress(long taskId, Collection<Long> pathOrgIds, ReceiverStatus from, ReceiverStatus to) {
        Field<Integer> a = counter(from);
        Field<Integer> b = counter(to);
        db.update(COMMAND_PROGRESS).set(a, a.minus(1)).set(b, b.plus(1)).where(COMMAND_PROGRESS.TASK_ID.eq(taskId))
                .and(COMMAND_PROGRESS.ORG_ID.in(pathOrgIds)).execute();
    }

    private static Field<Integer> counter(ReceiverStatus s) {
        var p = COMMAND_PROGRESS;
        return switch (s) {
            case ISSUED -> p.ISSUED;
            case RECEIVED -> p.RECEIVED;
            case SUBMITTED -> p.SUBMITTED;
            case ACCEPTED -> p.ACCEPTED;
            case RETURNED -> p.RETURNED;
        };
    }

    public Optional<CommandProgressRecord> progress(long taskId, long orgId) {
        return db.selectFrom(COMMAND_PROGRESS).where(COMMAND_PROGRESS.TASK_ID.eq(taskId))
                .and(COMMAND_PROGRESS.ORG_ID.eq(orgId)).fetchOptional();
    }

    /** The organization's counter row and its children's, in one read (the board's common case). */
    public List<CommandProgressRecord> progressRows(long taskId, long orgId) {
        return db.selectFrom(COMMAND_PROGRESS).where(COMMAND_PROGRESS.TASK_ID.eq(taskId))
                .and(COMMAND_PROGRESS.ORG_ID.eq(orgId).or(COMMAND_PROGRESS.PARENT_ORG_ID.eq(orgId)))
                .orderBy(COMMAND_PROGRESS.ORG_PATH).fetch();
    }

    public List<CommandProgressRecord> progressChildren(long taskId, long orgId) {
        return db.selectFrom(COMMAND_PROGRESS).where(COMMAND_PROGRESS.TASK_ID.eq(taskId))
                .and(COMMAND_PROGRESS.PARENT_ORG_ID.eq(orgId)).orderBy(COMMAND_PROGRESS.ORG_PATH).fetch();
    }

    public Optional<CommandTaskRecord> task(long id) {
        return db.selectFrom(COMMAND_TASK).where(COMMAND_TASK.ID.eq(id)).fetchOptional();
    }

    public Optional<CommandReceiverRecord> receiver(long taskId, long orgId) {
        return db.selectFrom(COMMAND_RECEIVER).where(COMMAND_RECEIVER.TASK_ID.eq(taskId))
                .and(COMMAND_RECEIVER.ORG_ID.eq(orgId)).fetchOptional();
    }

    /** Moves a receiver on only if nobody else did first (version and state check); false = lost the race. */
    public boolean transition(long taskId, long orgId, int version, ReceiverStatus from, Map<Field<?>, Object> set) {
        var r = COMMAND_RECEIVER;
        return db.update(r).set(set).set(r.VERSION, version + 1)
                .where(r.TASK_ID.eq(taskId)).and(r.ORG_ID.eq(orgId)).and(r.VERSION.eq(version))
                .and(r.STATUS.eq(from)).execute() == 1;
    }

    public void setRelay(long taskId, long orgId, long relayTaskId) {
        db.update(COMMAND_RECEIVER).set(COMMAND_RECEIVER.RELAY_TASK_ID, relayTaskId)
                .where(COMMAND_RECEIVER.TASK_ID.eq(taskId)).and(COMMAND_RECEIVER.ORG_ID.eq(orgId)).execute();
    }

    public void step(long taskId, long orgId, String action, String from, String to, String note, String actor) {
        CommandStepRecord s = db.newRecord(COMMAND_STEP);
        s.setTaskId(taskId);
        s.setOrgId(orgId);
        s.setAction(action);
        s.setFromStatus(from);
        s.setToStatus(to);
        s.setNote(note);
        s.setActor(actor);
        s.setCreatedAt(now());
        s.store();
    }

    public List<CommandStepRecord> steps(long taskId, long orgId) {
        return db.selectFrom(COMMAND_STEP).where(COMMAND_STEP.TASK_ID.eq(taskId)).and(COMMAND_STEP.ORG_ID.eq(orgId))
                .orderBy(COMMAND_STEP.ID).fetch();
    }

    public List<CommandTaskRecord> sent(Condition c, int page, int size) {
        return db.selectFrom(COMMAND_TASK).where(c).orderBy(COMMAND_TASK.ID.desc()).limit(size)
                .offset((long) page * size).fetch();
    }

    public long countSent(Condition c) {
        return db.fetchCount(COMMAND_TASK, c);
    }

    /** Accepted receivers per task, for a page of tasks. */
    public Map<Long, Long> acceptedCounts(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        var r = COMMAND_RECEIVER;
        Map<Long, Long> out = new HashMap<>();
        db.select(r.TASK_ID, DSL.count()).from(r).where(r.TASK_ID.in(taskIds))
                .and(r.STATUS.eq(ReceiverStatus.ACCEPTED)).groupBy(r.TASK_ID)
                .forEach(x -> out.put(x.value1(), x.value2().longValue()));
        return out;
    }

    /** The receiving organization's rows with their tasks, open ones first, then by deadline. */
    public List<? extends Record> inbox(long orgId, int limit) {
        var r = COMMAND_RECEIVER;
        var t = COMMAND_TASK;
        Field<Integer> done = DSL.when(r.STATUS.in(OPEN), DSL.inline(0)).otherwise(DSL.inline(1));
        return db.select(r.fields()).select(t.TITLE, t.CONTENT, t.FEEDBACK_KIND, t.SENDER_ORG_NAME).from(r).join(t)
                .on(t.ID.eq(r.TASK_ID)).where(r.ORG_ID.eq(orgId))
                .orderBy(done, r.DUE_ON, r.TASK_ID.desc()).limit(limit).fetch();
    }

    /**
     * The figures of the receivers at or below {@code underPath}, grouped by the child of that organization they
     * lie in (the key is the child's path; a receiver that is the organization itself has the key
     * {@code underPath}). One grouped range scan on (task_id, org_path).
     */
    public List<Group> groups(long taskId, String underPath, LocalDate today) {
        var r = COMMAND_RECEIVER;
        Field<String> key = DSL.substring(r.ORG_PATH, DSL.inline(1), DSL.inline(underPath.length() + OrgPath.SEGMENT));
        Field<Integer> one = DSL.inline(1);
        Field<Integer> zero = DSL.inline(0);
        var received = DSL.sum(DSL.when(r.STATUS.ne(ReceiverStatus.ISSUED), one).otherwise(zero));
        var submitted = DSL.sum(DSL.when(r.STATUS.in(ReceiverStatus.SUBMITTED, ReceiverStatus.ACCEPTED),
                one).otherwise(zero));
        var accepted = DSL.sum(DSL.when(r.STATUS.eq(ReceiverStatus.ACCEPTED), one).otherwise(zero));
        var returned = DSL.sum(DSL.when(r.STATUS.eq(ReceiverStatus.RETURNED), one).otherwise(zero));
        var late = DSL.sum(DSL.when(overdue(today), one).otherwise(zero));
        return db.select(key, DSL.count(), received, submitted, accepted, returned, late).from(r)
                .where(r.TASK_ID.eq(taskId)).and(r.ORG_PATH.ge(underPath)).and(r.ORG_PATH.lt(OrgPath.upperBound(underPath)))
                .groupBy(key).orderBy(key).fetch(x -> new Group(x.value1(), x.value2(), n(x.value3()), n(x.value4()),
                        n(x.value5()), n(x.value6()), n(x.value7())));
    }

    /** The receiver rows of the given organizations (the children of a board that are receivers themselves). */
    public List<CommandReceiverRecord> receivers(long taskId, Collection<String> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(COMMAND_RECEIVER).where(COMMAND_RECEIVER.TASK_ID.eq(taskId))
                .and(COMMAND_RECEIVER.ORG_PATH.in(paths)).fetch();
    }

    /** Rule C5 facts for the warning engine, streamed: task id, org id, path, title, status, receipt due, due. */
    public void overdueRows(LocalDate today, Consumer<Record> sink) {
        var r = COMMAND_RECEIVER;
        var t = COMMAND_TASK;
        try (var cursor = db.select(r.TASK_ID, r.ORG_ID, r.ORG_PATH, t.TITLE, r.STATUS, r.RECEIPT_DUE_ON, r.DUE_ON)
                .from(r).join(t).on(t.ID.eq(r.TASK_ID)).where(r.STATUS.in(OPEN)).and(overdue(today)).fetchLazy()) {
            for (Record x : cursor) {
                sink.accept(x);
            }
        }
    }

    /** Open receiver rows of one organization (its to-dos), by deadline. */
    public List<? extends Record> openFor(long orgId, int limit) {
        var r = COMMAND_RECEIVER;
        var t = COMMAND_TASK;
        return db.select(r.TASK_ID, r.STATUS, r.DUE_ON, r.RECEIPT_DUE_ON, t.TITLE).from(r).join(t).on(t.ID.eq(r.TASK_ID))
                .where(r.ORG_ID.eq(orgId)).and(r.STATUS.in(OPEN)).orderBy(r.DUE_ON).limit(limit).fetch();
    }

    private static long n(Number v) {
        return v == null ? 0 : v.longValue();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
