package io.zhibu.supervision.internal;

import static io.zhibu.db.Tables.SUPERVISION_DIRTY;
import static io.zhibu.db.Tables.SUPERVISION_ROLLUP;
import static io.zhibu.db.Tables.SUPERVISION_RUN;

import io.zhibu.db.tables.records.SupervisionRunRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import io.zhibu.shared.db.BulkInsert;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the supervision module: only the supervision_ tables. */
@Repository
public class RollupRepository {
    private static final int INSERT_CHUNK = 20_000;
    private final DSLContext db;

    private String node = "unknown";

    public RollupRepository(DSLContext db) {
        this.db = db;
    }

    /** The node recorded on runs (start-up recovery marks a dead node's RUNNING runs FAILED). */
    @org.springframework.beans.factory.annotation.Autowired
    void setNode(io.zhibu.shared.jobs.JobNode node) {
        this.node = node.id();
    }

    /** One cell of the rollup table. */
    public record Key(String period, long orgId, String metric) {
    }

    public record Cell(String period, long orgId, String metric, long own, long subtree) {
    }

    public record Dirty(long id, String source, long orgId, YearMonth from, YearMonth to) {
    }

    // --- dirty marks

    public void markDirty(String source, long orgId, YearMonth from, YearMonth to) {
        db.insertInto(SUPERVISION_DIRTY, SUPERVISION_DIRTY.SOURCE, SUPERVISION_DIRTY.ORG_ID,
                        SUPERVISION_DIRTY.MONTH_FROM, SUPERVISION_DIRTY.MONTH_TO, SUPERVISION_DIRTY.CREATED_AT)
                .values(source, orgId, from == null ? null : from.atDay(1), to == null ? null : to.atDay(1),
                        OffsetDateTime.now())
                .execute();
    }

