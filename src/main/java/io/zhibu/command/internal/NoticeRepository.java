package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_NOTICE;
import static io.zhibu.db.Tables.COMMAND_NOTICE_COUNT;
import static io.zhibu.db.Tables.COMMAND_NOTICE_ORG;
import static io.zhibu.db.Tables.COMMAND_NOTICE_READ;

import io.zhibu.db.tables.records.CommandNoticeCountRecord;
import io.zhibu.db.tables.records.CommandNoticeRecord;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.db.BulkInsert;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of notices: organization rows by (notice, org), members' receipts by (notice, org_path). */
@Repository
public class NoticeRepository {
    private final DSLContext db;

    public NoticeRepository(DSLContext db) {
        this.db = db;
    }

    public static Condition sentWithin(String scopePath) {
        return scopePath.isEmpty() ? DSL.noCondition() : COMMAND_NOTICE.SENDER_ORG_PATH.ge(scopePath)
                .and(COMMAND_NOTICE.SENDER_ORG_PATH.lt(OrgPath.upperBound(scopePath)));
    }

    public long insert(CommandNoticeRecord n) {
        n.setCreatedAt(now());
        n.changed(COMMAND_NOTICE.ID, false);
        return db.insertInto(COMMAND_NOTICE).set(n).returning(COMMAND_NOTICE.ID).fetchOne().getId();
    }

    public void insertOrgs(long noticeId, List<TaskRepository.Target> targets) {
        var o = COMMAND_NOTICE_ORG;
        List<Object[]> rows = new ArrayList<>(targets.size());
        for (TaskRepository.Target t : targets) {
            rows.add(new Object[] {noticeId, t.orgId(), t.path(), t.name()});
        }
        BulkInsert.rows(db, o, List.of(o.NOTICE_ID, o.ORG_ID, o.ORG_PATH, o.ORG_NAME), rows);
    }

    public Optional<CommandNoticeRecord> find(long id) {
        return db.selectFrom(COMMAND_NOTICE).where(COMMAND_NOTICE.ID.eq(id)).fetchOptional();
    }

    public List<CommandNoticeRecord> sent(Condition c, int page, int size) {
        return db.selectFrom(COMMAND_NOTICE).where(c).orderBy(COMMAND_NOTICE.ID.desc()).limit(size)
                .offset((long) page * size).fetch();
    }

    public long countSent(Condition c) {
        return db.fetchCount(COMMAND_NOTICE, c);
    }

    /** Notices to the organization, newest first, with whether it has read them. */
    public List<? extends Record> toOrg(long orgId, int limit) {
        var n = COMMAND_NOTICE;
        var o = COMMAND_NOTICE_ORG;
        return db.select(n.fields()).select(o.READ_AT).from(o).join(n).on(n.ID.eq(o.NOTICE_ID)).where(o.ORG_ID.eq(orgId))
                .orderBy(n.ID.desc()).limit(limit).fetch();
    }

    /** Member notices of the subtrees a member's branch lies in (its path's prefixes), with the member's receipt. */
    public List<? extends Record> toMember(long memberId, String branchPath, int limit) {
        var n = COMMAND_NOTICE;
        var r = COMMAND_NOTICE_READ;
        List<String> prefixes = new ArrayList<>();
        for (int d = 1; d <= OrgPath.depth(branchPath); d++) {
            prefixes.add(branchPath.substring(0, d * OrgPath.SEGMENT));
        }
        return db.select(n.fields()).select(r.READ_AT).from(n).leftJoin(r).on(r.NOTICE_ID.eq(n.ID)).and(r.MEMBER_ID.eq(memberId))
                .where(n.AUDIENCE.eq(io.zhibu.command.NoticeAudience.MEMBERS)).and(n.ROOT_ORG_PATH.in(prefixes))
                .orderBy(n.ID.desc()).limit(limit).fetch();
    }

    public Optional<Record> orgRow(long noticeId, long orgId) {
        return db.select(COMMAND_NOTICE_ORG.READ_AT, COMMAND_NOTICE_ORG.ORG_PATH).from(COMMAND_NOTICE_ORG).where(COMMAND_NOTICE_ORG.NOTICE_ID.eq(noticeId))
                .and(COMMAND_NOTICE_ORG.ORG_ID.eq(orgId)).fetchOptional().map(x -> (Record) x);
    }

    /** The organization's read receipt (the first reading counts); true if this call recorded it. */
    public boolean markOrgRead(long noticeId, long orgId, String by) {
        return db.update(COMMAND_NOTICE_ORG).set(COMMAND_NOTICE_ORG.READ_AT, now()).set(COMMAND_NOTICE_ORG.READ_BY, by)
                .where(COMMAND_NOTICE_ORG.NOTICE_ID.eq(noticeId)).and(COMMAND_NOTICE_ORG.ORG_ID.eq(orgId))
                .and(COMMAND_NOTICE_ORG.READ_AT.isNull()).execute() == 1;
    }

    public boolean memberRead(long noticeId, long memberId) {
        return db.fetchExists(COMMAND_NOTICE_READ, COMMAND_NOTICE_READ.NOTICE_ID.eq(noticeId)
                .and(COMMAND_NOTICE_READ.MEMBER_ID.eq(memberId)));
    }

