package io.zhibu.member.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.member.RosterColumn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .csv side of the roster reader: RFC 4180 quoting, line ends, the BOM, formulas, a truncated file. */
class RosterFileReaderTest {
    static final String HEADER = Arrays.stream(RosterColumn.values()).map(RosterColumn::header)
            .collect(Collectors.joining(","));

    @TempDir
    Path dir;

    record Seen(int row, String name, String address, boolean nameFormula) {
    }

    List<Seen> read(String body) throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, body, StandardCharsets.UTF_8);
        List<Seen> seen = new ArrayList<>();
        RosterFileReader.read(file, "roster.csv", (row, v, f) -> seen.add(new Seen(row, v[RosterColumn.NAME.ordinal()],
                v[RosterColumn.ADDRESS.ordinal()], f[RosterColumn.NAME.ordinal()])));
        return seen;
    }

    static String row(String name, String address) {
        String[] v = new String[RosterColumn.values().length];
        Arrays.fill(v, "");
        v[RosterColumn.NAME.ordinal()] = name;
        v[RosterColumn.ADDRESS.ordinal()] = address;
        return String.join(",", v);
    }

    @Test
    void quotedFieldsEscapesAndLineBreaks() throws Exception {
        String body = "\uFEFF" + HEADER + "\r\n" + row("王建国", "\"城关镇\"\"东关\"\"村, 1号\"") + "\r\n"
                + row("\"李\r\n明\"", "\"\"") + "\n" + row("=HYPERLINK(\"x\")", "北街") + "\n\n" + row("张三", "末行无换行");
        assertThat(read(body)).containsExactly(
                new Seen(2, "王建国", "城关镇\"东关\"村, 1号", false),
                new Seen(3, "李\r\n明", null, false),
                new Seen(4, null, "北街", true),
                new Seen(6, "张三", "末行无换行", false));
    }

    @Test
    void aQuoteAtTheEndOfALargeFileSpansTheBuffer() throws Exception {
        StringBuilder body = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 5000; i++) {
            body.append(row("党员" + i, "\"地址\"\"" + i + "\"\"\"")).append('\n');
        }
        List<Seen> seen = read(body.toString());
        assertThat(seen).hasSize(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(seen.get(i)).isEqualTo(new Seen(i + 2, "党员" + i, "地址\"" + i + "\"", false));
        }
    }

    @Test
    void anUnterminatedQuoteIsATruncatedFile() {
        assertThatThrownBy(() -> read(HEADER + "\n" + row("王建国", "\"城关镇"))).isInstanceOf(RosterFileReader.FileProblem.class)
                .hasMessage("import.file.truncated");
    }

    @Test
    void invalidUtf8IsAnEncodingProblem() throws Exception {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, (HEADER + "\n" + row("王建国", "北街") + "\n").getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThatThrownBy(() -> RosterFileReader.read(file, "gbk.csv", (r, v, f) -> { }))
                .isInstanceOf(RosterFileReader.FileProblem.class).hasMessage("import.file.encoding");
    }
}