    /** Marks for several orgs in one statement (a bulk change touching up to a few hundred branches). */
    public void markDirty(String source, java.util.Collection<Long> orgIds, YearMonth from, YearMonth to) {
        if (orgIds.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        var insert = db.insertInto(SUPERVISION_DIRTY, SUPERVISION_DIRTY.SOURCE, SUPERVISION_DIRTY.ORG_ID,
                SUPERVISION_DIRTY.MONTH_FROM, SUPERVISION_DIRTY.MONTH_TO, SUPERVISION_DIRTY.CREATED_AT);
        for (long id : new java.util.TreeSet<>(orgIds)) {
            insert = insert.values(source, id, from == null ? null : from.atDay(1), to == null ? null : to.atDay(1), now);
        }
        insert.execute();
    }

    public List<Dirty> dirty(int limit) {
        return db.selectFrom(SUPERVISION_DIRTY).orderBy(SUPERVISION_DIRTY.ID).limit(limit).fetch(r -> new Dirty(
                r.getId(), r.getSource(), r.getOrgId(), month(r.getMonthFrom()), month(r.getMonthTo())));
    }

    public long pendingCount() {
        return db.fetchCount(SUPERVISION_DIRTY);
    }

    public void deleteDirtyUpTo(long maxId) {
        db.deleteFrom(SUPERVISION_DIRTY).where(SUPERVISION_DIRTY.ID.le(maxId)).execute();
    }

    private static YearMonth month(LocalDate d) {
        return d == null ? null : YearMonth.from(d);
    }

    // --- cells

    /** Stored own values of a source's metrics for these periods and orgs (all orgs when null). */
    public Map<Key, Long> own(Collection<String> periods, Collection<Long> orgIds, String metricPrefix) {
        Condition orgs = orgIds == null ? DSL.noCondition() : SUPERVISION_ROLLUP.ORG_ID.in(orgIds);
        Map<Key, Long> out = new HashMap<>();
        db.select(SUPERVISION_ROLLUP.PERIOD, SUPERVISION_ROLLUP.ORG_ID, SUPERVISION_ROLLUP.METRIC,
                        SUPERVISION_ROLLUP.OWN_VALUE).from(SUPERVISION_ROLLUP)
                .where(SUPERVISION_ROLLUP.PERIOD.in(periods)).and(orgs)
                .and(SUPERVISION_ROLLUP.METRIC.startsWith(metricPrefix + "."))
                .and(SUPERVISION_ROLLUP.OWN_VALUE.ne(0L))
                .forEach(r -> out.put(new Key(r.value1(), r.value2(), r.value3()), r.value4()));
        return out;
    }

    /** Adds own and subtree deltas cell by cell (insert or add), then drops cells that fell to zero. */
    public void addDeltas(Map<Key, long[]> deltas) {
        if (postgres()) {
            addDeltasStaged(deltas);
        } else {
            addDeltasBatched(deltas);
        }
        var r = SUPERVISION_ROLLUP;
        db.deleteFrom(r).where(r.OWN_VALUE.eq(0L)).and(r.SUBTREE_VALUE.eq(0L))
                .and(r.PERIOD.in(deltas.keySet().stream().map(Key::period).distinct().toList()))
                .and(r.ORG_ID.in(deltas.keySet().stream().map(Key::orgId).distinct().toList()))
                .execute();
    }

    /**
     * PostgreSQL: the deltas are copied into a session temporary table (emptied at commit) and added with one
     * INSERT … ON CONFLICT — the monthly issue's all-org mark yields ~10^5 deltas, too many for single upserts.
     */
    private void addDeltasStaged(Map<Key, long[]> deltas) {
        db.execute("create temporary table if not exists supervision_delta (period varchar(8) not null, "
                + "org_id bigint not null, metric varchar(64) not null, own_value bigint not null, "
                + "subtree_value bigint not null) on commit delete rows");
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((k, d) -> {
            if (d[0] != 0 || d[1] != 0) {
                rows.add(new Object[] {k.period(), k.orgId(), k.metric(), d[0], d[1]});
            }
        });
        List<org.jooq.Field<?>> fields = List.of(DSL.field(DSL.name("period")), DSL.field(DSL.name("org_id")),
                DSL.field(DSL.name("metric")), DSL.field(DSL.name("own_value")), DSL.field(DSL.name("subtree_value")));
        BulkInsert.rows(db, DSL.table(DSL.name("supervision_delta")), fields, rows);
        db.execute("insert into supervision_rollup (period, org_id, metric, own_value, subtree_value) "
                + "select period, org_id, metric, own_value, subtree_value from supervision_delta "
                + "on conflict (period, org_id, metric) do update set "
                + "own_value = supervision_rollup.own_value + excluded.own_value, "
                + "subtree_value = supervision_rollup.subtree_value + excluded.subtree_value");
    }

    private void addDeltasBatched(Map<Key, long[]> deltas) {
        var r = SUPERVISION_ROLLUP;
        List<org.jooq.Query> batch = new ArrayList<>();
        for (var e : deltas.entrySet()) {
            long[] d = e.getValue();
            if (d[0] == 0 && d[1] == 0) {
                continue;
            }
            Key k = e.getKey();
            batch.add(db.insertInto(r, r.PERIOD, r.ORG_ID, r.METRIC, r.OWN_VALUE, r.SUBTREE_VALUE)
                    .values(k.period(), k.orgId(), k.metric(), d[0], d[1])
                    .onConflict(r.PERIOD, r.ORG_ID, r.METRIC).doUpdate()
                    .set(r.OWN_VALUE, r.OWN_VALUE.plus(d[0]))
                    .set(r.SUBTREE_VALUE, r.SUBTREE_VALUE.plus(d[1])));
            if (batch.size() == 500) {
                db.batch(batch).execute();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            db.batch(batch).execute();
        }
    }

    /**
     * PostgreSQL: lets the current transaction's hash joins and aggregates over millions of fact rows stay in memory
     * (the default 4 MB spills them to disk); a no-op elsewhere.
     */
    public void raiseWorkMem(String size) {
        if (postgres() && size.matches("\\d{1,5}(kB|MB|GB)")) {
            db.execute("set local work_mem = '" + size + "'");
        }
    }

    /** Empties the table inside the rebuild's transaction (TRUNCATE on PostgreSQL, where it is transactional). */
    public void deleteAll() {
        if (postgres()) {
            db.truncate(SUPERVISION_ROLLUP).execute();
        } else {
            db.deleteFrom(SUPERVISION_ROLLUP).execute();
        }
    }

    /**
     * Bulk insert of a rebuild's cells, right after {@link #deleteAll} in the same transaction, in chunks through
     * {@link BulkInsert} (COPY on PostgreSQL, where the primary key is dropped and rebuilt once around the load).
     */
    public long insertAll(Consumer<Consumer<Cell>> cells) {
        var r = SUPERVISION_ROLLUP;
        boolean pg = postgres();
        if (pg) {
            db.execute("set local maintenance_work_mem = '256MB'");
            db.execute("alter table supervision_rollup drop constraint supervision_rollup_pkey");
        }
        List<org.jooq.Field<?>> fields = List.of(r.PERIOD, r.ORG_ID, r.METRIC, r.OWN_VALUE, r.SUBTREE_VALUE);
        List<Object[]> chunk = new ArrayList<>(INSERT_CHUNK);
        long[] n = {0};
        cells.accept(c -> {
            chunk.add(new Object[] {c.period(), c.orgId(), c.metric(), c.own(), c.subtree()});
            if (chunk.size() == INSERT_CHUNK) {
                BulkInsert.rows(db, r, fields, chunk);
                n[0] += chunk.size();
                chunk.clear();
            }
        });
        BulkInsert.rows(db, r, fields, chunk);
        n[0] += chunk.size();
        if (pg) {
            db.execute("alter table supervision_rollup add constraint supervision_rollup_pkey primary key (period, org_id, metric)");
        }
        return n[0];
    }

    private boolean postgres() {
        return BulkInsert.postgres(db);
    }

    /** Cells of some orgs for some periods: what a dashboard reads (a few hundred rows by primary key). */
    public List<Cell> cells(Collection<String> periods, Collection<Long> orgIds) {
        return db.selectFrom(SUPERVISION_ROLLUP).where(SUPERVISION_ROLLUP.PERIOD.in(periods))
                .and(SUPERVISION_ROLLUP.ORG_ID.in(orgIds))
                .fetch(c -> new Cell(c.getPeriod(), c.getOrgId(), c.getMetric(), c.getOwnValue(), c.getSubtreeValue()));
    }

    /** Cells of a few metrics for many orgs (rankings across the branches of a subtree). */
    public List<Cell> metricCells(Collection<String> periods, Collection<String> metrics, Collection<Long> orgIds) {
        return db.selectFrom(SUPERVISION_ROLLUP).where(SUPERVISION_ROLLUP.PERIOD.in(periods))
                .and(SUPERVISION_ROLLUP.METRIC.in(metrics)).and(SUPERVISION_ROLLUP.ORG_ID.in(orgIds))
                .fetch(c -> new Cell(c.getPeriod(), c.getOrgId(), c.getMetric(), c.getOwnValue(), c.getSubtreeValue()));
    }

    /** Every cell of the periods and metrics, streamed (a ranking over thousands of branches filters them). */
    public void forEachMetricCell(Collection<String> periods, Collection<String> metrics, java.util.function.Consumer<Cell> each) {
        try (var cursor = db.selectFrom(SUPERVISION_ROLLUP).where(SUPERVISION_ROLLUP.PERIOD.in(periods))
                .and(SUPERVISION_ROLLUP.METRIC.in(metrics)).fetchSize(5000).fetchLazy()) {
            cursor.forEach(c -> each.accept(
                    new Cell(c.getPeriod(), c.getOrgId(), c.getMetric(), c.getOwnValue(), c.getSubtreeValue())));
        }
    }

    public void forEachCell(java.util.function.Consumer<Cell> each) {
        db.selectFrom(SUPERVISION_ROLLUP).fetchSize(5000).fetchLazy().forEach(c -> each.accept(
                new Cell(c.getPeriod(), c.getOrgId(), c.getMetric(), c.getOwnValue(), c.getSubtreeValue())));
    }

    // --- runs

    public long startRun(String kind, String by) {
        return db.insertInto(SUPERVISION_RUN, SUPERVISION_RUN.KIND, SUPERVISION_RUN.STATUS, SUPERVISION_RUN.STARTED_AT,
                        SUPERVISION_RUN.STARTED_BY, SUPERVISION_RUN.NODE)
                .values(kind, "RUNNING", OffsetDateTime.now(), by, node).returning(SUPERVISION_RUN.ID).fetchOne().getId();
    }

    public void finishRun(long id, String status, long rows, long millis, String note) {
        db.update(SUPERVISION_RUN).set(SUPERVISION_RUN.STATUS, status).set(SUPERVISION_RUN.FINISHED_AT, OffsetDateTime.now())
                .set(SUPERVISION_RUN.ROWS_WRITTEN, rows).set(SUPERVISION_RUN.MILLIS, millis)
                .set(SUPERVISION_RUN.NOTE, note == null ? null : note.substring(0, Math.min(500, note.length())))
                .where(SUPERVISION_RUN.ID.eq(id)).execute();
    }

    public List<SupervisionRunRecord> runs(int limit) {
        return db.selectFrom(SUPERVISION_RUN).orderBy(SUPERVISION_RUN.ID.desc()).limit(limit).fetch();
    }

    public Optional<SupervisionRunRecord> run(long id) {
        return db.selectFrom(SUPERVISION_RUN).where(SUPERVISION_RUN.ID.eq(id)).fetchOptional();
    }

    public boolean everRebuilt() {
        return db.fetchExists(SUPERVISION_RUN, SUPERVISION_RUN.KIND.eq("REBUILD").and(SUPERVISION_RUN.STATUS.eq("DONE")));
    }
}
