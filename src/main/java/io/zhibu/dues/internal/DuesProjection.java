package io.zhibu.dues.internal;

import io.zhibu.member.MemberEvents;
import io.zhibu.org.OrgEvents;
import io.zhibu.shared.OrgPath;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps dues_account (liability facts and branch path) in step with the roster, inside the writing transaction. */
@Component
class DuesProjection {
    private final DuesRepository repo;

    DuesProjection(DuesRepository repo) {
        this.repo = repo;
    }

    @EventListener
    void on(MemberEvents.Registered e) {
        int step = 1000;
        for (int i = 0; i < e.members().size(); i += step) {
            repo.insertAccounts(e.members().subList(i, Math.min(e.members().size(), i + step)));
        }
    }

    @EventListener
    void on(MemberEvents.Updated e) {
        repo.updateAccount(e.member());
    }

    @EventListener
    void on(MemberEvents.Moved e) {
        if (!e.memberIds().isEmpty()) {
            repo.moveAccounts(e.memberIds(), e.orgId(), e.orgPath(), e.regionOrgId());
        }
    }

    @EventListener
    void on(OrgEvents.OrgMoved e) {
        repo.rePath(e.oldPath(), e.newPath(), e.newRegionOrgId());
    }

    @EventListener
    void on(OrgEvents.OrgMerged e) {
        repo.mergeOrg(e.sourceId(), e.targetId(), e.targetPath(), OrgPath.idAt(e.targetPath(), 1));
    }
}
