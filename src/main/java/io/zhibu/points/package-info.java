/**
 * 积分 member points (rules.md §7.4/§8.4): a ledger posted from the meeting, dues and learning modules' events,
 * stars, yearly rollups for subtree rankings and the branch activity feed.
 * <p>May use: audit, dues, learning, meeting, member, org, shared (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "dues", "learning", "meeting", "member", "org", "shared"})
package io.zhibu.points;
