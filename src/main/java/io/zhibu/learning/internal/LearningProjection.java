package io.zhibu.learning.internal;

import io.zhibu.member.MemberEvents;
import io.zhibu.member.RosterProjection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Keeps learning_member (who studies in which branch) in step with the roster, inside the writing transaction. */
@Component
class LearningProjection implements RosterProjection {
    private final LearningRepository repo;

    LearningProjection(LearningRepository repo) {
        this.repo = repo;
    }

    @Override
    public void insert(List<MemberEvents.MemberFacts> members) {
        repo.insertMembers(members);
    }

    @Override
    public void update(MemberEvents.MemberFacts member) {
        repo.updateMember(member);
    }

    @Override
    public void move(List<Long> memberIds, long orgId, String orgPath, long regionOrgId) {
        repo.moveMembers(memberIds, orgId, orgPath, regionOrgId);
    }

    @Override
    public void rePath(String oldPath, String newPath, long regionOrgId) {
        repo.rePath(oldPath, newPath, regionOrgId);
    }

    @Override
    public void merge(long sourceOrgId, long targetOrgId, String targetPath, long regionOrgId) {
        repo.mergeOrg(sourceOrgId, targetOrgId, targetPath, regionOrgId);
    }
}
