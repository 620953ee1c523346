package io.zhibu.member.internal;

import io.zhibu.member.RosterColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams the data rows of an uploaded roster (.xlsx through fastexcel-reader, or UTF-8 .csv), mapping the Chinese
 * header row to {@link RosterColumn}s. Never holds more than one row; a broken file ends in {@link FileProblem}.
 */
public final class RosterFileReader {
    private RosterFileReader() {
    }

    /** One data row: values by {@link RosterColumn#ordinal()}, and which cells held a formula (or an error value). */
    public interface RowHandler {
        void row(int rowNumber, String[] values, boolean[] formula);
    }

    /** The file as a whole cannot be read as a roster. */
    public static final class FileProblem extends Exception {
        private final String key;
        private final transient Object[] args;

        public FileProblem(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args;
        }
    }

    public static void read(Path file, String fileName, RowHandler handler) throws FileProblem {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 8);
        } catch (IOException e) {
            throw new FileProblem("import.file.unreadable");
        }
        if (n == 0) {
            throw new FileProblem("import.file.empty");
        }
        if (ReadableWorkbook.isOOXMLZipHeader(head)) {
            readXlsx(file, handler);
        } else if (ReadableWorkbook.isOLE2Header(head)) {
            throw new FileProblem("import.file.oldExcel");
        } else if (fileName != null && fileName.toLowerCase().endsWith(".csv")) {
            readCsv(file, handler);
        } else {
            throw new FileProblem("import.file.type");
        }
    }

    // --- xlsx ----------------------------------------------------------------------------------------------------

    private static void readXlsx(Path file, RowHandler handler) throws FileProblem {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            // The roster is the first sheet whose first row carries the roster headers; others (notes) are ignored.
            for (Sheet sheet : wb.getSheets().toList()) {
                int[] map;
                try (Stream<Row> rows = sheet.openStream()) {
                    map = rows.findFirst().map(r -> headerMap(texts(r))).orElse(null);
                }
                if (map == null) {
                    continue;
                }
                try (Stream<Row> rows = sheet.openStream()) {
                    Iterator<Row> it = rows.iterator();
                    it.next();
                    while (it.hasNext()) {
                        Row r = it.next();
                        String[] values = new String[RosterColumn.values().length];
                        boolean[] formula = new boolean[values.length];
                        boolean any = false;
                        for (int c = 0; c < map.length; c++) {
                            if (map[c] < 0 || !r.hasCell(c)) {
                                continue;
                            }
                            Cell cell = r.getCell(c);
                            if (cell == null) {
                                continue;
                            }
                            RosterColumn col = RosterColumn.values()[map[c]];
                            CellType t = cell.getType();
                            if (t == CellType.FORMULA || t == CellType.ERROR) {
                                formula[map[c]] = true;
                                any = true;
                                continue;
                            }
                            String v = switch (t) {
                                case NUMBER -> col.isDate() ? cell.asDate().toLocalDate().toString() : plain(cell.asNumber());
                                case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "是" : "否";
                                case EMPTY -> null;
                                default -> cell.getText();
                            };
                            if (v != null && v.length() > io.zhibu.shared.upload.SpreadsheetCells.MAX_CELL_CHARS) {
                                throw new CellTooLong();
                            }
                            if (t == CellType.STRING && io.zhibu.shared.upload.SpreadsheetCells.isFormula(v)) {
                                formula[map[c]] = true; // text typed as =…, +…, @… is not data either
                                any = true;
                                continue;
                            }
                            if (v != null && !v.isBlank()) {
                                values[map[c]] = v.strip();
                                any = true;
                            }
                        }
                        if (any) {
                            handler.row(r.getRowNum(), values, formula);
                        }
                    }
                }
                return;
            }
            throw new FileProblem("import.file.wrongSheet", expectedHeaders());
        } catch (CellTooLong e) {
            throw new FileProblem("upload.cellTooLong", io.zhibu.shared.upload.SpreadsheetCells.MAX_CELL_CHARS);
        } catch (IOException | UncheckedIOException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
            throw new FileProblem("import.file.unreadable");
        } catch (RuntimeException e) {
            // fastexcel wraps XML and zip failures of truncated or forged files in plain runtime exceptions
            if (e.getClass().getName().startsWith("org.dhatim") || e.getCause() instanceof Exception) {
                throw new FileProblem("import.file.unreadable");
            }
            throw e;
        }
    }

    /** A cell longer than a spreadsheet cell can be (thrown out of the row stream's lambda-free loop). */
    private static final class CellTooLong extends RuntimeException {
        CellTooLong() {
            super(null, null, false, false);
        }
    }

    private static String plain(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }

    private static List<String> texts(Row r) {
        List<String> t = new ArrayList<>();
        for (int c = 0; c < r.getCellCount(); c++) {
            Cell cell = r.hasCell(c) ? r.getCell(c) : null;
            t.add(cell == null ? "" : cell.getText());
        }
        return t;
    }

    // --- csv -----------------------------------------------------------------------------------------------------

    private static void readCsv(Path file, RowHandler handler) throws FileProblem {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
            CsvRecords records = new CsvRecords(in);
            List<String> header = records.next();
            if (header == null) {
                throw new FileProblem("import.file.empty");
            }
            if (!header.isEmpty() && header.getFirst().startsWith("\uFEFF")) {
                header.set(0, header.getFirst().substring(1));
            }
            int[] map = headerMap(header);
            if (map == null) {
                throw new FileProblem("import.file.wrongSheet", expectedHeaders());
            }
            List<String> rec;
            int rowNumber = 1;
            while ((rec = records.next()) != null) {
                rowNumber++;
                String[] values = new String[RosterColumn.values().length];
                boolean[] formula = new boolean[values.length];
                boolean any = false;
                for (int c = 0; c < Math.min(rec.size(), map.length); c++) {
                    String raw = rec.get(c);
                    String v = raw.strip();
                    if (map[c] < 0 || v.isEmpty()) {
                        continue;
                    }
                    if (raw.length() > io.zhibu.shared.upload.SpreadsheetCells.MAX_CELL_CHARS) {
                        throw new FileProblem("upload.cellTooLong", io.zhibu.shared.upload.SpreadsheetCells.MAX_CELL_CHARS);
                    }
                    any = true;
                    if (io.zhibu.shared.upload.SpreadsheetCells.isFormula(raw)) {
                        formula[map[c]] = true; // = + - @ tab CR: a formula (or CSV injection) is never taken as data
                    } else {
                        values[map[c]] = v;
                    }
                }
                if (any) {
                    handler.row(rowNumber, values, formula);
                }
            }
            if (records.unterminatedQuote) {
                throw new FileProblem("import.file.truncated");
            }
        } catch (CharacterCodingException e) {
            throw new FileProblem("import.file.encoding");
        } catch (IOException e) {
            throw new FileProblem("import.file.unreadable");
        }
    }

    /**
     * RFC 4180 records: quoted fields with "" escapes and line breaks. Reads through its own buffer: a buffered
     * reader takes a lock per character, which was most of the time spent reading a 220,000-row file.
     */
    private static final class CsvRecords {
        private final Reader in;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int len;
        boolean unterminatedQuote;

        CsvRecords(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (pos == len) {
                int n;
                do {
                    n = in.read(buf, 0, buf.length);
                } while (n == 0);
                if (n < 0) {
                    return -1;
                }
                len = n;
                pos = 0;
            }
            return buf[pos++];
        }

        /** The next character without consuming it (-1 at the end). */
        private int peek() throws IOException {
            int c = read();
            if (c != -1) {
                pos--;
            }
            return c;
        }

        List<String> next() throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int ch;
            while ((ch = read()) != -1) {
                any = true;
                char c = (char) ch;
                if (quoted) {
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            f.append('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        f.append(c);
                    }
                } else if (c == '"' && f.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else if (c == '\n') {
                    fields.add(f.toString());
                    return fields;
                } else if (c != '\r') {
                    f.append(c);
                }
            }
            if (quoted) {
                unterminatedQuote = true;
            }
            if (!any) {
                return null;
            }
            fields.add(f.toString());
            return fields;
        }
    }

    // --- header --------------------------------------------------------------------------------------------------

    /** Header cell index → column ordinal (-1 = ignored column), or null if a required header is missing. */
    static int[] headerMap(List<String> header) {
        int[] map = new int[header.size()];
        Arrays.fill(map, -1);
        boolean[] seen = new boolean[RosterColumn.values().length];
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip();
            for (RosterColumn c : RosterColumn.values()) {
                if (c.header().equals(h) && !seen[c.ordinal()]) {
                    map[i] = c.ordinal();
                    seen[c.ordinal()] = true;
                }
            }
        }
        for (RosterColumn c : RosterColumn.values()) {
            if (c.requiredHeader() && !seen[c.ordinal()]) {
                return null;
            }
        }
        return map;
    }

    private static String expectedHeaders() {
        return String.join("、", Arrays.stream(RosterColumn.values()).filter(RosterColumn::requiredHeader)
                .map(RosterColumn::header).toList());
    }
}