    /** A member's read receipt (once); true if this call recorded it. */
    public boolean markMemberRead(long noticeId, long memberId, long orgId, String orgPath) {
        var r = COMMAND_NOTICE_READ;
        return db.insertInto(r).set(r.NOTICE_ID, noticeId).set(r.MEMBER_ID, memberId).set(r.ORG_ID, orgId)
                .set(r.ORG_PATH, orgPath).set(r.READ_AT, now()).onConflictDoNothing().execute() == 1;
    }

    /** Read / total per child path prefix of {@code underPath} (organizations addressed). */
    public Map<String, long[]> orgFigures(long noticeId, String underPath) {
        var o = COMMAND_NOTICE_ORG;
        Field<String> key = DSL.substring(o.ORG_PATH, DSL.inline(1), DSL.inline(underPath.length() + OrgPath.SEGMENT));
        var read = DSL.sum(DSL.when(o.READ_AT.isNotNull(), DSL.inline(1)).otherwise(DSL.inline(0)));
        Map<String, long[]> out = new HashMap<>();
        db.select(key, DSL.count(), read).from(o).where(o.NOTICE_ID.eq(noticeId)).and(o.ORG_PATH.ge(underPath))
                .and(o.ORG_PATH.lt(OrgPath.upperBound(underPath))).groupBy(key)
                .forEach(x -> out.put(x.value1(), new long[] {x.value2(), x.value3() == null ? 0 : x.value3().longValue()}));
        return out;
    }

    /** Members' receipts per child path prefix of {@code underPath}. */
    public Map<String, Long> memberReads(long noticeId, String underPath) {
        var r = COMMAND_NOTICE_READ;
        Field<String> key = DSL.substring(r.ORG_PATH, DSL.inline(1), DSL.inline(underPath.length() + OrgPath.SEGMENT));
        Map<String, Long> out = new HashMap<>();
        db.select(key, DSL.count()).from(r).where(r.NOTICE_ID.eq(noticeId)).and(r.ORG_PATH.ge(underPath))
                .and(r.ORG_PATH.lt(OrgPath.upperBound(underPath))).groupBy(key)
                .forEach(x -> out.put(x.value1(), x.value2().longValue()));
        return out;
    }

    /** The organizations below {@code underPath} that have not read the notice, by path. */
    public List<? extends Record> unreadOrgs(long noticeId, String underPath, int limit) {
        var o = COMMAND_NOTICE_ORG;
        return db.select(o.ORG_ID, o.ORG_NAME).from(o).where(o.NOTICE_ID.eq(noticeId)).and(o.READ_AT.isNull())
                .and(o.ORG_PATH.ge(underPath)).and(o.ORG_PATH.lt(OrgPath.upperBound(underPath)))
                .orderBy(o.ORG_PATH).limit(limit).fetch();
    }

    /** The read counters of a new notice (every addressee unread), in one bulk load. */
    public void insertCounts(long noticeId, List<TaskRepository.Counter> counters) {
        var c = COMMAND_NOTICE_COUNT;
        List<Object[]> rows = new ArrayList<>(counters.size());
        for (TaskRepository.Counter x : counters) {
            rows.add(new Object[] {noticeId, x.orgId(), x.parentOrgId(), x.path(), x.name(), x.total(), 0});
        }
        BulkInsert.rows(db, c, List.of(c.NOTICE_ID, c.ORG_ID, c.PARENT_ORG_ID, c.ORG_PATH, c.ORG_NAME, c.TOTAL,
                c.READ_COUNT), rows);
    }

    /** One more addressee has read: one count on every counter of its path (in the receipt's transaction). */
    public void countRead(long noticeId, Collection<Long> pathOrgIds) {
        var c = COMMAND_NOTICE_COUNT;
        db.update(c).set(c.READ_COUNT, c.READ_COUNT.plus(1)).where(c.NOTICE_ID.eq(noticeId))
                .and(c.ORG_ID.in(pathOrgIds)).execute();
    }

    public Optional<CommandNoticeCountRecord> count(long noticeId, long orgId) {
        var c = COMMAND_NOTICE_COUNT;
        return db.selectFrom(c).where(c.NOTICE_ID.eq(noticeId)).and(c.ORG_ID.eq(orgId)).fetchOptional();
    }

    /** The organization's counter row and its children's, in one read (the board's common case). */
    public List<CommandNoticeCountRecord> countRows(long noticeId, long orgId) {
        var c = COMMAND_NOTICE_COUNT;
        return db.selectFrom(c).where(c.NOTICE_ID.eq(noticeId)).and(c.ORG_ID.eq(orgId).or(c.PARENT_ORG_ID.eq(orgId)))
                .orderBy(c.ORG_PATH).fetch();
    }

    public List<CommandNoticeCountRecord> countChildren(long noticeId, long orgId) {
        var c = COMMAND_NOTICE_COUNT;
        return db.selectFrom(c).where(c.NOTICE_ID.eq(noticeId)).and(c.PARENT_ORG_ID.eq(orgId)).orderBy(c.ORG_PATH).fetch();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
