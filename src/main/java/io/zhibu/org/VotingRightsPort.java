package io.zhibu.org;

import java.time.LocalDate;

/** Port the member module implements: members of an org who may vote on a date (R1.10, R3.3). */
public interface VotingRightsPort {
    int votersDue(long orgId, LocalDate date);

    /**
     * The names of the org's members who may vote on the date, in roster order: whom a committee (secretary, deputy,
     * members) is chosen from (R1.4, issue 18 point 4). Empty where the org has no roll of its own.
     */
    default java.util.List<String> eligibleNames(long orgId, LocalDate date) {
        return java.util.List.of();
    }
}
