package io.zhibu.member;

import java.util.List;

/**
 * A module's own copy of roster facts (dues accounts, study members), kept in step by the member module inside the
 * writing transaction: new members (in chunks), changed members, members moved to another branch, a subtree re-rooted
 * and a branch merged into another. Implement it in the module's {@code internal/}; the member module calls every
 * implementation, so a module needs no event listeners of its own for this.
 */
public interface RosterProjection {
    void insert(List<MemberEvents.MemberFacts> members);

    void update(MemberEvents.MemberFacts member);

    void move(List<Long> memberIds, long orgId, String orgPath, long regionOrgId);

    void rePath(String oldPath, String newPath, long regionOrgId);

    void merge(long sourceOrgId, long targetOrgId, String targetPath, long regionOrgId);
}
