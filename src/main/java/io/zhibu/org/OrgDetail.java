package io.zhibu.org;

import java.util.List;

/** The org page: the organization, its parent, member counts (own and subtree) and formation flags. */
public record OrgDetail(Organization org, Organization parent, MemberCounts own, MemberCounts subtree,
                        int activeChildren, List<String> flags) {
}
