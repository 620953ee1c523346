package io.zhibu.shared.db;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.jooq.DSLContext;
import org.jooq.TableField;

/**
 * A module's copy of the roster (dues accounts, study members: one row per member with its branch), the SQL of
 * keeping it in step with the member module's moves and merges, shared by the modules' projections: a member moved
 * to another branch, a branch merged into another. The module's own facts (category, standing…) stay its own.
 *
 * @param memberId    the key column
 * @param regionOrgId the region column (partitioning by county)
 * @param orgId       the branch column
 * @param orgPath     the branch's path column
 * @param updatedAt   the row's last change
 */
public record RosterCopy(TableField<?, Long> memberId, TableField<?, Long> regionOrgId, TableField<?, Long> orgId,
                         TableField<?, String> orgPath, TableField<?, OffsetDateTime> updatedAt) {

    /** Members moved to another branch. */
    public int move(DSLContext db, Collection<Long> memberIds, long toOrgId, String toOrgPath, long toRegionOrgId) {
        return db.update(memberId.getTable()).set(orgId, toOrgId).set(orgPath, toOrgPath).set(regionOrgId, Citus.region(regionOrgId, toRegionOrgId))
                .set(updatedAt, now()).where(memberId.in(memberIds)).execute();
    }

    /** A branch merged into another: its members follow. */
    public int merge(DSLContext db, long sourceOrgId, long targetOrgId, String targetPath, long targetRegionOrgId) {
        return db.update(memberId.getTable()).set(orgId, targetOrgId).set(orgPath, targetPath)
                .set(regionOrgId, Citus.region(regionOrgId, targetRegionOrgId)).set(updatedAt, now()).where(orgId.eq(sourceOrgId)).execute();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
