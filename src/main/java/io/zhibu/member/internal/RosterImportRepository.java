package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.db.tables.records.MemberMemberRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.springframework.stereotype.Repository;

/** Set-based lookups of the roster import and the streaming cursor of the export. */
@Repository
public class RosterImportRepository {
    private final DSLContext db;

    public RosterImportRepository(DSLContext db) {
        this.db = db;
    }

    /** Registered members by ID-number blind index: index → (name, org path). One query per chunk. */
    public Map<String, String[]> registered(Collection<String> idIndexes) {
        Map<String, String[]> found = new HashMap<>();
        for (Record3<String, String, String> r : db.select(MEMBER_MEMBER.ID_NUMBER_BIDX, MEMBER_MEMBER.NAME,
                        MEMBER_MEMBER.ORG_PATH).from(MEMBER_MEMBER).where(MEMBER_MEMBER.ID_NUMBER_BIDX.in(idIndexes)).fetch()) {
            found.put(r.value1(), new String[] {r.value2(), r.value3()});
        }
        return found;
    }

    /** Streams the roster rows in roster order without loading them all (server-side cursor). */
    public void stream(Condition c, Consumer<MemberMemberRecord> each) {
        try (Cursor<MemberMemberRecord> cursor = db.selectFrom(MEMBER_MEMBER).where(c)
                .orderBy(MEMBER_MEMBER.ORG_PATH, MEMBER_MEMBER.ID).fetchSize(1000).fetchLazy()) {
            for (MemberMemberRecord r : cursor) {
                each.accept(r);
            }
        }
    }
}
