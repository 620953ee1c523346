package io.zhibu.disclosure.internal;

import static io.zhibu.db.Tables.DISCLOSURE_ITEM;

import io.zhibu.db.tables.records.DisclosureItemRecord;
import io.zhibu.disclosure.DisclosureCategory;
import io.zhibu.disclosure.ItemStatus;
import io.zhibu.shared.OrgPath;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The 三务公开 table (jOOQ lives here only). */
@Repository
public class DisclosureRepository {
    private final DSLContext db;

    public DisclosureRepository(DSLContext db) {
        this.db = db;
    }

    public DisclosureItemRecord newItem() {
        return db.newRecord(DISCLOSURE_ITEM);
    }

    public Optional<DisclosureItemRecord> find(long id) {
        return db.selectFrom(DISCLOSURE_ITEM).where(DISCLOSURE_ITEM.ID.eq(id)).fetchOptional();
    }

    public Optional<DisclosureItemRecord> byToken(String token) {
        return db.selectFrom(DISCLOSURE_ITEM).where(DISCLOSURE_ITEM.PUBLIC_TOKEN.eq(token))
                .and(DISCLOSURE_ITEM.STATUS.eq(ItemStatus.PUBLISHED)).fetchOptional();
    }

    /** Every prefix of {@code path} that is an organization's path (the ancestors and the organization itself). */
    static List<String> ancestorsOrSelf(String path) {
        List<String> out = new ArrayList<>();
        for (int i = OrgPath.SEGMENT; i <= path.length(); i += OrgPath.SEGMENT) {
            out.add(path.substring(0, i));
        }
        return out;
    }

    /**
     * Items of {@code path}'s ancestors and itself (published to their subtrees) and, with {@code subtree}, of its
     * whole subtree; newest first.
     */
    public List<DisclosureItemRecord> visibleAt(String path, boolean subtree, int limit) {
        Condition c = DISCLOSURE_ITEM.ORG_PATH.in(ancestorsOrSelf(path));
        if (subtree) {
            c = c.or(DISCLOSURE_ITEM.ORG_PATH.ge(path).and(DISCLOSURE_ITEM.ORG_PATH.lt(OrgPath.upperBound(path))));
        }
        return db.selectFrom(DISCLOSURE_ITEM).where(c)
                .orderBy(DISCLOSURE_ITEM.PUBLISHED_AT.desc(), DISCLOSURE_ITEM.ID.desc()).limit(limit).fetch();
    }

    /** Published (org, category, period) keys of the organizations ({@code orgIds} null: all), as "org|CATEGORY|period". */
    public Set<String> publishedKeys(Collection<Long> orgIds) {
        Condition which = orgIds == null ? DSL.noCondition() : DISCLOSURE_ITEM.ORG_ID.in(orgIds);
        Set<String> out = new HashSet<>();
        db.selectDistinct(DISCLOSURE_ITEM.ORG_ID, DISCLOSURE_ITEM.CATEGORY, DISCLOSURE_ITEM.PERIOD).from(DISCLOSURE_ITEM)
                .where(which).and(DISCLOSURE_ITEM.STATUS.eq(ItemStatus.PUBLISHED))
                .forEach(r -> out.add(key(r.value1(), r.value2(), r.value3())));
        return out;
    }

    public static String key(long orgId, DisclosureCategory category, String period) {
        return orgId + "|" + category.name() + "|" + period;
    }

    public boolean withdraw(long id, String by, OffsetDateTime at, String reason) {
        return db.update(DISCLOSURE_ITEM).set(DISCLOSURE_ITEM.STATUS, ItemStatus.WITHDRAWN)
                .set(DISCLOSURE_ITEM.WITHDRAWN_BY, by).set(DISCLOSURE_ITEM.WITHDRAWN_AT, at)
                .set(DISCLOSURE_ITEM.WITHDRAW_REASON, reason)
                .where(DISCLOSURE_ITEM.ID.eq(id)).and(DISCLOSURE_ITEM.STATUS.eq(ItemStatus.PUBLISHED)).execute() == 1;
    }

    /** Demo data: many items in JDBC batches. */
    public void insertAll(List<DisclosureItemRecord> rows) {
        for (int i = 0; i < rows.size(); i += 1000) {
            db.batchInsert(rows.subList(i, Math.min(rows.size(), i + 1000))).execute();
        }
    }
}
