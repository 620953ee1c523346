package io.zhibu.learning.internal;

import io.zhibu.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Reads the first sheet of an .xlsx or a UTF-8 .csv (RFC 4180 quotes) into rows of cell texts. */
public final class Sheets {
    private Sheets() {
    }

    public static List<List<String>> read(String fileName, byte[] content, int maxRows) {
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "validation.required");
        }
        try {
            if (name.endsWith(".xlsx")) {
                if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
                    throw InvalidInputException.of("file", "learning.file.notWhatItSays");
                }
                List<List<String>> out = new ArrayList<>();
                try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content));
                     var rows = wb.getFirstSheet().openStream()) {
                    rows.limit(maxRows + 1L).forEach((Row row) -> {
                        List<String> cells = new ArrayList<>();
                        for (int c = 0; c < row.getCellCount(); c++) {
                            var cell = row.getCell(c);
                            if (cell != null && cell.getType() == org.dhatim.fastexcel.reader.CellType.FORMULA) {
                                throw InvalidInputException.of("row" + (out.size() + 1), "upload.formula");
                            }
                            cells.add(row.getCellText(c));
                        }
                        out.add(checked(cells, out.size() + 1));
                    });
                }
                return out;
            }
            if (name.endsWith(".csv")) {
                List<List<String>> rows = csv(new String(content, StandardCharsets.UTF_8).replace("\uFEFF", ""), maxRows);
                for (int r = 0; r < rows.size(); r++) {
                    checked(rows.get(r), r + 1);
                }
                return rows;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException i) {
                throw i;
            }
            throw InvalidInputException.of("file", "learning.import.unreadable");
        }
        throw InvalidInputException.of("file", "learning.import.format");
    }

    /**
     * Issue 19: a formula-like cell (= + - @ tab CR) is never taken as data, and no cell is longer than a spreadsheet
     * cell can be; either refuses the file with the row.
     */
    private static List<String> checked(List<String> cells, int rowNumber) {
        for (String v : cells) {
            if (io.zhibu.shared.upload.SpreadsheetCells.isFormula(v)) {
                throw InvalidInputException.of("row" + rowNumber, "upload.formula");
            }
            if (v != null && v.length() > io.zhibu.shared.upload.SpreadsheetCells.MAX_CELL_CHARS) {
                throw InvalidInputException.of("row" + rowNumber, "upload.cellTooLong",
                        io.zhibu.shared.upload.SpreadsheetCells.MAX_CELL_CHARS);
            }
        }
        return cells;
    }

    public static String cell(List<String> cells, int c) {
        return c >= 0 && c < cells.size() && cells.get(c) != null ? cells.get(c).strip() : "";
    }

    static List<List<String>> csv(String text, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length() && rows.size() <= maxRows; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
