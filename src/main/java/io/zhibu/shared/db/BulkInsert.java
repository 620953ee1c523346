package io.zhibu.shared.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DuplicateKeyException;

/**
 * Loads many rows into one table inside the caller's transaction: PostgreSQL COPY (one round trip, no statement to
 * parse or plan) on PostgreSQL, one JDBC batch of a single prepared INSERT elsewhere. For bulk registrations such as
 * the roster import, where a multi-row VALUES statement per thousand rows cost more to render and plan than to run.
 * A unique-key violation surfaces as {@link DuplicateKeyException} on both paths.
 */
public final class BulkInsert {
    private BulkInsert() {
    }

    /** Whether the database is PostgreSQL (COPY, {@code set local} tuning); H2 elsewhere. */
    public static boolean postgres(DSLContext db) {
        return db.dialect().family() == SQLDialect.POSTGRES;
    }

    /**
     * {@code n} new values of {@code table}'s identity column on PostgreSQL, in one query: rows loaded with COPY
     * carry their ids. The sequence's name is looked up once and inlined, so {@code nextval} resolves it once per
     * statement rather than once per row.
     */
    public static long[] identityValues(DSLContext db, String table, int n) {
        String sequence = db.fetchSingle("select pg_get_serial_sequence(?, 'id')", table).get(0, String.class);
        String sql = "select nextval('" + sequence.replace("'", "''") + "'::regclass) from generate_series(1, ?)";
        long[] ids = db.connectionResult(conn -> {
            long[] out = new long[n];
            int k = 0;
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setInt(1, n);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && k < n) {
                        out[k++] = rs.getLong(1);
                    }
                }
            }
            return k == n ? out : null;
        });
        if (ids == null) {
            throw new IllegalStateException("the sequence of " + table + " gave fewer than " + n + " ids");
        }
        return ids;
    }

    /** Inserts {@code rows} (each holding one value per field, in order) into {@code table}. */
    public static void rows(DSLContext db, Table<?> table, List<? extends Field<?>> fields, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String columns = fields.stream().map(Field::getName).collect(Collectors.joining(", "));
        if (postgres(db)) {
            StringBuilder csv = new StringBuilder(rows.size() * 16 * fields.size());
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    csv(csv, row[i]);
                }
                csv.append('\n');
            }
            copy(db, "copy " + table.getName() + " (" + columns + ") from stdin with (format csv)", csv);
            return;
        }
        String insert = "insert into " + table.getName() + " (" + columns + ") values ("
                + fields.stream().map(f -> "?").collect(Collectors.joining(", ")) + ")";
        db.connection(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(insert)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i] instanceof Enum<?> e ? e.name() : row[i]); // typed statuses by name
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw translate(e);
            }
        });
    }

    /** Runs one {@code COPY … FROM STDIN} with the given CSV body on the transaction's connection (PostgreSQL only). */
    public static void copy(DSLContext db, String copySql, CharSequence csvRows) {
        byte[] bytes = csvRows.toString().getBytes(StandardCharsets.UTF_8);
        copy(db, copySql, bytes, bytes.length);
    }

    /** {@link #copy(DSLContext, String, CharSequence)} with a body already in UTF-8. */
    public static void copy(DSLContext db, String copySql, Bytes csvRows) {
        copy(db, copySql, csvRows.buffer(), csvRows.size());
    }

    private static void copy(DSLContext db, String copySql, byte[] bytes, int length) {
        db.connection(conn -> {
            try {
                CopyIn in = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
                try {
                    in.writeToCopy(bytes, 0, length);
                    in.endCopy();
                } finally {
                    if (in.isActive()) {
                        in.cancelCopy();
                    }
                }
            } catch (SQLException e) {
                throw translate(e);
            }
        });
    }

    /**
     * A growable COPY body in UTF-8, written field by field as {@link #csv(StringBuilder, Object)} would, without the
     * detour through a UTF-16 builder (one Chinese name turned a whole line into two bytes a character) and a
     * second copy through a String. Not thread-safe: one per thread.
     */
    public static final class Bytes {
        private byte[] buf;
        private int size;

        public Bytes(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        public int size() {
            return size;
        }

        byte[] buffer() {
            return buf;
        }

        public byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        public Bytes write(byte b) {
            ensure(1);
            buf[size++] = b;
            return this;
        }

        public Bytes write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
            return this;
        }

        /** A number in decimal (ASCII). */
        public Bytes ascii(long n) {
            return write(Long.toString(n).getBytes(StandardCharsets.US_ASCII));
        }

        /** One CSV field, as {@link BulkInsert#csv(StringBuilder, Object)}. */
        public Bytes csv(Object v) {
            if (v instanceof String s) {
                write((byte) '"');
                write((s.indexOf('"') < 0 ? s : s.replace("\"", "\"\"")).getBytes(StandardCharsets.UTF_8));
                return write((byte) '"');
            }
            if (v == null) {
                return this;
            }
            StringBuilder b = new StringBuilder(32);
            BulkInsert.csv(b, v);
            return write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@link #csv(StringBuilder, Object)} as a string. */
    public static String csv(Object v) {
        StringBuilder b = new StringBuilder();
        csv(b, v);
        return b.toString();
    }

    /** One CSV field as COPY reads it: empty for NULL, strings always quoted (an empty string stays empty). */
    public static void csv(StringBuilder out, Object v) {
        switch (v) {
            case null -> {
            }
            case String s -> out.append('"').append(s.indexOf('"') < 0 ? s : s.replace("\"", "\"\"")).append('"');
            case BigDecimal d -> out.append(d.toPlainString());
            case Enum<?> e -> out.append(e.name()); // typed statuses (jOOQ forced types) are stored by name
            case OffsetDateTime t -> out.append(t.truncatedTo(ChronoUnit.MICROS));
            default -> out.append(v); // numbers, booleans, ISO dates
        }
    }

    /**
     * A unique-key violation (SQLSTATE 23505 on PostgreSQL and H2, also when a batch reports it as its next or
     * causing exception) as Spring's {@link DuplicateKeyException}; anything else as it is.
     */
    public static Exception translate(SQLException e) {
        for (Throwable t = e; t != null; t = t instanceof SQLException s && s.getNextException() != null
                && s.getNextException() != t ? s.getNextException() : t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return new DuplicateKeyException(e.getMessage(), e);
            }
        }
        return e;
    }
}
