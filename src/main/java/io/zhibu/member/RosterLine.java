package io.zhibu.member;

import java.time.LocalDate;

/**
 * One member in a bulk roster read ({@link MemberService#rosterLines}): the few facts platform jobs and the demo
 * history need (attendance lists, development and transfer files), no sensitive data.
 */
public record RosterLine(long id, long orgId, String orgPath, long regionOrgId, String name, MemberCategory category,
                         LocalDate joinedOn) {
}
