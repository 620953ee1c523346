package io.zhibu.points.internal;

import static io.zhibu.db.Tables.POINTS_ENTRY;
import static io.zhibu.db.Tables.POINTS_MEMBER;
import static io.zhibu.db.Tables.POINTS_MEMBER_YEAR;
import static io.zhibu.db.Tables.POINTS_ORG_YEAR;
import static io.zhibu.shared.db.OrgPathSql.subtree;

import io.zhibu.db.tables.records.PointsEntryRecord;
import io.zhibu.db.tables.records.PointsMemberRecord;
import io.zhibu.db.tables.records.PointsMemberYearRecord;
import io.zhibu.db.tables.records.PointsOrgYearRecord;
import io.zhibu.member.MemberEvents.MemberFacts;
import io.zhibu.member.MemberStanding;
import io.zhibu.points.PointItem;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.db.OrgPathSql;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * SQL of the points module: only the points_ tables. The rollups (points_member_year, points_org_year) change only
 * through {@link #applyDelta} (incremental, one posting) and {@link #rebuild} (recomputed from the ledger).
 */
@Repository
public class PointsRepository {
    private final DSLContext db;

    public PointsRepository(DSLContext db) {
        this.db = db;
    }

    /** The org itself and every ancestor, from its materialized path (each segment is an org id). */
    public static List<String> prefixes(String path) {
        List<String> out = new ArrayList<>();
        for (int d = 1; d <= OrgPath.depth(path); d++) {
            out.add(path.substring(0, d * OrgPath.SEGMENT));
        }
        return out;
    }

    private static long idOf(String path) {
        return OrgPath.idAt(path, OrgPath.depth(path));
    }

    // ------------------------------------------------------------------ roster projection

    public void insertMembers(List<MemberFacts> facts, int year) {
        if (facts.isEmpty()) {
            return;
        }
        for (int i = 0; i < facts.size(); i += 1000) {
            List<MemberFacts> chunk = facts.subList(i, Math.min(facts.size(), i + 1000));
            // multi-row VALUES without ON CONFLICT (H2 emulates that as deeply nested MERGE sources): skip known ids first
            java.util.Set<Long> known = new java.util.HashSet<>(db.select(POINTS_MEMBER.MEMBER_ID).from(POINTS_MEMBER)
                    .where(POINTS_MEMBER.MEMBER_ID.in(chunk.stream().map(MemberFacts::memberId).toList()))
                    .fetch(POINTS_MEMBER.MEMBER_ID));
            OffsetDateTime now = now();
            List<Object[]> rows = new ArrayList<>(chunk.size());
            for (MemberFacts f : chunk) {
                if (known.add(f.memberId())) {
                    rows.add(new Object[] {f.memberId(), f.regionOrgId(), f.orgId(), f.orgPath(), f.standing().name(), now});
                }
            }
            io.zhibu.shared.db.BulkInsert.rows(db, POINTS_MEMBER, List.of(POINTS_MEMBER.MEMBER_ID,
                    POINTS_MEMBER.REGION_ORG_ID, POINTS_MEMBER.ORG_ID, POINTS_MEMBER.ORG_PATH, POINTS_MEMBER.STANDING,
                    POINTS_MEMBER.UPDATED_AT), rows);
        }
        openYear(facts.stream().map(MemberFacts::memberId).toList(), year);
    }

    /**
     * Members just registered (new ids, so neither projection row can exist yet): their projection rows and yearly
     * rows loaded directly, without the look-ups {@link #insertMembers} needs for members that may already be known,
     * then one summed update per org. A row that did exist would break the primary key and roll the change back.
     */
    public void registerMembers(List<MemberFacts> facts, int year) {
        if (facts.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        List<Object[]> members = new ArrayList<>(facts.size());
        List<Object[]> years = new ArrayList<>(facts.size());
        Map<String, Integer> perOrg = new HashMap<>();
        for (MemberFacts f : facts) {
            members.add(new Object[] {f.memberId(), f.regionOrgId(), f.orgId(), f.orgPath(), f.standing().name(), now});
            years.add(new Object[] {f.memberId(), year, f.regionOrgId(), f.orgId(), f.orgPath()});
            perOrg.merge(f.orgPath(), 1, Integer::sum);
        }
        io.zhibu.shared.db.BulkInsert.rows(db, POINTS_MEMBER, List.of(POINTS_MEMBER.MEMBER_ID, POINTS_MEMBER.REGION_ORG_ID,
                POINTS_MEMBER.ORG_ID, POINTS_MEMBER.ORG_PATH, POINTS_MEMBER.STANDING, POINTS_MEMBER.UPDATED_AT), members);
        io.zhibu.shared.db.BulkInsert.rows(db, POINTS_MEMBER_YEAR, List.of(POINTS_MEMBER_YEAR.MEMBER_ID,
                POINTS_MEMBER_YEAR.POINTS_YEAR, POINTS_MEMBER_YEAR.REGION_ORG_ID, POINTS_MEMBER_YEAR.ORG_ID,
                POINTS_MEMBER_YEAR.ORG_PATH), years);
        ensureOrgRows(year, perOrg.keySet());
        addMembers(year, perOrg);
    }

    public Optional<PointsMemberRecord> member(long memberId) {
        return db.selectFrom(POINTS_MEMBER).where(POINTS_MEMBER.MEMBER_ID.eq(memberId)).fetchOptional();
    }

    /** The member's projection row, locked: every posting of one member runs after the previous one committed. */
    public Optional<PointsMemberRecord> lockMember(long memberId) {
        return db.selectFrom(POINTS_MEMBER).where(POINTS_MEMBER.MEMBER_ID.eq(memberId))
                .and(io.zhibu.shared.db.Citus.lockRegion(db, POINTS_MEMBER, POINTS_MEMBER.REGION_ORG_ID, POINTS_MEMBER.MEMBER_ID.eq(memberId))).forUpdate().fetchOptional();
    }

    /** The projection rows of the members under {@code path} (a region's subtree). */
    public List<PointsMemberRecord> membersUnder(String path) {
        return db.selectFrom(POINTS_MEMBER).where(POINTS_MEMBER.ORG_PATH.startsWith(path)).fetch();
    }

    /** The fact keys starting with {@code prefix} already posted for members under {@code path}. */
    public java.util.Set<String> factKeys(String path, String prefix) {
        return new java.util.HashSet<>(db.select(POINTS_ENTRY.FACT_KEY).from(POINTS_ENTRY)
                .where(POINTS_ENTRY.ORG_PATH.startsWith(path)).and(POINTS_ENTRY.FACT_KEY.startsWith(prefix))
                .fetch(POINTS_ENTRY.FACT_KEY));
    }

    /** Net points per member, year, item and day under {@code path} for the given items (caps of bulk postings). */
    public List<Record> usageUnder(String path, Collection<PointItem> items) {
        return db.select(POINTS_ENTRY.MEMBER_ID, POINTS_ENTRY.POINTS_YEAR, POINTS_ENTRY.ITEM, POINTS_ENTRY.FACT_DATE,
                        DSL.sum(POINTS_ENTRY.POINTS).as("points"))
                .from(POINTS_ENTRY).where(POINTS_ENTRY.ORG_PATH.startsWith(path)).and(POINTS_ENTRY.ITEM.in(items))
                .groupBy(POINTS_ENTRY.MEMBER_ID, POINTS_ENTRY.POINTS_YEAR, POINTS_ENTRY.ITEM, POINTS_ENTRY.FACT_DATE)
                .fetch().stream().<Record>map(r -> r).toList();
    }

    /**
     * Bulk postings (demo and lived-year data) whose fact keys the caller has checked are not posted yet (see
     * {@link #factKeys}); plain set-based inserts (an upsert per row is far too slow on H2). Returns rows written.
     */
    public int insertEntries(List<PointsEntryRecord> entries) {
        List<Field<?>> fields = List.of(POINTS_ENTRY.REGION_ORG_ID, POINTS_ENTRY.MEMBER_ID, POINTS_ENTRY.ORG_PATH,
                POINTS_ENTRY.POINTS_YEAR, POINTS_ENTRY.FACT_DATE, POINTS_ENTRY.ITEM, POINTS_ENTRY.FACT_KEY,
                POINTS_ENTRY.FACT_SEQ, POINTS_ENTRY.REQUESTED, POINTS_ENTRY.POINTS, POINTS_ENTRY.STUDY_MINUTES,
                POINTS_ENTRY.QUIZ_SCORE, POINTS_ENTRY.LINK_TYPE, POINTS_ENTRY.LINK_ID, POINTS_ENTRY.REASON,
                POINTS_ENTRY.CREATED_BY, POINTS_ENTRY.CREATED_AT);
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (PointsEntryRecord e : entries) {
            rows.add(new Object[] {e.getRegionOrgId(), e.getMemberId(), e.getOrgPath(), e.getPointsYear(), e.getFactDate(),
                    e.getItem().name(), e.getFactKey(), e.getFactSeq(), e.getRequested(), e.getPoints(), e.getStudyMinutes(),
                    e.getQuizScore(), e.getLinkType(), e.getLinkId(), e.getReason(), e.getCreatedBy(), e.getCreatedAt()});
        }
        for (int i = 0; i < rows.size(); i += 5_000) {
            io.zhibu.shared.db.BulkInsert.rows(db, POINTS_ENTRY, fields, rows.subList(i, Math.min(rows.size(), i + 5_000)));
        }
        return rows.size();
    }

    public List<PointsMemberRecord> membersOfOrg(long orgId, int limit) {
        return db.selectFrom(POINTS_MEMBER).where(POINTS_MEMBER.ORG_ID.eq(orgId)).orderBy(POINTS_MEMBER.MEMBER_ID)
                .limit(limit).fetch();
    }

    public void updateStanding(long memberId, MemberStanding standing) {
        db.update(POINTS_MEMBER).set(POINTS_MEMBER.STANDING, standing).set(POINTS_MEMBER.UPDATED_AT, now())
                .where(POINTS_MEMBER.MEMBER_ID.eq(memberId)).execute();
    }

    /**
     * Moves a member to another branch: every yearly row leaves the old org's rollups and joins the new one's
     * (rankings follow the member's current branch).
     */
    public void move(long memberId, long orgId, String orgPath, Long regionOrgId) {
        for (PointsMemberYearRecord y : db.selectFrom(POINTS_MEMBER_YEAR).where(POINTS_MEMBER_YEAR.MEMBER_ID.eq(memberId))
                .and(io.zhibu.shared.db.Citus.lockRegion(db, POINTS_MEMBER_YEAR, POINTS_MEMBER_YEAR.REGION_ORG_ID,
                        POINTS_MEMBER_YEAR.MEMBER_ID.eq(memberId)))
                .forUpdate().fetch()) {
            if (y.getOrgPath().equals(orgPath)) {
                continue;
            }
            applyOrgDelta(y.getPointsYear(), y.getOrgPath(), -1, -y.getPoints(), -y.getStudyMinutes(), y.getQuizScore().negate());
            ensureOrgRows(y.getPointsYear(), List.of(orgPath));
            applyOrgDelta(y.getPointsYear(), orgPath, 1, y.getPoints(), y.getStudyMinutes(), y.getQuizScore());
        }
        db.update(POINTS_MEMBER_YEAR).set(POINTS_MEMBER_YEAR.ORG_ID, orgId).set(POINTS_MEMBER_YEAR.ORG_PATH, orgPath)
                .set(POINTS_MEMBER_YEAR.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(POINTS_MEMBER_YEAR.REGION_ORG_ID, regionOrgId)).where(POINTS_MEMBER_YEAR.MEMBER_ID.eq(memberId)).execute();
        db.update(POINTS_MEMBER).set(POINTS_MEMBER.ORG_ID, orgId).set(POINTS_MEMBER.ORG_PATH, orgPath)
                .set(POINTS_MEMBER.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(POINTS_MEMBER.REGION_ORG_ID, regionOrgId)).set(POINTS_MEMBER.UPDATED_AT, now())
                .where(POINTS_MEMBER.MEMBER_ID.eq(memberId)).execute();
    }

    /** A moved subtree: paths follow, then the org rollups of every year are recomputed (ancestors changed). */
    public void rePath(String oldPath, String newPath, long regionOrgId) {
        rePath(POINTS_MEMBER.ORG_PATH, POINTS_MEMBER.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(POINTS_MEMBER_YEAR.ORG_PATH, POINTS_MEMBER_YEAR.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(POINTS_ENTRY.ORG_PATH, POINTS_ENTRY.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        for (Integer year : db.selectDistinct(POINTS_MEMBER_YEAR.POINTS_YEAR).from(POINTS_MEMBER_YEAR).fetch(POINTS_MEMBER_YEAR.POINTS_YEAR)) {
            rebuildOrgs(year);
        }
    }

    private void rePath(TableField<?, String> path, TableField<?, Long> region, String oldPath, String newPath,
                        long regionOrgId) {
        OrgPathSql.rePath(db, path, region, oldPath, newPath, regionOrgId);
    }

    /**
     * Opens the year for these members: one rollup row each (0 points), counted in their org's member numbers.
     * Members who already have the row are skipped.
     */
    public void openYear(Collection<Long> memberIds, int year) {
        List<Long> ids = List.copyOf(memberIds);
        Map<String, Integer> perOrg = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            List<PointsMemberRecord> missing = db.selectFrom(POINTS_MEMBER).where(POINTS_MEMBER.MEMBER_ID.in(chunk))
                    .andNotExists(db.selectOne().from(POINTS_MEMBER_YEAR).where(POINTS_MEMBER_YEAR.MEMBER_ID.eq(POINTS_MEMBER.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(POINTS_MEMBER_YEAR.REGION_ORG_ID, POINTS_MEMBER.REGION_ORG_ID)))
                            .and(POINTS_MEMBER_YEAR.POINTS_YEAR.eq(year))).fetch();
            if (missing.isEmpty()) {
                continue;
            }
            // no ON CONFLICT: the callers hold the member's row lock (postings) or own the members (registration)
            io.zhibu.shared.db.BulkInsert.rows(db, POINTS_MEMBER_YEAR, List.of(POINTS_MEMBER_YEAR.MEMBER_ID,
                    POINTS_MEMBER_YEAR.POINTS_YEAR, POINTS_MEMBER_YEAR.REGION_ORG_ID, POINTS_MEMBER_YEAR.ORG_ID,
                    POINTS_MEMBER_YEAR.ORG_PATH), missing.stream().map(m -> new Object[] {m.getMemberId(), year,
                    m.getRegionOrgId(), m.getOrgId(), m.getOrgPath()}).toList());
            missing.forEach(m -> perOrg.merge(m.getOrgPath(), 1, Integer::sum));
        }
        if (perOrg.isEmpty()) {
            return;
        }
        ensureOrgRows(year, perOrg.keySet());
        addMembers(year, perOrg);
    }

    /**
     * New members per branch path added to the yearly org rows: summed per org (own and subtree) first, then one
     * update per org in id order, so a bulk registration touches each ancestor row once, not once per branch; the
     * updates go as one JDBC batch (one round trip, not one per org).
     */
    private void addMembers(int year, Map<String, Integer> perPath) {
        Map<Long, int[]> perOrg = new java.util.TreeMap<>(); // org id -> {subtree, own}
        perPath.forEach((path, n) -> {
            for (String prefix : prefixes(path)) {
                perOrg.computeIfAbsent(idOf(prefix), k -> new int[2])[0] += n;
            }
            perOrg.computeIfAbsent(idOf(path), k -> new int[2])[1] += n;
        });
        if (perOrg.isEmpty()) {
            return;
        }
        var o = POINTS_ORG_YEAR;
        var batch = db.batch(db.update(o).set(o.SUB_MEMBERS, o.SUB_MEMBERS.plus(0)).set(o.OWN_MEMBERS, o.OWN_MEMBERS.plus(0))
                .where(o.POINTS_YEAR.eq(0)).and(o.ORG_ID.eq(0L)));
        perOrg.forEach((id, n) -> batch.bind(n[0], n[1], year, id)); // TreeMap: id order
        batch.execute();
    }

    /**
     * Every member of the projection without a row for the year gets one (a new year; the rebuild): the missing
     * members counted per branch in one grouped query, their rows written by one {@code INSERT … SELECT}, then the org
     * rows and member numbers once per org — set-based, not a look-up and an insert per thousand members (the city's
     * lived year spent minutes here). Returns the rows opened.
     */
    public int openYearForAll(int year) {
        var m = POINTS_MEMBER;
        var y = POINTS_MEMBER_YEAR;
        Condition missing = DSL.notExists(db.selectOne().from(y).where(y.MEMBER_ID.eq(m.MEMBER_ID))
                .and(io.zhibu.shared.db.Citus.sameRegion(y.REGION_ORG_ID, m.REGION_ORG_ID)).and(y.POINTS_YEAR.eq(year)));
        Map<String, Integer> perOrg = new HashMap<>();
        for (Record r : db.select(m.ORG_PATH, DSL.count()).from(m).where(missing).groupBy(m.ORG_PATH).fetch()) {
            perOrg.put(r.get(m.ORG_PATH), r.get(1, Integer.class));
        }
        if (perOrg.isEmpty()) {
            return 0;
        }
        int n = db.insertInto(y, y.MEMBER_ID, y.POINTS_YEAR, y.REGION_ORG_ID, y.ORG_ID, y.ORG_PATH)
                .select(db.select(m.MEMBER_ID, DSL.val(year), m.REGION_ORG_ID, m.ORG_ID, m.ORG_PATH).from(m).where(missing))
                .execute();
        if (io.zhibu.shared.db.BulkInsert.postgres(db)) {
            // a new year's rows are all new to the planner's statistics: without them the next "members without the
            // year" anti-join took the year for one row and rescanned it per member (10 s per thousand members in
            // the city's lived year, 2026-12-07)
            db.execute("analyze points_member_year");
        }
        ensureOrgRows(year, perOrg.keySet());
        addMembers(year, perOrg);
        return n;
    }

    // ------------------------------------------------------------------ bulk postings

    /**
     * After a bulk load into the ledger (a city's lived year: 3.7 M postings), PostgreSQL's statistics still describe
     * the table before it: the next bulk posting's look-up of a thousand fact keys took 1–3 s instead of 2 ms
     * (2026-12-07). Refreshed here; nothing to do on H2.
     */
    public void refreshStatistics() {
        if (io.zhibu.shared.db.BulkInsert.postgres(db)) {
            db.execute("analyze points_entry");
            db.execute("analyze points_member_year");
        }
    }

    /** The projection rows of these members, locked in id order (bulk postings), by member id. */
    public Map<Long, PointsMemberRecord> lockMembers(Collection<Long> memberIds) {
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(memberIds));
        Map<Long, PointsMemberRecord> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            db.selectFrom(POINTS_MEMBER).where(POINTS_MEMBER.MEMBER_ID.in(ids.subList(i, Math.min(ids.size(), i + 1000))))
                    .orderBy(POINTS_MEMBER.MEMBER_ID).forUpdate().fetch().forEach(r -> out.put(r.getMemberId(), r));
        }
        return out;
    }

    /** The newest posting of each of these fact keys that has one, with whether it was reversed. */
    public record Latest(long id, int seq, int points, boolean reversed) {
    }

    public Map<String, Latest> latestPostings(Collection<String> factKeys) {
        List<String> keys = List.copyOf(new java.util.HashSet<>(factKeys));
        Map<String, PointsEntryRecord> newest = new HashMap<>();
        for (int i = 0; i < keys.size(); i += 1000) {
            for (PointsEntryRecord e : db.select(POINTS_ENTRY.ID, POINTS_ENTRY.FACT_KEY, POINTS_ENTRY.FACT_SEQ, POINTS_ENTRY.POINTS)
                    .from(POINTS_ENTRY).where(POINTS_ENTRY.FACT_KEY.in(keys.subList(i, Math.min(keys.size(), i + 1000))))
                    .fetchInto(PointsEntryRecord.class)) {
                newest.merge(e.getFactKey(), e, (a, b) -> a.getFactSeq() >= b.getFactSeq() ? a : b);
            }
        }
        java.util.Set<Long> reversed = new java.util.HashSet<>();
        List<Long> ids = newest.values().stream().map(PointsEntryRecord::getId).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            reversed.addAll(reversedIds(ids.subList(i, Math.min(ids.size(), i + 1000))));
        }
        Map<String, Latest> out = new HashMap<>();
        newest.forEach((k, e) -> out.put(k, new Latest(e.getId(), e.getFactSeq(), e.getPoints(), reversed.contains(e.getId()))));
        return out;
    }

    /** Net points per member, item and day of these members' years (the caps of bulk postings). */
    public List<Record> usage(Collection<Long> memberIds, Collection<Integer> years) {
        List<Long> ids = List.copyOf(memberIds);
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            db.select(POINTS_ENTRY.MEMBER_ID, POINTS_ENTRY.ITEM, POINTS_ENTRY.FACT_DATE, DSL.sum(POINTS_ENTRY.POINTS).as("points"))
                    .from(POINTS_ENTRY).where(POINTS_ENTRY.MEMBER_ID.in(ids.subList(i, Math.min(ids.size(), i + 1000))))
                    .and(POINTS_ENTRY.POINTS_YEAR.in(years))
                    .groupBy(POINTS_ENTRY.MEMBER_ID, POINTS_ENTRY.ITEM, POINTS_ENTRY.FACT_DATE).fetch().forEach(out::add);
        }
        return out;
    }

    /** What bulk postings add to one member's year or one org's totals. */
    public static final class Delta {
        public long points;
        public long minutes;
        public BigDecimal score = BigDecimal.ZERO;
        public int entries;

        public void add(int p, int m, BigDecimal s) {
            points += p;
            minutes += m;
            score = score.add(s);
            entries++;
        }
    }

    /**
     * Bulk postings' effect on the rollups of one year: each member's row (one JDBC batch), then each org's own totals
     * and every ancestor's subtree totals summed per org first and written once per org in id order (one batch) —
     * the same result as {@link #applyDelta} once per posting, without its statements per posting.
     */
    public void applyDeltas(int year, Map<Long, Delta> perMember, Map<String, Delta> perOrgPath) {
        var y = POINTS_MEMBER_YEAR;
        List<Long> members = new ArrayList<>(new java.util.TreeSet<>(perMember.keySet()));
        if (io.zhibu.shared.db.BulkInsert.postgres(db) && !members.isEmpty()) {
            // PostgreSQL: the deltas COPYed into a temporary table and added by one UPDATE … FROM (a county of the
            // city's lived year is 25,000 member years: a statement each cost minutes on a loaded machine)
            db.execute("create temporary table if not exists points_year_delta (member_id bigint primary key, points int, "
                    + "study_minutes int, quiz_score numeric(14,2), entries int) on commit drop");
            db.execute("truncate points_year_delta");
            List<Object[]> rows = new ArrayList<>(members.size());
            for (long id : members) {
                Delta d = perMember.get(id);
                rows.add(new Object[] {id, (int) d.points, (int) d.minutes, d.score, d.entries});
            }
            var t = DSL.table(DSL.name("points_year_delta"));
            io.zhibu.shared.db.BulkInsert.rows(db, t, List.of(DSL.field(DSL.name("member_id")), DSL.field(DSL.name("points")),
                    DSL.field(DSL.name("study_minutes")), DSL.field(DSL.name("quiz_score")), DSL.field(DSL.name("entries"))), rows);
            db.execute("analyze points_year_delta");
            db.execute("update points_member_year y set points = y.points + d.points, study_minutes = y.study_minutes + "
                    + "d.study_minutes, quiz_score = y.quiz_score + d.quiz_score, entries = y.entries + d.entries "
                    + "from points_year_delta d where y.member_id = d.member_id and y.points_year = " + year);
            members = List.of();
        }
        for (int i = 0; i < members.size(); i += 1000) {
            var batch = db.batch(db.update(y).set(y.POINTS, y.POINTS.plus(0)).set(y.STUDY_MINUTES, y.STUDY_MINUTES.plus(0))
                    .set(y.QUIZ_SCORE, y.QUIZ_SCORE.plus(BigDecimal.ZERO)).set(y.ENTRIES, y.ENTRIES.plus(0))
                    .where(y.MEMBER_ID.eq(0L)).and(y.POINTS_YEAR.eq(0)));
            for (long id : members.subList(i, Math.min(members.size(), i + 1000))) {
                Delta d = perMember.get(id);
                batch.bind((int) d.points, (int) d.minutes, d.score, d.entries, id, year);
            }
            batch.execute();
        }
        Map<Long, Delta[]> perOrg = new java.util.TreeMap<>(); // org id -> {own, subtree}
        perOrgPath.forEach((path, d) -> {
            for (String prefix : prefixes(path)) {
                Delta[] t = perOrg.computeIfAbsent(idOf(prefix), k -> new Delta[] {new Delta(), new Delta()});
                t[1].points += d.points;
                t[1].minutes += d.minutes;
                t[1].score = t[1].score.add(d.score);
            }
            Delta[] t = perOrg.computeIfAbsent(idOf(path), k -> new Delta[] {new Delta(), new Delta()});
            t[0].points += d.points;
            t[0].minutes += d.minutes;
            t[0].score = t[0].score.add(d.score);
        });
        if (perOrg.isEmpty()) {
            return;
        }
        var o = POINTS_ORG_YEAR;
        var batch = db.batch(db.update(o).set(o.SUB_POINTS, o.SUB_POINTS.plus(0L)).set(o.SUB_STUDY_MINUTES, o.SUB_STUDY_MINUTES.plus(0L))
                .set(o.SUB_QUIZ_SCORE, o.SUB_QUIZ_SCORE.plus(BigDecimal.ZERO)).set(o.OWN_POINTS, o.OWN_POINTS.plus(0L))
                .set(o.OWN_STUDY_MINUTES, o.OWN_STUDY_MINUTES.plus(0L)).set(o.OWN_QUIZ_SCORE, o.OWN_QUIZ_SCORE.plus(BigDecimal.ZERO))
                .where(o.POINTS_YEAR.eq(0)).and(o.ORG_ID.eq(0L)));
        perOrg.forEach((id, t) -> batch.bind(t[1].points, t[1].minutes, t[1].score, t[0].points, t[0].minutes, t[0].score, year, id));
        batch.execute();
    }

    // ------------------------------------------------------------------ postings

    /** The member's yearly row, locked: postings of one member are serialized (caps read then written). */
    public Optional<PointsMemberYearRecord> lockYear(long memberId, int year) {
        return db.selectFrom(POINTS_MEMBER_YEAR).where(POINTS_MEMBER_YEAR.MEMBER_ID.eq(memberId))
                .and(POINTS_MEMBER_YEAR.POINTS_YEAR.eq(year))
                .and(io.zhibu.shared.db.Citus.lockRegion(db, POINTS_MEMBER_YEAR, POINTS_MEMBER_YEAR.REGION_ORG_ID,
                        POINTS_MEMBER_YEAR.MEMBER_ID.eq(memberId))).forUpdate().fetchOptional();
    }

    public Optional<PointsMemberYearRecord> year(long memberId, int year) {
        return db.selectFrom(POINTS_MEMBER_YEAR).where(POINTS_MEMBER_YEAR.MEMBER_ID.eq(memberId))
                .and(POINTS_MEMBER_YEAR.POINTS_YEAR.eq(year)).fetchOptional();
    }

    /** Net points per item and day of the member's year (for the caps). */
    public List<Record> usage(long memberId, int year) {
        return db.select(POINTS_ENTRY.ITEM, POINTS_ENTRY.FACT_DATE, DSL.sum(POINTS_ENTRY.POINTS).as("points"))
                .from(POINTS_ENTRY).where(POINTS_ENTRY.MEMBER_ID.eq(memberId)).and(POINTS_ENTRY.POINTS_YEAR.eq(year))
                .groupBy(POINTS_ENTRY.ITEM, POINTS_ENTRY.FACT_DATE).fetch().stream().<Record>map(r -> r).toList();
    }

    /** The newest posting of a fact, if any. */
    public Optional<PointsEntryRecord> latestPosting(String factKey) {
        return db.selectFrom(POINTS_ENTRY).where(POINTS_ENTRY.FACT_KEY.eq(factKey))
                .orderBy(POINTS_ENTRY.FACT_SEQ.desc()).limit(1).fetchOptional();
    }

    public boolean isReversed(long entryId) {
        return db.fetchExists(POINTS_ENTRY, POINTS_ENTRY.REVERSES_ENTRY_ID.eq(entryId));
    }

    /** Inserts the entry unless its (fact key, sequence) or reversed entry is already there; returns the new id. */
    public Optional<Long> insertEntry(PointsEntryRecord e) {
        e.setCreatedAt(now());
        var r = db.insertInto(POINTS_ENTRY).set(e);
        boolean citus = io.zhibu.shared.db.Citus.enabled(); // unique indexes hold the region key there (db/vendor/citus)
        Record rec = (e.getReversesEntryId() != null
                ? (citus ? r.onConflict(POINTS_ENTRY.REVERSES_ENTRY_ID, POINTS_ENTRY.REGION_ORG_ID)
                        : r.onConflict(POINTS_ENTRY.REVERSES_ENTRY_ID)).doNothing()
                : (citus ? r.onConflict(POINTS_ENTRY.FACT_KEY, POINTS_ENTRY.FACT_SEQ, POINTS_ENTRY.REGION_ORG_ID)
                        : r.onConflict(POINTS_ENTRY.FACT_KEY, POINTS_ENTRY.FACT_SEQ)).doNothing())
                .returning(POINTS_ENTRY.ID).fetchOne();
        return rec == null ? Optional.empty() : Optional.of(rec.get(POINTS_ENTRY.ID));
    }

    public Optional<PointsEntryRecord> entry(long id) {
        return db.selectFrom(POINTS_ENTRY).where(POINTS_ENTRY.ID.eq(id)).fetchOptional();
    }

    /** Postings linked to a fact source (e.g. every month of a dues payment). */
    public List<PointsEntryRecord> linked(String linkType, String linkId) {
        return db.selectFrom(POINTS_ENTRY).where(POINTS_ENTRY.LINK_TYPE.eq(linkType)).and(POINTS_ENTRY.LINK_ID.eq(linkId))
                .and(POINTS_ENTRY.REVERSES_ENTRY_ID.isNull()).orderBy(POINTS_ENTRY.ID).fetch();
    }

    public List<PointsEntryRecord> entries(long memberId, int year, int limit) {
        return db.selectFrom(POINTS_ENTRY).where(POINTS_ENTRY.MEMBER_ID.eq(memberId)).and(POINTS_ENTRY.POINTS_YEAR.eq(year))
                .orderBy(POINTS_ENTRY.FACT_DATE.desc(), POINTS_ENTRY.ID.desc()).limit(limit).fetch();
    }

    public List<Long> reversedIds(Collection<Long> entryIds) {
        return entryIds.isEmpty() ? List.of() : db.select(POINTS_ENTRY.REVERSES_ENTRY_ID).from(POINTS_ENTRY)
                .where(POINTS_ENTRY.REVERSES_ENTRY_ID.in(entryIds)).fetch(POINTS_ENTRY.REVERSES_ENTRY_ID);
    }

    /** One posting's effect on the rollups: the member's year row, the org's own and every ancestor's subtree. */
    public void applyDelta(PointsMemberYearRecord y, int points, int minutes, BigDecimal score) {
        db.update(POINTS_MEMBER_YEAR).set(POINTS_MEMBER_YEAR.POINTS, POINTS_MEMBER_YEAR.POINTS.plus(points))
                .set(POINTS_MEMBER_YEAR.STUDY_MINUTES, POINTS_MEMBER_YEAR.STUDY_MINUTES.plus(minutes))
                .set(POINTS_MEMBER_YEAR.QUIZ_SCORE, POINTS_MEMBER_YEAR.QUIZ_SCORE.plus(score))
                .set(POINTS_MEMBER_YEAR.ENTRIES, POINTS_MEMBER_YEAR.ENTRIES.plus(1))
                .where(POINTS_MEMBER_YEAR.MEMBER_ID.eq(y.getMemberId())).and(POINTS_MEMBER_YEAR.POINTS_YEAR.eq(y.getPointsYear()))
                .execute();
        applyOrgDelta(y.getPointsYear(), y.getOrgPath(), 0, points, minutes, score);
    }

    /**
     * Adds to the org's own totals and to the subtree totals of the org and all its ancestors in ONE statement, so
     * concurrent postings lock the org rows in the same (primary key) order and cannot deadlock.
     */
    private void applyOrgDelta(int year, String orgPath, int members, long points, long minutes, BigDecimal score) {
        if (members == 0 && points == 0 && minutes == 0 && score.signum() == 0) {
            return;
        }
        var o = POINTS_ORG_YEAR;
        List<Long> ids = prefixes(orgPath).stream().map(PointsRepository::idOf).toList();
        long own = idOf(orgPath);
        Condition isOwn = o.ORG_ID.eq(own);
        db.update(o)
                .set(o.SUB_MEMBERS, o.SUB_MEMBERS.plus(members)).set(o.SUB_POINTS, o.SUB_POINTS.plus(points))
                .set(o.SUB_STUDY_MINUTES, o.SUB_STUDY_MINUTES.plus(minutes)).set(o.SUB_QUIZ_SCORE, o.SUB_QUIZ_SCORE.plus(score))
                .set(o.OWN_MEMBERS, o.OWN_MEMBERS.plus(DSL.when(isOwn, members).otherwise(0)))
                .set(o.OWN_POINTS, o.OWN_POINTS.plus(DSL.when(isOwn, points).otherwise(0L)))
                .set(o.OWN_STUDY_MINUTES, o.OWN_STUDY_MINUTES.plus(DSL.when(isOwn, minutes).otherwise(0L)))
                .set(o.OWN_QUIZ_SCORE, o.OWN_QUIZ_SCORE.plus(DSL.when(isOwn, score).otherwise(BigDecimal.ZERO)))
                .where(o.POINTS_YEAR.eq(year)).and(o.ORG_ID.in(ids)).execute();
    }

    /** Rows for these orgs and all their ancestors (zero totals), where missing. */
    private void ensureOrgRows(int year, Collection<String> orgPaths) {
        Map<Long, String> all = new LinkedHashMap<>();
        for (String p : orgPaths) {
            for (String prefix : prefixes(p)) {
                all.put(idOf(prefix), prefix);
            }
        }
        if (all.isEmpty()) {
            return;
        }
        java.util.Set<Long> present = new java.util.HashSet<>(db.select(POINTS_ORG_YEAR.ORG_ID).from(POINTS_ORG_YEAR)
                .where(POINTS_ORG_YEAR.POINTS_YEAR.eq(year)).and(POINTS_ORG_YEAR.ORG_ID.in(all.keySet()))
                .fetch(POINTS_ORG_YEAR.ORG_ID));
        for (var e : new java.util.TreeMap<>(all).entrySet()) {
            if (!present.contains(e.getKey())) {
                // one row per statement: concurrent openers of the same org skip each other's row
                db.insertInto(POINTS_ORG_YEAR, POINTS_ORG_YEAR.ORG_ID, POINTS_ORG_YEAR.POINTS_YEAR, POINTS_ORG_YEAR.ORG_PATH)
                        .values(e.getKey(), year, e.getValue())
                        .onConflict(POINTS_ORG_YEAR.ORG_ID, POINTS_ORG_YEAR.POINTS_YEAR).doNothing().execute();
            }
        }
    }

    // ------------------------------------------------------------------ rankings

    public enum Metric {
        POINTS, STUDY, QUIZ
    }

    private static Field<?> memberMetric(Metric m) {
        return switch (m) {
            case POINTS -> POINTS_MEMBER_YEAR.POINTS;
            case STUDY -> POINTS_MEMBER_YEAR.STUDY_MINUTES;
            case QUIZ -> POINTS_MEMBER_YEAR.QUIZ_SCORE;
        };
    }

    /**
     * Members of a subtree ranked by a metric, with a plan chosen here rather than by the planner's guess of the
     * subtree's share (which flipped between plans with the subtree size and made townships slower than the city):
     * a subtree small enough to sort is read through the (year, org_path) range and sorted ({@link #sortsSubtree});
     * a larger one walks the (year, metric) index and keeps the rows of the subtree, which finds a page after about
     * (offset + limit) × population / subtree rows. Each query is written so that the other index cannot serve it.
     */
    public List<PointsMemberYearRecord> memberRanking(int year, String path, Metric metric, int offset, int limit,
                                                      long subtreeMembers, long population) {
        var t = POINTS_MEMBER_YEAR;
        Field<?> m = memberMetric(metric);
        if (path == null || path.isEmpty()) {
            return db.selectFrom(t).where(t.POINTS_YEAR.eq(year)).orderBy(m.desc(), t.MEMBER_ID.asc())
                    .limit(limit).offset(offset).fetch();
        }
        if (sortsSubtree(subtreeMembers, population, offset + limit)) {
            // "metric + 0" is not the indexed column: the path range is read and the subtree sorted
            return db.selectFrom(t).where(t.POINTS_YEAR.eq(year)).and(subtree(t.ORG_PATH, path))
                    .orderBy(m.plus(0).desc(), t.MEMBER_ID.asc()).limit(limit).offset(offset).fetch();
        }
        // the walk finds a page after about (offset + limit) × population / subtree rows when the subtree's members are
        // spread over the order; when they are not (a county whose members all rank low, or all tie at 0 points and
        // come late by id) an unbounded walk reads most of the year (issue 20: 0.7 s for a county of 16,608 in a city
        // of 230,000). So the walk is bounded to 4× the expected rows, and a page it cannot fill is sorted instead.
        long budget = Math.min(Math.max(population, 1), 4L * (offset + limit) * Math.max(population, 1)
                / Math.max(subtreeMembers, 1) + 1_000);
        return memberRanking(year, path, metric, offset, limit, budget);
    }

    /**
     * The bounded walk: the first {@code budget} rows of the year in metric order (the metric index, "substring(path)
     * = p" being no range on the path index), of them the subtree's page; when that leaves the page short (the subtree's
     * rows lie deeper, or the page is the last), the subtree's path range sorted — exact either way.
     */
    List<PointsMemberYearRecord> memberRanking(int year, String path, Metric metric, int offset, int limit, long budget) {
        var t = POINTS_MEMBER_YEAR;
        Field<?> m = memberMetric(metric);
        var walked = db.selectFrom(t).where(t.POINTS_YEAR.eq(year)).orderBy(m.desc(), t.MEMBER_ID.asc()).limit(budget)
                .asTable("walked");
        List<PointsMemberYearRecord> page = db.select(walked.fields()).from(walked)
                .where(DSL.substring(walked.field(t.ORG_PATH), 1, path.length()).eq(path))
                .orderBy(walked.field(m).desc(), walked.field(t.MEMBER_ID).asc()).limit(limit).offset(offset)
                .fetchInto(t);
        if (page.size() == limit) {
            return page;
        }
        return db.selectFrom(t).where(t.POINTS_YEAR.eq(year)).and(subtree(t.ORG_PATH, path))
                .orderBy(m.plus(0).desc(), t.MEMBER_ID.asc()).limit(limit).offset(offset).fetch();
    }

    /**
     * Whether sorting the whole subtree is cheaper than walking the metric index until a page of the subtree is found:
     * sorting costs about {@code subtree} rows, walking about {@code rows × population / subtree}; they cross at
     * subtree = √(rows × population). A factor 2 in favour of the sort, whose rows are adjacent in the path index.
     */
    public static boolean sortsSubtree(long subtree, long population, int rows) {
        if (subtree <= 0 || population <= 0) {
            return true;
        }
        double crossover = 2 * Math.sqrt((double) rows * population);
        return subtree <= Math.max(2_000, crossover);
    }

    /** 1-based rank of one member in the subtree (count of those strictly ahead, plus ties with a smaller id). */
    public long rankOf(PointsMemberYearRecord y, String path) {
        var t = POINTS_MEMBER_YEAR;
        return 1 + db.fetchCount(t, t.POINTS_YEAR.eq(y.getPointsYear()).and(subtree(t.ORG_PATH, path))
                .and(t.POINTS.gt(y.getPoints()).or(t.POINTS.eq(y.getPoints()).and(t.MEMBER_ID.lt(y.getMemberId())))));
    }

    public Optional<PointsOrgYearRecord> org(long orgId, int year) {
        return db.selectFrom(POINTS_ORG_YEAR).where(POINTS_ORG_YEAR.ORG_ID.eq(orgId)).and(POINTS_ORG_YEAR.POINTS_YEAR.eq(year))
                .fetchOptional();
    }

    /** Members in the whole platform for a year (the sum over top-level rows). */
    public long allMembers(int year) {
        Number n = db.select(DSL.sum(POINTS_ORG_YEAR.SUB_MEMBERS)).from(POINTS_ORG_YEAR).where(POINTS_ORG_YEAR.POINTS_YEAR.eq(year))
                .and(DSL.length(POINTS_ORG_YEAR.ORG_PATH).eq(OrgPath.SEGMENT)).fetchOne(0, Long.class);
        return n == null ? 0 : n.longValue();
    }

    /** Field of the per-member average of an org's own members for a metric. */
    private static Field<BigDecimal> average(Metric m) {
        var o = POINTS_ORG_YEAR;
        Field<BigDecimal> total = switch (m) {
            case POINTS -> o.OWN_POINTS.cast(BigDecimal.class);
            case STUDY -> o.OWN_STUDY_MINUTES.cast(BigDecimal.class);
            case QUIZ -> o.OWN_QUIZ_SCORE;
        };
        return total.div(o.OWN_MEMBERS.cast(BigDecimal.class));
    }

    /** Branches (orgs with members of their own) of a subtree, by the per-member average of the metric. */
    public List<PointsOrgYearRecord> branchRanking(int year, String path, Metric metric, int offset, int limit) {
        var o = POINTS_ORG_YEAR;
        return db.selectFrom(o).where(o.POINTS_YEAR.eq(year)).and(subtree(o.ORG_PATH, path)).and(o.OWN_MEMBERS.gt(0))
                .orderBy(average(metric).desc(), o.ORG_ID.asc()).limit(limit).offset(offset).fetch();
    }

    public int branchCount(int year, String path) {
        var o = POINTS_ORG_YEAR;
        return db.fetchCount(o, o.POINTS_YEAR.eq(year).and(subtree(o.ORG_PATH, path)).and(o.OWN_MEMBERS.gt(0)));
    }

    /** The yearly rows of these members (any branch). */
    public List<PointsMemberYearRecord> years(Collection<Long> memberIds, int year) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(POINTS_MEMBER_YEAR).where(POINTS_MEMBER_YEAR.MEMBER_ID.in(memberIds))
                .and(POINTS_MEMBER_YEAR.POINTS_YEAR.eq(year)).fetch();
    }

    /** Which of these members the points module knows (its roster projection). */
    public List<Long> known(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return db.select(POINTS_MEMBER.MEMBER_ID).from(POINTS_MEMBER).where(POINTS_MEMBER.MEMBER_ID.in(memberIds))
                .fetch(POINTS_MEMBER.MEMBER_ID);
    }

    public List<PointsMemberYearRecord> yearsOfOrg(long orgId, int year) {
        return db.selectFrom(POINTS_MEMBER_YEAR).where(POINTS_MEMBER_YEAR.ORG_ID.eq(orgId))
                .and(POINTS_MEMBER_YEAR.POINTS_YEAR.eq(year)).orderBy(POINTS_MEMBER_YEAR.POINTS.desc(), POINTS_MEMBER_YEAR.MEMBER_ID)
                .limit(2000).fetch();
    }

    // ------------------------------------------------------------------ rebuild

    /**
     * Recomputes the year's rollups from the ledger: every member's row (one set-based UPDATE from the ledger's
     * sums), then every org row (own totals grouped by org, subtree totals summed up the path). Returns rows written.
     */
    public int rebuild(int year) {
        openYearForAll(year);
        var y = POINTS_MEMBER_YEAR;
        var e = POINTS_ENTRY;
        var m = POINTS_MEMBER;
        var follow = io.zhibu.shared.db.Citus.enabled() // the region key never changes on Citus
                ? db.update(y).set(DSL.row(y.ORG_ID, y.ORG_PATH), db.select(m.ORG_ID, m.ORG_PATH).from(m).where(m.MEMBER_ID.eq(y.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(m.REGION_ORG_ID, y.REGION_ORG_ID))))
                
                : db.update(y).set(DSL.row(y.ORG_ID, y.ORG_PATH, y.REGION_ORG_ID),
                        db.select(m.ORG_ID, m.ORG_PATH, m.REGION_ORG_ID).from(m).where(m.MEMBER_ID.eq(y.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(m.REGION_ORG_ID, y.REGION_ORG_ID))))
                ;
        follow.where(y.POINTS_YEAR.eq(year)).and(DSL.exists(db.selectOne().from(m).where(m.MEMBER_ID.eq(y.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(m.REGION_ORG_ID, y.REGION_ORG_ID)))
                        .and(io.zhibu.shared.db.Citus.sameRegion(m.REGION_ORG_ID, y.REGION_ORG_ID))))
                .execute();
        db.update(y).set(DSL.row(y.POINTS, y.STUDY_MINUTES, y.QUIZ_SCORE, y.ENTRIES),
                        db.select(DSL.coalesce(DSL.sum(e.POINTS), BigDecimal.ZERO).cast(Integer.class),
                                        DSL.coalesce(DSL.sum(e.STUDY_MINUTES), BigDecimal.ZERO).cast(Integer.class),
                                        DSL.coalesce(DSL.sum(e.QUIZ_SCORE), BigDecimal.ZERO),
                                        DSL.count().cast(Integer.class))
                                .from(e).where(e.MEMBER_ID.eq(y.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(e.REGION_ORG_ID, y.REGION_ORG_ID))).and(e.POINTS_YEAR.eq(y.POINTS_YEAR)))
                .where(y.POINTS_YEAR.eq(year)).execute();
        return rebuildOrgs(year);
    }

    /** The org rows of a year from the member rows: own totals per org, subtree totals summed up each path. */
    public int rebuildOrgs(int year) {
        var y = POINTS_MEMBER_YEAR;
        var own = db.select(y.ORG_PATH, DSL.count().as("n"), DSL.sum(y.POINTS).as("p"), DSL.sum(y.STUDY_MINUTES).as("s"),
                        DSL.sum(y.QUIZ_SCORE).as("q"))
                .from(y).where(y.POINTS_YEAR.eq(year)).groupBy(y.ORG_PATH).fetch();
        Map<String, long[]> rows = new java.util.TreeMap<>();
        Map<String, BigDecimal[]> scores = new HashMap<>();
        for (Record r : own) {
            String path = r.get(y.ORG_PATH);
            long n = r.get("n", Long.class);
            long p = r.get("p", Long.class);
            long s = r.get("s", Long.class);
            BigDecimal q = r.get("q", BigDecimal.class);
            long[] self = rows.computeIfAbsent(path, k -> new long[6]);
            BigDecimal[] selfQ = scores.computeIfAbsent(path, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            self[0] += n;
            self[1] += p;
            self[2] += s;
            selfQ[0] = selfQ[0].add(q);
            for (String prefix : prefixes(path)) {
                long[] a = rows.computeIfAbsent(prefix, k -> new long[6]);
                BigDecimal[] aq = scores.computeIfAbsent(prefix, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                a[3] += n;
                a[4] += p;
                a[5] += s;
                aq[1] = aq[1].add(q);
            }
        }
        db.deleteFrom(POINTS_ORG_YEAR).where(POINTS_ORG_YEAR.POINTS_YEAR.eq(year)).execute();
        List<PointsOrgYearRecord> batch = new ArrayList<>();
        for (var row : rows.entrySet()) {
            long[] v = row.getValue();
            BigDecimal[] q = scores.get(row.getKey());
            PointsOrgYearRecord o = new PointsOrgYearRecord(idOf(row.getKey()), year, row.getKey(), (int) v[0], v[1], v[2],
                    q[0], (int) v[3], v[4], v[5], q[1]);
            batch.add(o);
        }
        for (int i = 0; i < batch.size(); i += 1000) {
            db.batchInsert(batch.subList(i, Math.min(batch.size(), i + 1000))).execute();
        }
        return batch.size();
    }

    /** A comparable snapshot of the year's rollups (org rows with all zeros left out): incremental == rebuild. */
    public List<String> snapshot(int year) {
        List<String> out = new ArrayList<>();
        var y = POINTS_MEMBER_YEAR;
        db.selectFrom(y).where(y.POINTS_YEAR.eq(year)).orderBy(y.MEMBER_ID).fetch().forEach(r -> out.add("m " + r.getMemberId()
                + " " + r.getOrgPath() + " " + r.getPoints() + " " + r.getStudyMinutes() + " "
                + r.getQuizScore().stripTrailingZeros().toPlainString() + " " + r.getEntries()));
        var o = POINTS_ORG_YEAR;
        db.selectFrom(o).where(o.POINTS_YEAR.eq(year)).and(o.SUB_MEMBERS.ne(0).or(o.SUB_POINTS.ne(0L)).or(o.OWN_MEMBERS.ne(0))
                        .or(o.SUB_STUDY_MINUTES.ne(0L)).or(o.SUB_QUIZ_SCORE.ne(BigDecimal.ZERO)))
                .orderBy(o.ORG_ID).fetch().forEach(r -> out.add("o " + r.getOrgId() + " " + r.getOrgPath() + " "
                        + r.getOwnMembers() + " " + r.getOwnPoints() + " " + r.getOwnStudyMinutes() + " "
                        + r.getOwnQuizScore().stripTrailingZeros().toPlainString() + " " + r.getSubMembers() + " "
                        + r.getSubPoints() + " " + r.getSubStudyMinutes() + " "
                        + r.getSubQuizScore().stripTrailingZeros().toPlainString()));
        return out;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
