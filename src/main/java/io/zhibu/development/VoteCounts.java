package io.zhibu.development;

/**
 * The counts of a vote at a branch meeting (支部大会表决, steps 15 and 23, R2.9): members with voting rights due,
 * present, yes (present), yes in writing (书面表决, absent members), no and abstain. Checked when entered (none
 * negative, yes + no + abstain ≤ present, present + written ≤ due); quorum and majority are {@link DevelopmentRules}'.
 */
public record VoteCounts(int due, int present, int yes, int writtenYes, int no, int abstain) {
}
