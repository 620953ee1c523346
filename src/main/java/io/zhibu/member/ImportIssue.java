package io.zhibu.member;

/** One problem of an import: a cell ({@code row} ≥ 2 as in the spreadsheet, {@code column} header) or the file (row 0). */
public record ImportIssue(int row, String column, String message) {
}
