package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.org.MemberCounts;
import io.zhibu.org.OrgEvents;
import io.zhibu.org.OrgMembershipPort;
import java.util.Collection;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The member module's side of the org tree: counts for org pages, and members following org changes. */
@Component
public class OrgMembershipAdapter implements OrgMembershipPort {
    private final MemberRepository repo;
    private final MemberLifecycleRepository history;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.time.Clock clock;

    public OrgMembershipAdapter(MemberRepository repo, MemberLifecycleRepository history,
                                org.springframework.context.ApplicationEventPublisher events, java.time.Clock clock) {
        this.repo = repo;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public MemberCounts subtreeCounts(String path) {
        return repo.counts(MemberRepository.subtree(path));
    }

    @Override
    public MemberCounts directCounts(long orgId) {
        return repo.counts(MEMBER_MEMBER.ORG_ID.eq(orgId));
    }

    @Override
    public java.util.Map<Long, Long> fullMembersByOrg(String subtreePath) {
        return repo.fullMembersByOrg(subtreePath);
    }

    @Override
    public java.util.Map<Long, Long> membersByOrg(String subtreePath) {
        return repo.membersByOrg(subtreePath);
    }

    @Override
    public long countFullMembers(Collection<Long> memberIds, String withinPath) {
        return memberIds.isEmpty() ? 0 : repo.countIds(memberIds, withinPath, true);
    }

    @Override
    public long countMembers(Collection<Long> memberIds, String withinPath) {
        return memberIds.isEmpty() ? 0 : repo.countIds(memberIds, withinPath, false);
    }

    @EventListener
    void on(OrgEvents.OrgCreated e) {
        if (!e.foundingMemberIds().isEmpty()) {
            history.recordMoves(e.foundingMemberIds(), e.orgId(), e.path(), e.regionOrgId(), effective(e.effectiveOn()),
                    null, actor());
            repo.moveToOrg(e.foundingMemberIds(), e.orgId(), e.path(), e.regionOrgId());
            events.publishEvent(new io.zhibu.member.MemberEvents.Moved(e.foundingMemberIds(), e.orgId(), e.path(), e.regionOrgId()));
        }
    }

    @EventListener
    void on(OrgEvents.OrgMoved e) {
        repo.rePath(e.oldPath(), e.newPath(), e.newRegionOrgId());
        history.rePath(e.oldPath(), e.newPath(), e.newRegionOrgId());
    }

    @EventListener
    void on(OrgEvents.OrgMerged e) {
        long region = io.zhibu.shared.OrgPath.idAt(e.targetPath(), 1);
        java.util.List<Long> moved = repo.idsOfOrg(e.sourceId());
        history.recordMoves(moved, e.targetId(), e.targetPath(), region, effective(e.effectiveOn()), null, actor());
        repo.mergeOrg(e.sourceId(), e.targetId(), e.targetPath(), region);
        if (!moved.isEmpty()) {
            events.publishEvent(new io.zhibu.member.MemberEvents.Moved(moved, e.targetId(), e.targetPath(), region));
        }
    }

    private java.time.LocalDate effective(java.time.LocalDate on) {
        return on == null ? java.time.LocalDate.now(clock) : on;
    }

    private static String actor() {
        io.zhibu.shared.DataScope s = io.zhibu.shared.CurrentScope.orNull();
        return s == null ? "system" : s.username();
    }
}
