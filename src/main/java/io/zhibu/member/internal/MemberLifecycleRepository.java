package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_EVENT;
import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.db.tables.records.MemberEventRecord;
import io.zhibu.db.tables.records.MemberMemberRecord;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberEventType;
import io.zhibu.member.MemberStanding;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the member history (member_event) and of the lifecycle columns of the roster row. */
@Repository
public class MemberLifecycleRepository {
    private final DSLContext db;

    public MemberLifecycleRepository(DSLContext db) {
        this.db = db;
    }

    /** Applies column changes if the member still has {@code expectedVersion}; false = someone else was first. */
    public boolean update(long id, int expectedVersion, Map<Field<?>, Object> changes) {
        return db.update(MEMBER_MEMBER).set(changes).set(MEMBER_MEMBER.VERSION, expectedVersion + 1)
                .set(MEMBER_MEMBER.UPDATED_AT, now())
                .where(MEMBER_MEMBER.ID.eq(id)).and(MEMBER_MEMBER.VERSION.eq(expectedVersion)).execute() == 1;
    }

    public void insertEvent(MemberMemberRecord m, MemberEventType type, LocalDate on, String detail, LocalDate until,
                            String reason, String decidedBy, String actor) {
        insertEvent(m, type, on, detail, until, reason, decidedBy, actor, null, null);
    }

    /**
     * A history row; {@code fromOrgId}/{@code fromOrgPath} are set on moves only (the branch the member left), so
     * the roster of a past date can place the member in the branch they belonged to then.
     */
    public void insertEvent(MemberMemberRecord m, MemberEventType type, LocalDate on, String detail, LocalDate until,
                            String reason, String decidedBy, String actor, Long fromOrgId, String fromOrgPath) {
        MemberEventRecord r = db.newRecord(MEMBER_EVENT);
        r.setFromOrgId(fromOrgId);
        r.setFromOrgPath(fromOrgPath);
        r.setRegionOrgId(m.getRegionOrgId());
        r.setOrgPath(m.getOrgPath());
        r.setMemberId(m.getId());
        r.setEventType(type.name());
        r.setEffectiveOn(on);
        r.setDetail(detail);
        r.setUntilOn(until);
        r.setReason(reason);
        r.setDecidedBy(decidedBy);
        r.setActor(actor);
        r.setCreatedAt(now());
        r.store();
    }

    public List<MemberEventRecord> events(long memberId) {
        return db.selectFrom(MEMBER_EVENT).where(MEMBER_EVENT.MEMBER_ID.eq(memberId))
                .orderBy(MEMBER_EVENT.EFFECTIVE_ON.desc(), MEMBER_EVENT.ID.desc()).fetch();
    }

    /** Keeps the history rows with their member when a member changes branch (transfer completion). */
    public void rePathEvents(long memberId, String orgPath, long regionOrgId) {
        db.update(MEMBER_EVENT).set(MEMBER_EVENT.ORG_PATH, orgPath).set(MEMBER_EVENT.REGION_ORG_ID, regionOrgId)
                .where(MEMBER_EVENT.MEMBER_ID.eq(memberId)).execute();
    }

