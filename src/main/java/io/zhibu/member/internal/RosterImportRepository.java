package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.db.tables.records.MemberMemberRecord;
import io.zhibu.member.MemberEventType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record3;
import io.zhibu.shared.db.BulkInsert;
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

    /** Columns the import writes (all but the id and the lifecycle columns that start empty). */
    private static final List<Field<?>> COLUMNS = Arrays.stream(MEMBER_MEMBER.fields())
            .filter(f -> !f.equals(MEMBER_MEMBER.ID) && !f.equals(MEMBER_MEMBER.GROUP_ORG_ID)
                    && !f.equals(MEMBER_MEMBER.EXIT_TYPE) && !f.equals(MEMBER_MEMBER.EXITED_ON)
                    && !f.equals(MEMBER_MEMBER.DISCIPLINE_TYPE) && !f.equals(MEMBER_MEMBER.DISCIPLINE_UNTIL))
            .toList();
    private static final String INSERT = "insert into member_member (" + COLUMNS.stream().map(Field::getName)
            .collect(Collectors.joining(", ")) + ") values (" + COLUMNS.stream().map(f -> "?")
            .collect(Collectors.joining(", ")) + ")";
    private static final String INSERT_EVENT = "insert into member_event (region_org_id, org_path, member_id, event_type,"
            + " effective_on, actor, created_at) values (?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts one chunk of new members with the IMPORTED history row of each, returning the ids in insert order.
     * On PostgreSQL: ids drawn from the identity sequence in one query, then both tables loaded with COPY (the
     * fastest path into the server); elsewhere one JDBC batch per table with the generated keys.
     * Runs inside the caller's transaction either way.
     */
    public List<Long> insertBatch(List<MemberMemberRecord> records, LocalDate on, String actor) {
        if (records.isEmpty()) {
            return List.of();
        }
        return BulkInsert.postgres(db) ? copyBatch(records, on, actor) : jdbcBatch(records, on, actor);
    }

    private List<Long> copyBatch(List<MemberMemberRecord> records, LocalDate on, String actor) {
        List<Long> ids = db.fetch("select nextval(pg_get_serial_sequence('member_member', 'id')) from generate_series(1, ?)",
                records.size()).getValues(0, Long.class);
        if (ids.size() != records.size()) {
            throw new IllegalStateException("the sequence gave " + ids.size() + " ids for " + records.size() + " rows");
        }
        StringBuilder members = new StringBuilder(records.size() * 700);
        StringBuilder events = new StringBuilder(records.size() * 120);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < records.size(); i++) {
            MemberMemberRecord r = records.get(i);
            members.append(ids.get(i));
            for (Field<?> f : COLUMNS) {
                members.append(',');
                BulkInsert.csv(members, r.get(f));
            }
            members.append('\n');
            BulkInsert.csv(events, r.getRegionOrgId());
            events.append(',');
            BulkInsert.csv(events, r.getOrgPath());
            events.append(',').append(ids.get(i)).append(',').append(MemberEventType.IMPORTED.name()).append(',')
                    .append(on).append(',');
            BulkInsert.csv(events, actor);
            events.append(',');
            BulkInsert.csv(events, now);
            events.append('\n');
        }
        BulkInsert.copy(db, COPY_MEMBERS, members);
        BulkInsert.copy(db, COPY_EVENTS, events);
        return ids;
    }

    private static final String COPY_MEMBERS = "copy member_member (id, " + COLUMNS.stream().map(Field::getName)
            .collect(Collectors.joining(", ")) + ") from stdin with (format csv)";
    private static final String COPY_EVENTS = "copy member_event (region_org_id, org_path, member_id, event_type,"
            + " effective_on, actor, created_at) from stdin with (format csv)";

    /** One JDBC batch per table (far cheaper than a multi-row statement to render and parse), generated keys in order. */
    private List<Long> jdbcBatch(List<MemberMemberRecord> records, LocalDate on, String actor) {
        return db.connectionResult(conn -> {
            List<Long> ids = new ArrayList<>(records.size());
            try (PreparedStatement ps = conn.prepareStatement(INSERT, new String[] {"id"})) {
                for (MemberMemberRecord r : records) {
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        ps.setObject(i + 1, r.get(COLUMNS.get(i)));
                    }
                    ps.addBatch();
                }
                try {
                    ps.executeBatch();
                } catch (java.sql.SQLException e) {
                    throw BulkInsert.translate(e); // the same ID number registered meanwhile: 409, not 500
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            if (ids.size() != records.size()) {
                throw new IllegalStateException("the driver returned " + ids.size() + " keys for " + records.size() + " rows");
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement ps = conn.prepareStatement(INSERT_EVENT)) {
                for (int i = 0; i < records.size(); i++) {
                    MemberMemberRecord r = records.get(i);
                    ps.setLong(1, r.getRegionOrgId());
                    ps.setString(2, r.getOrgPath());
                    ps.setLong(3, ids.get(i));
                    ps.setString(4, MemberEventType.IMPORTED.name());
                    ps.setObject(5, on);
                    ps.setString(6, actor);
                    ps.setObject(7, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return ids;
        });
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
