package io.zhibu.org;

import io.zhibu.shared.VoteArithmetic;
import java.time.LocalDate;

/**
 * An election (换届选举) as held: counts entered by a person, the result as a person records it ({@code result}, e.g.
 * "张三 25 票; 李四 22 票"), the votes of each elected member ({@code electedVotes}, for the R1.13 check) and the new
 * committee ({@code committee}) which opens the new term. {@code votersDue} defaults to the computed number (R1.10).
 */
public record ElectionForm(LocalDate heldOn, Integer votersDue, Integer votersPresent, Integer seats, Integer candidates,
                           Integer ballotsIssued, Integer ballotsReturned, VoteArithmetic.MajorityBase majorityBase,
                           String result, java.util.List<Integer> electedVotes, TermForm committee) {
}
