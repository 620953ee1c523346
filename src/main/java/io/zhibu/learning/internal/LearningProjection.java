package io.zhibu.learning.internal;

import io.zhibu.member.MemberEvents;
import io.zhibu.org.OrgEvents;
import io.zhibu.shared.OrgPath;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps learning_member (who studies in which branch) in step with the roster, inside the writing transaction. */
@Component
class LearningProjection {
    private final LearningRepository repo;

    LearningProjection(LearningRepository repo) {
        this.repo = repo;
    }

    @EventListener
    void on(MemberEvents.Registered e) {
        int step = 1000;
        for (int i = 0; i < e.members().size(); i += step) {
            repo.insertMembers(e.members().subList(i, Math.min(e.members().size(), i + step)));
        }
    }

    @EventListener
    void on(MemberEvents.Updated e) {
        repo.updateMember(e.member());
    }

    @EventListener
    void on(MemberEvents.Moved e) {
        if (!e.memberIds().isEmpty()) {
            repo.moveMembers(e.memberIds(), e.orgId(), e.orgPath(), e.regionOrgId());
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
