package io.zhibu.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** CSV fields as PostgreSQL's COPY reads them, from the builder and from the UTF-8 byte buffer alike. */
class BulkInsertTest {
    private static final Object[] VALUES = {null, "", "王建国", "say \"hi\"", "\"", "a,b\nc", 42L, 7, true,
        new BigDecimal("0.20"), LocalDate.of(2012, 7, 1), OffsetDateTime.of(2026, 6, 1, 8, 30, 0, 123_456_789, ZoneOffset.UTC)};
    private static final String[] EXPECTED = {"", "\"\"", "\"王建国\"", "\"say \"\"hi\"\"\"", "\"\"\"\"", "\"a,b\nc\"", "42",
        "7", "true", "0.20", "2012-07-01", "2026-06-01T08:30:00.123456Z"};

    @Test
    void fields() {
        for (int i = 0; i < VALUES.length; i++) {
            StringBuilder b = new StringBuilder();
            BulkInsert.csv(b, VALUES[i]);
            assertThat(b.toString()).as("value %s", VALUES[i]).isEqualTo(EXPECTED[i]);
            assertThat(new String(new BulkInsert.Bytes(1).csv(VALUES[i]).toByteArray(), StandardCharsets.UTF_8))
                    .as("bytes of %s", VALUES[i]).isEqualTo(EXPECTED[i]);
        }
    }

    @Test
    void bytesGrowAndJoin() {
        BulkInsert.Bytes b = new BulkInsert.Bytes(1);
        for (int i = 0; i < 1000; i++) {
            b.ascii(i).write((byte) ',').csv("党员" + i).write((byte) '\n');
        }
        String all = new String(b.toByteArray(), StandardCharsets.UTF_8);
        assertThat(all.lines()).hasSize(1000).startsWith("0,\"党员0\"").endsWith("999,\"党员999\"");
        assertThat(b.size()).isEqualTo(all.getBytes(StandardCharsets.UTF_8).length);
    }
}
