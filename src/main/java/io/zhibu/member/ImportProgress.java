package io.zhibu.member;

/** Where a roster import stands (for the progress display and the API). */
public record ImportProgress(String token, Phase phase, int processed, int total, ImportReport report,
                             ImportResult result, String failure) {
    public enum Phase {
        UPLOADED, VALIDATING, VALIDATED, IMPORTING, DONE, FAILED
    }

    public boolean running() {
        return phase == Phase.VALIDATING || phase == Phase.IMPORTING;
    }
}
