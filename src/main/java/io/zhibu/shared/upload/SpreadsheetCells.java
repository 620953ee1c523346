package io.zhibu.shared.upload;

import java.util.regex.Pattern;

/**
 * Spreadsheet cells and formula injection (CSV/xlsx): a cell starting with {@code = + - @}, a tab or a carriage
 * return may be run as a formula by the spreadsheet that opens it. On import such a cell is never taken as data
 * (the importers report it as a formula); on export it is written with a leading apostrophe, so it shows as text.
 * A plain signed number ({@code -12.5}, {@code +3}) is not a formula.
 */
public final class SpreadsheetCells {
    /** The longest text Excel itself stores in a cell; a longer cell is refused. */
    public static final int MAX_CELL_CHARS = 32_767;
    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]\\d+(\\.\\d+)?");

    private SpreadsheetCells() {
    }

    /** Would a spreadsheet treat this raw cell text (before any stripping) as a formula? */
    public static boolean isFormula(String raw) {
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        char c = raw.charAt(0);
        if (c == '=' || c == '@' || c == '\t' || c == '\r') {
            return true;
        }
        return (c == '+' || c == '-') && !SIGNED_NUMBER.matcher(raw.strip()).matches();
    }

    /** The text to write into an exported cell: formula-like text gets a leading apostrophe. */
    public static String safe(String value) {
        return isFormula(value) ? "'" + value : value;
    }
}
