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
        return roster(orgId).stream().map(RosterEntry::name).distinct().toList();
    }

    /**
     * The org's roll (not exited) by member id and name, in roster order: the picker a committee is chosen from and
     * stored by (R1.4, issue 18 point 4: by member id, not by name). Empty where the org has no roll of its own.
     */
    default java.util.List<RosterEntry> roster(long orgId) {
        return java.util.List.of();
    }

    /** One member on the roll: the id a committee post stores and the name it shows. */
    record RosterEntry(long memberId, String name) {
    }
}
