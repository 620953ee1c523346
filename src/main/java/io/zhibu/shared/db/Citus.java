package io.zhibu.shared.db;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the database is a Citus cluster (issue 23 point 3; Spring profile {@code citus}, {@code zhibu.db.citus}).
 * On Citus every unique index of a distributed table contains the region key ({@code db/vendor/citus}), so the few
 * statements that name a unique index in {@code ON CONFLICT (…)} say {@code ON CONFLICT DO NOTHING} instead, and a
 * row's region key is never rewritten by a multi-row UPDATE (see {@link RosterCopy}). Everything else is the same SQL.
 */
@Component
public class Citus {
    private static volatile boolean enabled;

    public Citus(@Value("${zhibu.db.citus:false}") boolean enabled) {
        Citus.enabled = enabled;
    }

    /** True when the application runs on a Citus coordinator. */
    public static boolean enabled() {
        return enabled;
    }

    /**
     * The value of an UPDATE's {@code SET region_org_id = …}: the new region, or on Citus the column itself (Citus
     * refuses to change the distribution column of rows; a region's rows stay in its shard group). Moves across
     * regions are refused on Citus before any statement runs ({@link #requireSameRegion}).
     */
    public static Field<Long> region(Field<Long> column, long newRegionOrgId) {
        return enabled ? column : DSL.val(newRegionOrgId);
    }

    /** On Citus: refuses a move that would change rows' region (a province-to-province move is a transfer there). */
    public static void requireSameRegion(long fromRegionOrgId, long toRegionOrgId) {
        if (enabled && fromRegionOrgId != toRegionOrgId) {
            throw new IllegalStateException("on Citus the region key of rows is fixed: region " + fromRegionOrgId
                    + " cannot move under region " + toRegionOrgId);
        }
    }

    /**
     * On Citus, the region keys of two co-located rows joined on another key (a member's bills and account, a
     * meeting and its attendance) are equal: saying so lets Citus push the join down into one shard group. Elsewhere
     * nothing (the same SQL as before).
     */
    public static org.jooq.Condition sameRegion(Field<Long> a, Field<Long> b) {
        return enabled ? a.eq(b) : DSL.noCondition();
    }

    /**
     * The region of the rows a {@code SELECT … FOR UPDATE} locks, as a condition to add to it: Citus locks rows only in
     * a statement routed to one shard, so on Citus the region is read first (an unlocked read of the same rows) and
     * named; elsewhere nothing. The rows' region never changes, so the two reads agree.
     */
    public static org.jooq.Condition lockRegion(org.jooq.DSLContext db, org.jooq.Table<?> table, Field<Long> region,
                                                org.jooq.Condition rows) {
        if (!enabled) {
            return DSL.noCondition();
        }
        Long r = db.select(region).from(table).where(rows).limit(1).fetchOne(region);
        return r == null ? DSL.noCondition() : region.eq(r);
    }
}
