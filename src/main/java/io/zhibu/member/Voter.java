package io.zhibu.member;

/** A member of a branch with whether they may vote and stand (R1.10, R3.3) on the given date. */
public record Voter(long memberId, String name, MemberCategory category, boolean mayVote) {
}
