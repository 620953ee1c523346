package io.zhibu.shared.db;

import io.zhibu.shared.OrgPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The org-subtree SQL every repository needs, in one place: "inside the subtree of {@code p}" is the B-tree range
 * {@code path >= p and path < upperBound(p)} on a materialized {@link OrgPath} column, and re-rooting a moved subtree
 * rewrites the path prefix of every row under it.
 */
public final class OrgPathSql {
    private OrgPathSql() {
    }

    /** Rows of the subtree rooted at {@code rootPath}; no restriction for a null or empty path (the whole tree). */
    public static Condition subtree(Field<String> path, String rootPath) {
        return rootPath == null || rootPath.isEmpty() ? DSL.noCondition()
                : path.ge(rootPath).and(path.lt(OrgPath.upperBound(rootPath))).and(region(path, rootPath));
    }

    /**
     * On Citus: the region key of the subtree (the path's first segment is the top-level ancestor, which is the row's
     * {@code region_org_id}), so that a subtree query on a distributed table is routed to the one shard group of its
     * region. Elsewhere, and for tables without the column, nothing.
     */
    private static Condition region(Field<String> path, String rootPath) {
        if (!Citus.enabled() || !(path instanceof TableField<?, ?> tf) || tf.getTable() == null) {
            return DSL.noCondition();
        }
        Field<?> region = tf.getTable().field("region_org_id");
        return region == null ? DSL.noCondition() : region.coerce(Long.class).eq(OrgPath.idAt(rootPath, 1));
    }

    /**
     * A subtree moved from {@code oldPath} to {@code newPath}: every row of the table under the old path gets the new
     * prefix, and the new region ({@code region} may be null for a table that keeps none).
     */
    public static int rePath(DSLContext db, TableField<?, String> path, TableField<?, Long> region, String oldPath,
                             String newPath, long regionOrgId) {
        Field<String> moved = DSL.concat(DSL.val(newPath), DSL.substring(path, oldPath.length() + 1));
        var update = db.update(path.getTable()).set(path, moved);
        return (region == null ? update : update.set(region, Citus.region(region, regionOrgId))).where(subtree(path, oldPath)).execute();
    }
}
