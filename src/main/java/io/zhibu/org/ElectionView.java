package io.zhibu.org;

import java.time.LocalDate;
import java.util.List;

/** An election record with the arithmetic of R1.10–R1.13 as computed, beside the result as entered. */
public record ElectionView(long id, long orgId, LocalDate heldOn, int votersDue, int computedVotersDue,
                           int votersPresent, int seats, int candidates, int minimumCandidates, int ballotsIssued,
                           int ballotsReturned, String majorityBase, boolean quorumOk, boolean candidatesOk,
                           boolean ballotsOk, List<Boolean> electedOk, String result, Long newTermId) {
    public boolean valid() {
        return quorumOk && candidatesOk && ballotsOk && electedOk.stream().allMatch(b -> b);
    }
}
