package io.zhibu.org;

import java.util.Collection;

/**
 * What the org module needs to know about members, implemented by the member module (dependency inversion:
 * member depends on org, never the reverse).
 */
public interface OrgMembershipPort {
    MemberCounts subtreeCounts(String path);

    MemberCounts directCounts(long orgId);

    /**
     * Full members (正式党员, not exited) per organization directly holding them, for every organization under the
     * subtree — one GROUP BY (R1.3 committee threshold of every branch in an assessment).
     */
    java.util.Map<Long, Long> fullMembersByOrg(String subtreePath);

    /**
     * Members (not exited, any category) per directly holding organization, for every organization under the
     * subtree — one GROUP BY (the addressees of a notice to the members of a subtree, issue 17).
     */
    java.util.Map<Long, Long> membersByOrg(String subtreePath);

    /** How many of these members are full members in good standing within the given subtree. */
    long countFullMembers(Collection<Long> memberIds, String withinPath);

    /** How many of these members exist within the given subtree. */
    long countMembers(Collection<Long> memberIds, String withinPath);
}
