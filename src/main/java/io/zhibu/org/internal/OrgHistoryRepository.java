package io.zhibu.org.internal;

import static io.zhibu.db.Tables.ORG_CHANGE;
import static io.zhibu.db.Tables.ORG_ORGANIZATION;

import io.zhibu.db.tables.records.OrgChangeRecord;
import io.zhibu.db.tables.records.OrgOrganizationRecord;
import io.zhibu.shared.OrgPath;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads of the org tree and its change history for the tree at a past date. */
@Repository
public class OrgHistoryRepository {
    private final DSLContext db;

    public OrgHistoryRepository(DSLContext db) {
        this.db = db;
    }

    private static Condition subtree(String path) {
        return path.isEmpty() ? DSL.noCondition()
                : ORG_ORGANIZATION.PATH.ge(path).and(ORG_ORGANIZATION.PATH.lt(OrgPath.upperBound(path)));
    }

    /** Every org of the subtree, dissolved and merged ones included, in tree order. */
    public List<OrgOrganizationRecord> orgs(String path) {
        return db.selectFrom(ORG_ORGANIZATION).where(subtree(path)).orderBy(ORG_ORGANIZATION.PATH).fetch();
    }

    /** The changes of the subtree's orgs, oldest first. */
    public List<OrgChangeRecord> changes(String path) {
        return db.select(ORG_CHANGE.fields()).from(ORG_CHANGE).join(ORG_ORGANIZATION).on(ORG_ORGANIZATION.ID.eq(ORG_CHANGE.ORG_ID))
                .where(subtree(path)).orderBy(ORG_CHANGE.EFFECTIVE_ON, ORG_CHANGE.ID).fetchInto(OrgChangeRecord.class);
    }
}
