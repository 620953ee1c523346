package io.zhibu.member;

import java.util.List;

/**
 * The validation of an uploaded roster: nothing is written yet. {@code unchanged} rows are already registered
 * (same ID number, same name, inside the scope), so re-importing a file changes nothing. {@code issues} holds the
 * first {@link #MAX_LISTED} problems; the error spreadsheet has them all.
 */
public record ImportReport(String token, String fileName, int rows, int valid, int invalid, int unchanged,
                           boolean fileError, int issueCount, List<ImportIssue> issues) {
    public static final int MAX_LISTED = 500;

    public boolean allValid() {
        return !fileError && invalid == 0;
    }
}
