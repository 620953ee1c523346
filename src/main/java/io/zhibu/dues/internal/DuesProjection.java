package io.zhibu.dues.internal;

import io.zhibu.member.MemberEvents;
import io.zhibu.member.RosterProjection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Keeps dues_account (liability facts and branch path) in step with the roster, inside the writing transaction. */
@Component
class DuesProjection implements RosterProjection {
    private final DuesRepository repo;

    DuesProjection(DuesRepository repo) {
        this.repo = repo;
    }

    @Override
    public void insert(List<MemberEvents.MemberFacts> members) {
        repo.insertAccounts(members);
    }

    @Override
    public void update(MemberEvents.MemberFacts member) {
        repo.updateAccount(member);
    }

    @Override
    public void move(List<Long> memberIds, long orgId, String orgPath, long regionOrgId) {
        repo.moveAccounts(memberIds, orgId, orgPath, regionOrgId);
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