    /**
     * Records the move of members to another branch (org merge, founding a branch) before their rows change: one
     * MOVED history row each, with the branch they leave, filed under the new branch like the rest of their history.
     */
    public void recordMoves(Collection<Long> memberIds, long toOrgId, String toPath, long toRegionOrgId, LocalDate on,
                            String detail, String actor) {
        if (memberIds.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        for (List<Long> part : chunks(memberIds)) {
            db.insertInto(MEMBER_EVENT, MEMBER_EVENT.REGION_ORG_ID, MEMBER_EVENT.ORG_PATH, MEMBER_EVENT.MEMBER_ID,
                            MEMBER_EVENT.EVENT_TYPE, MEMBER_EVENT.EFFECTIVE_ON, MEMBER_EVENT.DETAIL, MEMBER_EVENT.FROM_ORG_ID,
                            MEMBER_EVENT.FROM_ORG_PATH, MEMBER_EVENT.ACTOR, MEMBER_EVENT.CREATED_AT)
                    .select(DSL.select(DSL.val(toRegionOrgId), DSL.val(toPath), MEMBER_MEMBER.ID,
                                    DSL.val(MemberEventType.MOVED.name()), DSL.val(on), DSL.val(detail), MEMBER_MEMBER.ORG_ID,
                                    MEMBER_MEMBER.ORG_PATH, DSL.val(actor), DSL.val(now))
                            .from(MEMBER_MEMBER).where(MEMBER_MEMBER.ID.in(part))
                            .and(MEMBER_MEMBER.ORG_ID.ne(toOrgId)))
                    .execute();
            db.update(MEMBER_EVENT).set(MEMBER_EVENT.ORG_PATH, toPath).set(MEMBER_EVENT.REGION_ORG_ID, toRegionOrgId)
                    .where(MEMBER_EVENT.MEMBER_ID.in(part)).execute();
        }
    }

    /** A moved subtree: history rows and the branches left on moves follow the new paths. */
    public void rePath(String oldPath, String newPath, long regionOrgId) {
        var upper = io.zhibu.shared.OrgPath.upperBound(oldPath);
        db.update(MEMBER_EVENT)
                .set(MEMBER_EVENT.ORG_PATH, DSL.concat(DSL.val(newPath), DSL.substring(MEMBER_EVENT.ORG_PATH, oldPath.length() + 1)))
                .set(MEMBER_EVENT.REGION_ORG_ID, regionOrgId)
                .where(MEMBER_EVENT.ORG_PATH.ge(oldPath)).and(MEMBER_EVENT.ORG_PATH.lt(upper)).execute();
        db.update(MEMBER_EVENT)
                .set(MEMBER_EVENT.FROM_ORG_PATH, DSL.concat(DSL.val(newPath),
                        DSL.substring(MEMBER_EVENT.FROM_ORG_PATH, oldPath.length() + 1)))
                .where(MEMBER_EVENT.FROM_ORG_PATH.ge(oldPath)).and(MEMBER_EVENT.FROM_ORG_PATH.lt(upper)).execute();
    }

    /**
     * Members whose branch on {@code date} lay in the subtree {@code path}: those there now who have not moved
     * since, and those who left it later — the first move after the date records the branch they had on it.
     * Moves are the history rows with a branch left (legacy transfer rows without one count as no move).
     */
    public Condition placedAt(String path, LocalDate date) {
        if (path.isEmpty()) {
            return DSL.noCondition();
        }
        var e = MEMBER_EVENT.as("mv");
        var m = MEMBER_MEMBER.as("pm");
        var stayed = DSL.select(m.ID).from(m)
                .where(m.REGION_ORG_ID.eq(io.zhibu.shared.OrgPath.idAt(path, 1)))
                .and(m.ORG_PATH.ge(path)).and(m.ORG_PATH.lt(io.zhibu.shared.OrgPath.upperBound(path)))
                .andNotExists(DSL.selectOne().from(e).where(e.MEMBER_ID.eq(m.ID)).and(e.FROM_ORG_PATH.isNotNull())
                        .and(e.EFFECTIVE_ON.gt(date)));
        var e2 = MEMBER_EVENT.as("mv2");
        var left = DSL.select(e.MEMBER_ID).from(e)
                .where(e.FROM_ORG_PATH.ge(path)).and(e.FROM_ORG_PATH.lt(io.zhibu.shared.OrgPath.upperBound(path)))
                .and(e.EFFECTIVE_ON.gt(date))
                .andNotExists(DSL.selectOne().from(e2).where(e2.MEMBER_ID.eq(e.MEMBER_ID)).and(e2.FROM_ORG_PATH.isNotNull())
                        .and(e2.EFFECTIVE_ON.gt(date))
                        .and(e2.EFFECTIVE_ON.lt(e.EFFECTIVE_ON).or(e2.EFFECTIVE_ON.eq(e.EFFECTIVE_ON).and(e2.ID.lt(e.ID)))));
        return MEMBER_MEMBER.ID.in(stayed.unionAll(left));
    }

    /** The branch each member belonged to on {@code date}, for those who moved since (others: their current one). */
    public Map<Long, Long> orgIdsAt(Collection<Long> memberIds, LocalDate date) {
        Map<Long, Long> at = new java.util.HashMap<>();
        if (memberIds.isEmpty()) {
            return at;
        }
        db.select(MEMBER_EVENT.MEMBER_ID, MEMBER_EVENT.FROM_ORG_ID).from(MEMBER_EVENT)
                .where(MEMBER_EVENT.MEMBER_ID.in(memberIds)).and(MEMBER_EVENT.FROM_ORG_PATH.isNotNull())
                .and(MEMBER_EVENT.EFFECTIVE_ON.gt(date))
                .orderBy(MEMBER_EVENT.MEMBER_ID, MEMBER_EVENT.EFFECTIVE_ON, MEMBER_EVENT.ID)
                .forEach(r -> at.putIfAbsent(r.value1(), r.value2()));
        return at;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> parts = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            parts.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return parts;
    }

    /** Members on the roster on {@code date}: joined by then and no exit or death event on or before it. */
    public Condition onRosterAt(LocalDate date) {
        return MEMBER_MEMBER.JOINED_ON.le(date).andNotExists(DSL.selectOne().from(MEMBER_EVENT)
                .where(MEMBER_EVENT.MEMBER_ID.eq(MEMBER_MEMBER.ID))
                .and(MEMBER_EVENT.EVENT_TYPE.in(MemberEventType.EXITED.name(), MemberEventType.DIED.name())
                        .or(MEMBER_EVENT.EVENT_TYPE.eq(MemberEventType.TRANSFERRED.name())
                                .and(MEMBER_EVENT.DETAIL.eq("TRANSFERRED_OUT"))))
                .and(MEMBER_EVENT.EFFECTIVE_ON.le(date)));
    }

    /** 停止党籍 on {@code date}: the latest suspend/restore event on or before it is a suspension. */
    public Condition suspendedAt(LocalDate date) {
        var e = MEMBER_EVENT.as("e");
        var latest = DSL.select(e.EVENT_TYPE).from(e).where(e.MEMBER_ID.eq(MEMBER_MEMBER.ID))
                .and(e.EVENT_TYPE.in(MemberEventType.SUSPENDED.name(), MemberEventType.RESTORED.name()))
                .and(e.EFFECTIVE_ON.le(date)).orderBy(e.EFFECTIVE_ON.desc(), e.ID.desc()).limit(1);
        return DSL.field(latest).eq(MemberEventType.SUSPENDED.name());
    }

    /** Full members on {@code date}: the probation ended on or before it. */
    public static Condition fullAt(LocalDate date) {
        return MEMBER_MEMBER.FULL_MEMBER_ON.le(date);
    }

    /** Counts on a date: total, full, probationary, suspended. */
    public Record4<Integer, Integer, Integer, Integer> countsAt(Condition scope, LocalDate date) {
        return db.select(DSL.count(), DSL.count().filterWhere(fullAt(date)),
                        DSL.count().filterWhere(MEMBER_MEMBER.FULL_MEMBER_ON.isNull().or(MEMBER_MEMBER.FULL_MEMBER_ON.gt(date))),
                        DSL.count().filterWhere(suspendedAt(date)))
                .from(MEMBER_MEMBER).where(scope).and(onRosterAt(date)).fetchOne();
    }

    public List<MemberMemberRecord> pageAt(Condition scope, LocalDate date, int page, int size) {
        return db.selectFrom(MEMBER_MEMBER).where(scope).and(onRosterAt(date))
                .orderBy(MEMBER_MEMBER.ORG_PATH, MEMBER_MEMBER.ID).limit(size).offset((long) page * size).fetch();
    }

    /** Exited members (出党, 死亡) in a subtree: off the active roster, still findable. */
    public List<MemberMemberRecord> exited(Condition scope, int page, int size) {
        return db.selectFrom(MEMBER_MEMBER).where(scope).and(MEMBER_MEMBER.EXIT_TYPE.isNotNull())
                .orderBy(MEMBER_MEMBER.EXITED_ON.desc(), MEMBER_MEMBER.ID.desc()).limit(size).offset((long) page * size).fetch();
    }

    public long countExited(Condition scope) {
        return db.fetchCount(MEMBER_MEMBER, scope.and(MEMBER_MEMBER.EXIT_TYPE.isNotNull()));
    }

    public static String category(MemberMemberRecord r, LocalDate date) {
        return r.getFullMemberOn() != null && !r.getFullMemberOn().isAfter(date)
                ? MemberCategory.FULL.name() : MemberCategory.PROBATIONARY.name();
    }

    public static MemberStanding standing(MemberMemberRecord r) {
        return MemberStanding.valueOf(r.getStanding());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
