package io.zhibu.member.internal;

import io.zhibu.member.MemberEvents;
import io.zhibu.member.RosterProjection;
import io.zhibu.org.OrgEvents;
import io.zhibu.shared.OrgPath;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Feeds every {@link RosterProjection} from the roster's and the tree's events, in the writing transaction. */
@Component
class RosterProjections {
    private static final int CHUNK = 1000;
    private final List<RosterProjection> projections;

    RosterProjections(List<RosterProjection> projections) {
        this.projections = projections;
    }

    @EventListener
    void on(MemberEvents.Registered e) {
        for (int i = 0; i < e.members().size(); i += CHUNK) {
            var chunk = e.members().subList(i, Math.min(e.members().size(), i + CHUNK));
            projections.forEach(p -> p.insert(chunk));
        }
    }

    @EventListener
    void on(MemberEvents.Updated e) {
        projections.forEach(p -> p.update(e.member()));
    }

    @EventListener
    void on(MemberEvents.Moved e) {
        if (!e.memberIds().isEmpty()) {
            projections.forEach(p -> p.move(e.memberIds(), e.orgId(), e.orgPath(), e.regionOrgId()));
        }
    }

    @EventListener
    void on(OrgEvents.OrgMoved e) {
        projections.forEach(p -> p.rePath(e.oldPath(), e.newPath(), e.newRegionOrgId()));
    }

    @EventListener
    void on(OrgEvents.OrgMerged e) {
        projections.forEach(p -> p.merge(e.sourceId(), e.targetId(), e.targetPath(), OrgPath.idAt(e.targetPath(), 1)));
    }
}
