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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
        r.setEventType(type);
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
        db.update(MEMBER_EVENT).set(MEMBER_EVENT.ORG_PATH, orgPath).set(MEMBER_EVENT.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(MEMBER_EVENT.REGION_ORG_ID, regionOrgId))
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
                                    DSL.val(MemberEventType.MOVED, MEMBER_EVENT.EVENT_TYPE), DSL.val(on), DSL.val(detail), MEMBER_MEMBER.ORG_ID,
                                    MEMBER_MEMBER.ORG_PATH, DSL.val(actor), DSL.val(now))
                            .from(MEMBER_MEMBER).where(MEMBER_MEMBER.ID.in(part))
                            .and(MEMBER_MEMBER.ORG_ID.ne(toOrgId)))
                    .execute();
            db.update(MEMBER_EVENT).set(MEMBER_EVENT.ORG_PATH, toPath).set(MEMBER_EVENT.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(MEMBER_EVENT.REGION_ORG_ID, toRegionOrgId))
                    .where(MEMBER_EVENT.MEMBER_ID.in(part)).execute();
        }
    }

    /** A moved subtree: history rows and the branches left on moves follow the new paths. */
    public void rePath(String oldPath, String newPath, long regionOrgId) {
        var upper = io.zhibu.shared.OrgPath.upperBound(oldPath);
        db.update(MEMBER_EVENT)
                .set(MEMBER_EVENT.ORG_PATH, DSL.concat(DSL.val(newPath), DSL.substring(MEMBER_EVENT.ORG_PATH, oldPath.length() + 1)))
                .set(MEMBER_EVENT.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(MEMBER_EVENT.REGION_ORG_ID, regionOrgId))
                .where(MEMBER_EVENT.ORG_PATH.ge(oldPath)).and(MEMBER_EVENT.ORG_PATH.lt(upper)).execute();
        db.update(MEMBER_EVENT)
                .set(MEMBER_EVENT.FROM_ORG_PATH, DSL.concat(DSL.val(newPath),
                        DSL.substring(MEMBER_EVENT.FROM_ORG_PATH, oldPath.length() + 1)))
                .where(MEMBER_EVENT.FROM_ORG_PATH.ge(oldPath)).and(MEMBER_EVENT.FROM_ORG_PATH.lt(upper)).execute();
    }

    /**
     * Who stood in a subtree on a date: {@code members} selects them from the roster table, {@code events} their
     * history rows (for exits and suspensions up to the date).
     */
    public record Placement(Condition members, Condition events) {
    }

    /**
     * Members whose branch on {@code date} lay in the subtree {@code path}: those there now who have not moved
     * since, and those who left it later — the first move after the date records the branch they had on it.
     * Moves are the history rows with a branch left (legacy transfer rows without one count as no move).
     * <p>Issue 19: the correlated form cost members × moves (656 s for a county on H2). Now only the moves since the
     * date that touch the subtree are read — moves out of it and moves of its current members, by index — and the
     * few members they concern become two id lists around a plain index range over the roster: those who stood
     * elsewhere on the date are left out, those who stood here and left since are added.
     */
    public Placement placedAt(String path, LocalDate date) {
        if (path.isEmpty()) {
            return new Placement(DSL.noCondition(), DSL.noCondition());
        }
        String upper = io.zhibu.shared.OrgPath.upperBound(path);
        long region = io.zhibu.shared.OrgPath.idAt(path, 1);
        var e = MEMBER_EVENT;
        Set<Long> touched = new HashSet<>(db.select(e.MEMBER_ID).from(e)
                .where(e.FROM_ORG_PATH.ge(path)).and(e.FROM_ORG_PATH.lt(upper)).and(e.EFFECTIVE_ON.gt(date))
                .unionAll(DSL.select(e.MEMBER_ID).from(e).where(e.REGION_ORG_ID.eq(region))
                        .and(e.ORG_PATH.ge(path)).and(e.ORG_PATH.lt(upper))
                        .and(e.FROM_ORG_PATH.isNotNull()).and(e.EFFECTIVE_ON.gt(date)))
                .fetch(r -> r.value1()));
        Set<Long> excluded = new HashSet<>();
        Set<Long> extra = new HashSet<>();
        for (List<Long> part : chunks(touched)) {
            Map<Long, String> firstFrom = new HashMap<>();
            db.select(e.MEMBER_ID, e.FROM_ORG_PATH).from(e).where(e.MEMBER_ID.in(part))
                    .and(e.FROM_ORG_PATH.isNotNull()).and(e.EFFECTIVE_ON.gt(date))
                    .orderBy(e.MEMBER_ID, e.EFFECTIVE_ON, e.ID)
                    .forEach(r -> firstFrom.putIfAbsent(r.value1(), r.value2()));
            db.select(MEMBER_MEMBER.ID, MEMBER_MEMBER.ORG_PATH).from(MEMBER_MEMBER).where(MEMBER_MEMBER.ID.in(part))
                    .forEach(r -> {
                        boolean now = within(r.value2(), path, upper);
                        String from = firstFrom.get(r.value1());
                        boolean then = from == null ? now : within(from, path, upper);
                        if (now && !then) {
                            excluded.add(r.value1());
                        } else if (!now && then) {
                            extra.add(r.value1());
                        }
                    });
        }
        Condition members = MEMBER_MEMBER.REGION_ORG_ID.eq(region).and(MEMBER_MEMBER.ORG_PATH.ge(path))
                .and(MEMBER_MEMBER.ORG_PATH.lt(upper));
        if (!excluded.isEmpty()) {
            members = members.and(MEMBER_MEMBER.ID.notIn(excluded));
        }
        Condition events = e.REGION_ORG_ID.eq(region).and(e.ORG_PATH.ge(path)).and(e.ORG_PATH.lt(upper));
        if (!extra.isEmpty()) {
            members = members.or(MEMBER_MEMBER.ID.in(extra));
            events = events.or(e.MEMBER_ID.in(extra));
        }
        return new Placement(members, events);
    }

    private static boolean within(String p, String path, String upper) {
        return p != null && p.compareTo(path) >= 0 && p.compareTo(upper) < 0;
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

    /**
     * Members on the roster on {@code date}: joined by then and no exit or death event on or before it. The few
     * members of the placement with such an event are read once (by index), not looked up once per member.
     */
    public Condition onRosterAt(Placement placed, LocalDate date) {
        var e = MEMBER_EVENT;
        List<Long> gone = db.selectDistinct(e.MEMBER_ID).from(e).where(placed.events())
                .and(e.EVENT_TYPE.in(MemberEventType.EXITED, MemberEventType.DIED)
                        .or(e.EVENT_TYPE.eq(MemberEventType.TRANSFERRED).and(e.DETAIL.eq("TRANSFERRED_OUT"))))
                .and(e.EFFECTIVE_ON.le(date)).fetch(e.MEMBER_ID);
        return gone.isEmpty() ? MEMBER_MEMBER.JOINED_ON.le(date)
                : MEMBER_MEMBER.JOINED_ON.le(date).and(MEMBER_MEMBER.ID.notIn(gone));
    }

    /** 停止党籍 on {@code date}: the latest suspend/restore event on or before it is a suspension. */
    public Condition suspendedAt(Placement placed, LocalDate date) {
        var e = MEMBER_EVENT;
        Map<Long, MemberEventType> latest = new HashMap<>();
        db.select(e.MEMBER_ID, e.EVENT_TYPE).from(e).where(placed.events())
                .and(e.EVENT_TYPE.in(MemberEventType.SUSPENDED, MemberEventType.RESTORED))
                .and(e.EFFECTIVE_ON.le(date)).orderBy(e.MEMBER_ID, e.EFFECTIVE_ON, e.ID)
                .forEach(r -> latest.put(r.value1(), r.value2()));
        List<Long> suspended = latest.entrySet().stream()
                .filter(x -> x.getValue() == MemberEventType.SUSPENDED).map(Map.Entry::getKey).toList();
        return suspended.isEmpty() ? DSL.falseCondition() : MEMBER_MEMBER.ID.in(suspended);
    }

    /** Full members on {@code date}: the probation ended on or before it. */
    public static Condition fullAt(LocalDate date) {
        return MEMBER_MEMBER.FULL_MEMBER_ON.le(date);
    }

    /** Counts on a date: total, full, probationary, suspended. */
    public Record4<Integer, Integer, Integer, Integer> countsAt(Placement placed, LocalDate date) {
        return db.select(DSL.count(), DSL.count().filterWhere(fullAt(date)),
                        DSL.count().filterWhere(MEMBER_MEMBER.FULL_MEMBER_ON.isNull().or(MEMBER_MEMBER.FULL_MEMBER_ON.gt(date))),
                        DSL.count().filterWhere(suspendedAt(placed, date)))
                .from(MEMBER_MEMBER).where(placed.members()).and(onRosterAt(placed, date)).fetchOne();
    }

    public List<MemberMemberRecord> pageAt(Placement placed, LocalDate date, int page, int size) {
        return db.selectFrom(MEMBER_MEMBER).where(placed.members()).and(onRosterAt(placed, date))
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
        return r.getStanding();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
