package io.zhibu.org;

import java.time.LocalDate;

/** Port the member module implements: members of an org who may vote on a date (R1.10, R3.3). */
public interface VotingRightsPort {
    int votersDue(long orgId, LocalDate date);
}
