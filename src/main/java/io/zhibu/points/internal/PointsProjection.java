package io.zhibu.points.internal;

import io.zhibu.member.MemberEvents;
import io.zhibu.org.OrgEvents;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps points_member (where each member sits) and the rollups' membership in step with the roster, inside the
 * writing transaction: a moved member's yearly totals leave the old branch's rollups and join the new one's.
 */
@Component
class PointsProjection {
    private final PointsRepository repo;
    private final Clock clock;

    PointsProjection(PointsRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    @EventListener
    void on(MemberEvents.Registered e) {
        // one call per event: the yearly org rows get one summed update per org, however many members came;
        // registered members are new, so nothing needs looking up first
        repo.registerMembers(e.members(), LocalDate.now(clock).getYear());
    }

    @EventListener
    void on(MemberEvents.Updated e) {
        var f = e.member();
        var current = repo.lockMember(f.memberId());
        if (current.isEmpty()) {
            repo.insertMembers(java.util.List.of(f), LocalDate.now(clock).getYear());
            return;
        }
        if (!current.get().getOrgPath().equals(f.orgPath())) {
            repo.move(f.memberId(), f.orgId(), f.orgPath(), f.regionOrgId());
        }
        if (current.get().getStanding() != f.standing()) {
            repo.updateStanding(f.memberId(), f.standing());
        }
    }

    @EventListener
    void on(MemberEvents.Moved e) {
        for (Long id : e.memberIds()) {
            if (repo.lockMember(id).isPresent()) {
                repo.move(id, e.orgId(), e.orgPath(), e.regionOrgId());
            }
        }
    }

    @EventListener
    void on(OrgEvents.OrgMoved e) {
        repo.rePath(e.oldPath(), e.newPath(), e.newRegionOrgId());
    }
}
