package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.db.tables.records.MemberMemberRecord;
import io.zhibu.member.MemberEventType;
import java.nio.charset.StandardCharsets;
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
     * The columns of a COPY line after the id and the two time stamps (written by the loading side, which renders a
     * chunk's shared time stamp once instead of per row), and their positions in a member record: rendering reads
     * the values by index, not by field lookup.
     */
    private static final List<Field<?>> LINE_COLUMNS = COLUMNS.stream()
            .filter(f -> !f.equals(MEMBER_MEMBER.CREATED_AT) && !f.equals(MEMBER_MEMBER.UPDATED_AT)).toList();
    private static final int[] COLUMN_INDEX = LINE_COLUMNS.stream().mapToInt(MEMBER_MEMBER::indexOf).toArray();

    /**
     * One new member's line of the PostgreSQL COPY, all but the leading id and time stamps:
     * {@code ,value,…,value\n} in UTF-8. Pure CPU and thread-safe: the import renders the lines on its reading
     * thread, while the loading thread writes the previous chunk.
     */
    public static byte[] copyLine(MemberMemberRecord r) {
        BulkInsert.Bytes b = new BulkInsert.Bytes(640);
        for (int i : COLUMN_INDEX) {
            b.write((byte) ',').csv(r.get(i));
        }
        return b.write((byte) '\n').toByteArray();
    }

    /** Whether {@link #insertBatch} loads with COPY (PostgreSQL), so that the lines of {@link #copyLine} serve it. */
    public boolean copies() {
        return BulkInsert.postgres(db);
    }

    /**
     * Inserts one chunk of new members with the IMPORTED history row of each, returning the ids in insert order.
     * On PostgreSQL: ids drawn from the identity sequence in one query, then both tables loaded with COPY (the
     * fastest path into the server), the member lines as rendered by {@link #copyLine} ({@code lines}, in the order
     * of {@code records}; null: rendered here); elsewhere one JDBC batch per table with the generated keys.
     * Runs inside the caller's transaction either way.
     */
    public List<Long> insertBatch(List<MemberMemberRecord> records, List<byte[]> lines, Ids ids, LocalDate on,
                                  String actor) {
        if (records.isEmpty()) {
            return List.of();
        }
        if (!BulkInsert.postgres(db)) {
            return jdbcBatch(records, on, actor);
        }
        return copyBatch(records, lines != null ? lines : records.stream().map(RosterImportRepository::copyLine).toList(),
                ids, on, actor);
    }

    /** New member ids for one import on PostgreSQL: drawn from the identity sequence a block at a time. */
    public Ids ids(int block) {
        return new Ids(block);
    }

    /** Member ids drawn ahead in blocks (one query per block); ids left unused at the end are a gap, as on a rollback. */
    public final class Ids {
        private final int block;
        private long[] drawn = new long[0];
        private int next;

        private Ids(int block) {
            this.block = block;
        }

        long[] take(int n) {
            long[] out = new long[n];
            for (int k = 0; k < n; ) {
                if (next == drawn.length) {
                    drawn = nextIds(Math.max(block, n - k));
                    next = 0;
                }
                int m = Math.min(n - k, drawn.length - next);
                System.arraycopy(drawn, next, out, k, m);
                next += m;
                k += m;
            }
            return out;
        }
    }

    private List<Long> copyBatch(List<MemberMemberRecord> records, List<byte[]> lines, Ids pool, LocalDate on,
                                 String actor) {
        long[] ids = (pool != null ? pool : new Ids(records.size())).take(records.size());
        BulkInsert.Bytes members = new BulkInsert.Bytes(records.size() * 720);
        StringBuilder events = new StringBuilder(records.size() * 120);
        String tail = "," + MemberEventType.IMPORTED.name() + "," + on + "," + BulkInsert.csv(actor) + ","
                + BulkInsert.csv(OffsetDateTime.now(ZoneOffset.UTC)) + "\n";
        OffsetDateTime created = null;
        OffsetDateTime updated = null;
        byte[] stamps = null; // rendered once while the records share their time stamps (a whole chunk does)
        for (int i = 0; i < records.size(); i++) {
            MemberMemberRecord r = records.get(i);
            if (created != r.getCreatedAt() || updated != r.getUpdatedAt()) {
                created = r.getCreatedAt();
                updated = r.getUpdatedAt();
                stamps = ("," + BulkInsert.csv(r.getCreatedAt()) + "," + BulkInsert.csv(r.getUpdatedAt()))
                        .getBytes(StandardCharsets.US_ASCII);
            }
            members.ascii(ids[i]).write(stamps);
            members.write(lines.get(i));
            BulkInsert.csv(events, r.getRegionOrgId());
            events.append(',');
            BulkInsert.csv(events, r.getOrgPath());
            events.append(',').append(ids[i]).append(tail);
        }
        BulkInsert.copy(db, COPY_MEMBERS, members);
        BulkInsert.copy(db, COPY_EVENTS, events);
        return Arrays.stream(ids).boxed().toList();
    }

    /** {@code n} new member ids from the identity sequence, in one query. */
    private long[] nextIds(int n) {
        return BulkInsert.identityValues(db, "member_member", n);
    }

    private static final String COPY_MEMBERS = "copy member_member (id, created_at, updated_at, "
            + LINE_COLUMNS.stream().map(Field::getName).collect(Collectors.joining(", ")) + ") from stdin with (format csv)";
    private static final String COPY_EVENTS = "copy member_event (region_org_id, org_path, member_id, event_type,"
            + " effective_on, actor, created_at) from stdin with (format csv)";

    /** One JDBC batch per table (far cheaper than a multi-row statement to render and parse), generated keys in order. */
    private List<Long> jdbcBatch(List<MemberMemberRecord> records, LocalDate on, String actor) {
        return db.connectionResult(conn -> {
            List<Long> ids = new ArrayList<>(records.size());
            try (PreparedStatement ps = conn.prepareStatement(INSERT, new String[] {"id"})) {
                for (MemberMemberRecord r : records) {
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        Object v = r.get(COLUMNS.get(i));
                        ps.setObject(i + 1, v instanceof Enum<?> e ? e.name() : v); // typed statuses are stored by name
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
