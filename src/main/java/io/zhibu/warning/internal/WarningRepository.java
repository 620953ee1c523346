package io.zhibu.warning.internal;

import static io.zhibu.db.Tables.WARNING_CANDIDATE;
import static io.zhibu.db.Tables.WARNING_CONTACT;
import static io.zhibu.db.Tables.WARNING_EVENT;
import static io.zhibu.db.Tables.WARNING_MESSAGE;
import static io.zhibu.db.Tables.WARNING_SWEEP;
import static io.zhibu.db.Tables.WARNING_WARNING;

import io.zhibu.db.tables.records.WarningContactRecord;
import io.zhibu.db.tables.records.WarningEventRecord;
import io.zhibu.db.tables.records.WarningSweepRecord;
import io.zhibu.db.tables.records.WarningWarningRecord;
import io.zhibu.shared.OrgPath;
import io.zhibu.warning.Severity;
import io.zhibu.warning.WarningViews;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import io.zhibu.shared.db.BulkInsert;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.Record6;
import org.jooq.SortField;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Warning tables: the set-based sweep statements, queries by subtree, history, inbox and contacts. */
@Repository
public class WarningRepository {
    static final String SYSTEM = "system";
    private final DSLContext db;

    private String node = "unknown";

    public WarningRepository(DSLContext db) {
        this.db = db;
    }

    /** The node recorded on sweeps (start-up recovery marks a dead node's RUNNING sweeps FAILED). */
    @org.springframework.beans.factory.annotation.Autowired
    void setNode(io.zhibu.shared.jobs.JobNode node) {
        this.node = node.id();
    }

    /** Open warnings in the whole platform (the sweep benchmark's log line). */
    public int countAllOpen() {
        return db.fetchCount(WARNING_WARNING, WARNING_WARNING.OPEN_KEY.isNotNull());
    }

    /** The subtree of {@code path} (region key first, as the indexes are), everything for the platform scope. */
    static Condition subtree(TableField<?, Long> region, TableField<?, String> orgPath, String path) {
        return path == null || path.isEmpty() ? DSL.noCondition()
                : region.eq(OrgPath.idAt(path, 1)).and(orgPath.ge(path)).and(orgPath.lt(OrgPath.upperBound(path)));
    }

    static Condition open() {
        return WARNING_WARNING.OPEN_KEY.isNotNull();
    }

    // --- sweep runs

    public long startRun(LocalDate on, String trigger, String actor, OffsetDateTime now) {
        return startRun(on, trigger, actor, "RUNNING", now);
    }

    public long startRun(LocalDate on, String trigger, String actor, String status, OffsetDateTime now) {
        return db.insertInto(WARNING_SWEEP, WARNING_SWEEP.ON_DATE, WARNING_SWEEP.TRIGGER_KIND, WARNING_SWEEP.STARTED_BY,
                        WARNING_SWEEP.STATUS, WARNING_SWEEP.STAGE, WARNING_SWEEP.STARTED_AT, WARNING_SWEEP.NODE)
                .values(on, trigger, actor, status, "start", now, node).returning(WARNING_SWEEP.ID).fetchOne().getId();
    }

    public void markStatus(long run, String status) {
        db.update(WARNING_SWEEP).set(WARNING_SWEEP.STATUS, status).where(WARNING_SWEEP.ID.eq(run)).execute();
    }

    public void stage(long run, String stage, int candidates) {
        db.update(WARNING_SWEEP).set(WARNING_SWEEP.STAGE, stage).set(WARNING_SWEEP.CANDIDATES, candidates)
                .where(WARNING_SWEEP.ID.eq(run)).execute();
    }

    public void finishRun(long run, String status, int candidates, int opened, int changed, int closed, String failed,
                          OffsetDateTime now, long millis) {
        db.update(WARNING_SWEEP).set(WARNING_SWEEP.STATUS, status).set(WARNING_SWEEP.STAGE, "done")
                .set(WARNING_SWEEP.CANDIDATES, candidates).set(WARNING_SWEEP.OPENED, opened)
                .set(WARNING_SWEEP.CHANGED, changed).set(WARNING_SWEEP.CLOSED, closed)
                .set(WARNING_SWEEP.FAILED_RULES, failed).set(WARNING_SWEEP.FINISHED_AT, now)
                .set(WARNING_SWEEP.MILLIS, millis).where(WARNING_SWEEP.ID.eq(run)).execute();
    }

