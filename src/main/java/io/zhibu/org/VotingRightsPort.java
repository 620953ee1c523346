package io.zhibu.org;

import java.time.LocalDate;

/** Port the member module implements: members of an org who may vote on a date (R1.10, R3.3). */
public interface VotingRightsPort {
    int votersDue(long orgId, LocalDate date);

    /**
     * The names of the org's members on its roll (not exited), in roster order: whom a committee (secretary, deputy,
     * members) is picked from (R1.4, issue 18 point 4; the ≥1-year tenure is warned separately). Empty where the org
     * has no roll of its own (a 党委: its committee comes from the branches below).
     */
    default java.util.List<String> rosterNames(long orgId) {
        return java.util.List.of();
    }
}