    public Optional<WarningSweepRecord> run(long id) {
        return db.selectFrom(WARNING_SWEEP).where(WARNING_SWEEP.ID.eq(id)).fetchOptional();
    }

    public List<WarningSweepRecord> runs(int limit) {
        return db.selectFrom(WARNING_SWEEP).orderBy(WARNING_SWEEP.ID.desc()).limit(limit).fetch();
    }

    /** Runs left RUNNING by a node that died are marked failed when a new run starts (the lock has expired by then). */
    public void abandonRunning(OffsetDateTime now) {
        db.update(WARNING_SWEEP).set(WARNING_SWEEP.STATUS, "ABANDONED").set(WARNING_SWEEP.FINISHED_AT, now)
                .where(WARNING_SWEEP.STATUS.eq("RUNNING")).execute();
    }

    // --- staging

    /** One staged candidate row (severity already resolved from the rule's settings). */
    public record Staged(String openKey, Long regionOrgId, long orgId, String orgPath, String upperPath, String rule,
                         String subjectKey, Long memberId, String subjectName, String level, Severity severity,
                         LocalDate dueOn, String detail, boolean forBranch, boolean forUpper, boolean forMember) {
    }

    /** One multi-row INSERT per batch. */
    /** Stages a batch of candidates through {@link BulkInsert} (COPY on PostgreSQL; no 18-column VALUES to render). */
    public void stageCandidates(long run, List<Staged> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var c = WARNING_CANDIDATE;
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Staged s : rows) {
            values.add(new Object[] {run, s.openKey(), s.regionOrgId(), s.orgId(), s.orgPath(), s.upperPath(), s.rule(),
                    s.subjectKey(), s.memberId(), s.subjectName(), s.level(), s.severity().name(), s.severity().rank(),
                    s.dueOn(), s.detail(), s.forBranch(), s.forUpper(), s.forMember()});
        }
        BulkInsert.rows(db, c, List.of(c.RUN_ID, c.OPEN_KEY, c.REGION_ORG_ID, c.ORG_ID, c.ORG_PATH, c.UPPER_PATH, c.RULE,
                c.SUBJECT_KEY, c.MEMBER_ID, c.SUBJECT_NAME, c.LEVEL, c.SEVERITY, c.SEVERITY_RANK, c.DUE_ON, c.DETAIL,
                c.FOR_BRANCH, c.FOR_UPPER, c.FOR_MEMBER), values);
    }

    /**
     * PostgreSQL: fresh statistics for the staged candidates before the diff; planned with the empty table's
     * statistics, "open the new ones" scans the growing warning table once per candidate (quadratic in a first sweep).
     */
    public void analyzeCandidates() {
        if (BulkInsert.postgres(db)) {
            db.execute("analyze warning_candidate");
        }
    }

    /**
     * For the rest of the transaction, PostgreSQL joins the diff's sets by hashing, never by nested loops: a first
     * sweep plans "open the new ones" against a warning table whose statistics say empty, and a nested loop with a
     * sequential scan of it re-reads every row the same statement has just inserted — quadratic (a province's
     * 740,000 candidates ran for over eight minutes before this). The diff statements are bulk by nature.
     */
    public void bulkJoinsOnly() {
        if (BulkInsert.postgres(db)) {
            db.execute("set local enable_nestloop = off");
        }
    }

    public void clearCandidates(long run, String rule) {
        db.deleteFrom(WARNING_CANDIDATE).where(WARNING_CANDIDATE.RUN_ID.eq(run)).and(WARNING_CANDIDATE.RULE.eq(rule)).execute();
    }

    public void clearCandidates(long run) {
        db.deleteFrom(WARNING_CANDIDATE).where(WARNING_CANDIDATE.RUN_ID.eq(run)).execute();
    }

    // --- the diff (one transaction, under the sweep lock)

    private Condition vanished(long run, Collection<String> skipRules) {
        var c = WARNING_CANDIDATE;
        return open().and(skipRules.isEmpty() ? DSL.noCondition() : WARNING_WARNING.RULE.notIn(skipRules))
                .and(DSL.notExists(DSL.selectOne().from(c).where(c.RUN_ID.eq(run)).and(c.OPEN_KEY.eq(WARNING_WARNING.OPEN_KEY).and(io.zhibu.shared.db.Citus.sameRegion(c.REGION_ORG_ID, WARNING_WARNING.REGION_ORG_ID)))));
    }

    /** Open warnings whose fact vanished close by themselves; rules whose source failed are left alone. */
    public int closeVanished(long run, LocalDate today, Collection<String> skipRules, OffsetDateTime now) {
        var w = WARNING_WARNING;
        db.insertInto(WARNING_EVENT, WARNING_EVENT.WARNING_ID, WARNING_EVENT.REGION_ORG_ID, WARNING_EVENT.EVENT_TYPE,
                        WARNING_EVENT.FROM_LEVEL, WARNING_EVENT.ON_DATE, WARNING_EVENT.ACTOR, WARNING_EVENT.CREATED_AT)
                .select(db.select(w.ID, w.REGION_ORG_ID, DSL.val("CLOSED"), w.LEVEL, DSL.val(today), DSL.val(SYSTEM),
                        DSL.val(now)).from(w).where(vanished(run, skipRules)))
                .execute();
        return db.update(w).set(w.STATUS, WarningViews.Status.CLOSED).set(w.CLOSED_ON, today)
                .set(w.CLOSED_AT, now).set(w.CLOSED_RUN, run).set(w.OPEN_KEY, (String) null)
                .set(w.VERSION, w.VERSION.plus(1)).where(vanished(run, skipRules)).execute();
    }

    /** Open warnings whose level moved (e.g. T-3 → T-1): history first, then the row; returns old/new severities. */
    public List<Record6<Long, Long, String, String, Severity, Severity>> changeLevels(long run, LocalDate today,
                                                                                OffsetDateTime now) {
        var w = WARNING_WARNING;
        var c = WARNING_CANDIDATE;
        Condition matched = c.RUN_ID.eq(run).and(c.OPEN_KEY.eq(w.OPEN_KEY).and(io.zhibu.shared.db.Citus.sameRegion(c.REGION_ORG_ID, w.REGION_ORG_ID)));
        var changed = db.select(w.ID, w.ORG_ID, w.ORG_PATH, w.RULE, w.SEVERITY, c.SEVERITY)
                .from(w).join(c).on(matched).where(c.LEVEL.ne(w.LEVEL)).fetch();
        if (changed.isEmpty()) {
            return changed;
        }
        db.insertInto(WARNING_EVENT, WARNING_EVENT.WARNING_ID, WARNING_EVENT.REGION_ORG_ID, WARNING_EVENT.EVENT_TYPE,
                        WARNING_EVENT.FROM_LEVEL, WARNING_EVENT.TO_LEVEL, WARNING_EVENT.ON_DATE, WARNING_EVENT.ACTOR,
                        WARNING_EVENT.CREATED_AT)
                .select(db.select(w.ID, w.REGION_ORG_ID, DSL.val("CHANGED"), w.LEVEL, c.LEVEL, DSL.val(today),
                        DSL.val(SYSTEM), DSL.val(now)).from(w).join(c).on(matched).where(c.LEVEL.ne(w.LEVEL)))
                .execute();
        db.update(w)
                .set(w.LEVEL, pick(c.LEVEL, run)).set(w.SEVERITY, pick(c.SEVERITY, run))
                .set(w.SEVERITY_RANK, pick(c.SEVERITY_RANK, run)).set(w.VERSION, w.VERSION.plus(1))
                .where(open()).and(DSL.exists(DSL.selectOne().from(c).where(matched).and(c.LEVEL.ne(w.LEVEL))))
                .execute();
        return changed;
    }

    /** The facts may move without changing level (a member changed branch, a deadline was amended): follow them. */
    public int refreshFacts(long run) {
        var w = WARNING_WARNING;
        var c = WARNING_CANDIDATE;
        Condition matched = c.RUN_ID.eq(run).and(c.OPEN_KEY.eq(w.OPEN_KEY).and(io.zhibu.shared.db.Citus.sameRegion(c.REGION_ORG_ID, w.REGION_ORG_ID)));
        Condition differs = c.ORG_ID.ne(w.ORG_ID).or(c.DUE_ON.isDistinctFrom(w.DUE_ON))
                .or(c.DETAIL.isDistinctFrom(w.DETAIL)).or(c.SUBJECT_NAME.isDistinctFrom(w.SUBJECT_NAME))
                .or(c.SEVERITY.ne(w.SEVERITY));
        return db.update(w)
                .set(w.ORG_ID, pick(c.ORG_ID, run)).set(w.ORG_PATH, pick(c.ORG_PATH, run))
                .set(w.UPPER_PATH, pick(c.UPPER_PATH, run)).set(w.REGION_ORG_ID, io.zhibu.shared.db.Citus.enabled() ? w.REGION_ORG_ID : pick(c.REGION_ORG_ID, run))
                .set(w.DUE_ON, pick(c.DUE_ON, run)).set(w.DETAIL, pick(c.DETAIL, run))
                .set(w.SUBJECT_NAME, pick(c.SUBJECT_NAME, run)).set(w.SEVERITY, pick(c.SEVERITY, run))
                .set(w.SEVERITY_RANK, pick(c.SEVERITY_RANK, run))
                .where(open()).and(DSL.exists(DSL.selectOne().from(c).where(matched).and(differs)))
                .execute();
    }

    private static <T> Field<T> pick(TableField<?, T> candidateField, long run) {
        var c = WARNING_CANDIDATE;
        return DSL.field(DSL.select(candidateField).from(c).where(c.RUN_ID.eq(run))
                .and(c.OPEN_KEY.eq(WARNING_WARNING.OPEN_KEY).and(io.zhibu.shared.db.Citus.sameRegion(c.REGION_ORG_ID, WARNING_WARNING.REGION_ORG_ID))));
    }

    /** New facts open a warning (the unique open key admits one open warning per fact), then their history row. */
    public int openNew(long run, LocalDate today, OffsetDateTime now) {
        var w = WARNING_WARNING;
        var c = WARNING_CANDIDATE;
        int opened = db.insertInto(w, w.OPEN_KEY, w.REGION_ORG_ID, w.ORG_ID, w.ORG_PATH, w.UPPER_PATH, w.RULE,
                        w.SUBJECT_KEY, w.MEMBER_ID, w.SUBJECT_NAME, w.LEVEL, w.SEVERITY, w.SEVERITY_RANK, w.DUE_ON,
                        w.DETAIL, w.FOR_BRANCH, w.FOR_UPPER, w.FOR_MEMBER, w.STATUS, w.OPENED_ON, w.OPENED_AT, w.OPENED_RUN)
                .select(db.select(c.OPEN_KEY, c.REGION_ORG_ID, c.ORG_ID, c.ORG_PATH, c.UPPER_PATH, c.RULE, c.SUBJECT_KEY,
                                c.MEMBER_ID, c.SUBJECT_NAME, c.LEVEL, c.SEVERITY, c.SEVERITY_RANK, c.DUE_ON, c.DETAIL,
                                c.FOR_BRANCH, c.FOR_UPPER, c.FOR_MEMBER, DSL.val(WarningViews.Status.OPEN, w.STATUS),
                                DSL.val(today), DSL.val(now), DSL.val(run))
                        .from(c).where(c.RUN_ID.eq(run))
                        .and(DSL.notExists(DSL.selectOne().from(w).where(w.OPEN_KEY.eq(c.OPEN_KEY).and(io.zhibu.shared.db.Citus.sameRegion(w.REGION_ORG_ID, c.REGION_ORG_ID))))))
                .execute();
        if (opened > 0) {
            db.insertInto(WARNING_EVENT, WARNING_EVENT.WARNING_ID, WARNING_EVENT.REGION_ORG_ID, WARNING_EVENT.EVENT_TYPE,
                            WARNING_EVENT.TO_LEVEL, WARNING_EVENT.ON_DATE, WARNING_EVENT.ACTOR, WARNING_EVENT.CREATED_AT)
                    .select(db.select(w.ID, w.REGION_ORG_ID, DSL.val("OPENED"), w.LEVEL, DSL.val(today), DSL.val(SYSTEM),
                            DSL.val(now)).from(w).where(w.OPENED_RUN.eq(run)))
                    .execute();
        }
        return opened;
    }

    /** Warnings opened (or closed) by a run, streamed for the events and notifications. */
    public void forEachOpened(long run, Consumer<WarningWarningRecord> each) {
        try (var cursor = db.selectFrom(WARNING_WARNING).where(WARNING_WARNING.OPENED_RUN.eq(run)).fetchLazy()) {
            cursor.forEach(each);
        }
    }

    public void forEachClosed(long run, Consumer<WarningWarningRecord> each) {
        try (var cursor = db.selectFrom(WARNING_WARNING).where(WARNING_WARNING.CLOSED_RUN.eq(run)).fetchLazy()) {
            cursor.forEach(each);
        }
    }

    public List<WarningWarningRecord> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : db.selectFrom(WARNING_WARNING).where(WARNING_WARNING.ID.in(ids)).fetch();
    }

    // --- queries

    public Optional<WarningWarningRecord> find(long id) {
        return db.selectFrom(WARNING_WARNING).where(WARNING_WARNING.ID.eq(id)).fetchOptional();
    }

    public Condition filter(String scopePath, String subtreePath, String rule, Severity min, WarningViews.Status status) {
        var w = WARNING_WARNING;
        Condition c = subtree(w.REGION_ORG_ID, w.ORG_PATH, scopePath).and(subtree(w.REGION_ORG_ID, w.ORG_PATH, subtreePath));
        if (rule != null) {
            c = c.and(w.RULE.eq(rule));
        }
        if (min != null) {
            c = c.and(w.SEVERITY_RANK.ge(min.rank()));
        }
        if (status == null) {
            c = c.and(open());
        } else {
            c = c.and(w.STATUS.eq(status));
        }
        return c;
    }

    private static List<SortField<?>> order() {
        var w = WARNING_WARNING;
        return List.of(w.SEVERITY_RANK.desc(), w.DUE_ON.asc().nullsLast(), w.ID.asc());
    }

    public List<WarningWarningRecord> list(Condition c, int page, int size) {
        return db.selectFrom(WARNING_WARNING).where(c).orderBy(order()).limit(size).offset(page * size).fetch();
    }

    public int count(Condition c) {
        return db.fetchCount(WARNING_WARNING, c);
    }

    public List<Record5<String, Severity, Integer, Long, Long>> openCounts(String path) {
        var w = WARNING_WARNING;
        return db.select(w.RULE, w.SEVERITY, w.SEVERITY_RANK, DSL.count().cast(Long.class), DSL.inline(0L))
                .from(w).where(subtree(w.REGION_ORG_ID, w.ORG_PATH, path)).and(open())
                .groupBy(w.RULE, w.SEVERITY, w.SEVERITY_RANK).orderBy(w.RULE, w.SEVERITY_RANK.desc()).fetch();
    }

    public List<Record5<String, Severity, Integer, Long, Long>> countsBetween(String path, TableField<?, LocalDate> day,
                                                                          LocalDate from, LocalDate to) {
        var w = WARNING_WARNING;
        return db.select(w.RULE, w.SEVERITY, w.SEVERITY_RANK, DSL.count().cast(Long.class), DSL.inline(0L))
                .from(w).where(subtree(w.REGION_ORG_ID, w.ORG_PATH, path)).and(day.between(from, to))
                .groupBy(w.RULE, w.SEVERITY, w.SEVERITY_RANK).orderBy(w.RULE, w.SEVERITY_RANK.desc()).fetch();
    }

    public List<WarningEventRecord> history(long warningId) {
        return db.selectFrom(WARNING_EVENT).where(WARNING_EVENT.WARNING_ID.eq(warningId)).orderBy(WARNING_EVENT.ID).fetch();
    }

    public boolean acknowledge(long id, int version, String actor, String note, LocalDate today, OffsetDateTime now,
                               Long regionOrgId, String level) {
        var w = WARNING_WARNING;
        int n = db.update(w).set(w.STATUS, WarningViews.Status.ACKNOWLEDGED).set(w.ACKNOWLEDGED_AT, now)
                .set(w.ACKNOWLEDGED_BY, actor).set(w.ACK_NOTE, note).set(w.VERSION, w.VERSION.plus(1))
                .where(w.ID.eq(id)).and(w.VERSION.eq(version)).and(open()).execute();
        if (n == 1) {
            db.insertInto(WARNING_EVENT, WARNING_EVENT.WARNING_ID, WARNING_EVENT.REGION_ORG_ID, WARNING_EVENT.EVENT_TYPE,
                            WARNING_EVENT.FROM_LEVEL, WARNING_EVENT.ON_DATE, WARNING_EVENT.ACTOR, WARNING_EVENT.NOTE,
                            WARNING_EVENT.CREATED_AT)
                    .values(id, regionOrgId, "ACKNOWLEDGED", level, today, actor, note, now).execute();
        }
        return n == 1;
    }

    /** Open warnings a user must act on (to-do): the branch's own, a superior's direct children, a member's own. */
    public List<WarningWarningRecord> todo(Condition responsible, int limit) {
        var w = WARNING_WARNING;
        return db.selectFrom(w).where(open()).and(responsible)
                .orderBy(w.DUE_ON.asc().nullsLast(), w.SEVERITY_RANK.desc(), w.ID).limit(limit).fetch();
    }

    public int countOpen(Condition c) {
        return db.fetchCount(WARNING_WARNING, open().and(c));
    }

    /** Open warnings per organization path: (path, open, of which urgent or critical). */
    public java.util.NavigableMap<String, int[]> openByPath() {
        var w = WARNING_WARNING;
        java.util.TreeMap<String, int[]> out = new java.util.TreeMap<>();
        db.select(w.ORG_PATH, DSL.count(), DSL.count().filterWhere(w.SEVERITY_RANK.ge(Severity.URGENT.rank())))
                .from(w).where(open()).and(w.FOR_BRANCH.isTrue()).groupBy(w.ORG_PATH)
                .forEach(r -> out.put(r.value1(), new int[] {r.value2(), r.value3()}));
        return out;
    }

    // --- inbox

    public record NewMessage(long userId, String kind, Long warningId, String orgPath, String title, String body) {
    }

    public void insertMessages(List<NewMessage> messages, OffsetDateTime now) {
        if (messages.isEmpty()) {
            return;
        }
        var m = WARNING_MESSAGE;
        var insert = db.insertInto(m, m.USER_ID, m.KIND, m.WARNING_ID, m.ORG_PATH, m.TITLE, m.BODY, m.CREATED_AT);
        for (NewMessage n : messages) {
            insert = insert.values(n.userId(), n.kind(), n.warningId(), n.orgPath(), n.title(), n.body(), now);
        }
        insert.execute();
    }

    public List<io.zhibu.db.tables.records.WarningMessageRecord> messages(long userId, boolean unreadOnly, int page, int size) {
        var m = WARNING_MESSAGE;
        return db.selectFrom(m).where(m.USER_ID.eq(userId)).and(unreadOnly ? m.READ_AT.isNull() : DSL.noCondition())
                .orderBy(m.ID.desc()).limit(size).offset(page * size).fetch();
    }

    public int countMessages(long userId, boolean unreadOnly) {
        var m = WARNING_MESSAGE;
        return db.fetchCount(m, m.USER_ID.eq(userId).and(unreadOnly ? m.READ_AT.isNull() : DSL.noCondition()));
    }

    public Optional<io.zhibu.db.tables.records.WarningMessageRecord> message(long id) {
        return db.selectFrom(WARNING_MESSAGE).where(WARNING_MESSAGE.ID.eq(id)).fetchOptional();
    }

    public int markRead(long userId, Long messageId, OffsetDateTime now) {
        var m = WARNING_MESSAGE;
        return db.update(m).set(m.READ_AT, now).where(m.USER_ID.eq(userId)).and(m.READ_AT.isNull())
                .and(messageId == null ? DSL.noCondition() : m.ID.eq(messageId)).execute();
    }

    // --- contacts

    public Optional<WarningContactRecord> contact(long userId) {
        return db.selectFrom(WARNING_CONTACT).where(WARNING_CONTACT.USER_ID.eq(userId)).fetchOptional();
    }

    public List<WarningContactRecord> contacts(Collection<Long> userIds) {
        return userIds.isEmpty() ? List.of()
                : db.selectFrom(WARNING_CONTACT).where(WARNING_CONTACT.USER_ID.in(userIds)).fetch();
    }

    public void saveContact(long userId, String email, String mobile, String wechat, boolean digest, OffsetDateTime now) {
        var k = WARNING_CONTACT;
        int n = db.update(k).set(k.EMAIL, email).set(k.MOBILE, mobile).set(k.WECHAT_OPEN_ID, wechat).set(k.DIGEST, digest)
                .set(k.UPDATED_AT, now).where(k.USER_ID.eq(userId)).execute();
        if (n == 0) {
            db.insertInto(k, k.USER_ID, k.EMAIL, k.MOBILE, k.WECHAT_OPEN_ID, k.DIGEST, k.UPDATED_AT)
                    .values(userId, email, mobile, wechat, digest, now).execute();
        }
    }

    static List<Long> ids(List<WarningWarningRecord> rows) {
        List<Long> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getId()));
        return out;
    }
}
