package io.zhibu.supervision.internal;

import io.zhibu.member.MemberEvents;
import io.zhibu.org.OrgEvents;
import io.zhibu.shared.rollup.FactsChanged;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns domain events into dirty marks, synchronously inside the changing transaction: a fact and its mark commit or
 * roll back together, so the applier can never miss a change. Large batches (an import, the monthly issue) mark
 * "every org" once instead of thousands of rows.
 */
@Component
class RollupDirtyMarks {
    static final int MANY = 200;
    private final RollupRepository repo;

    RollupDirtyMarks(RollupRepository repo) {
        this.repo = repo;
    }

    @EventListener
    void on(FactsChanged e) {
        mark(e.source(), e.orgIds(), e);
    }

    @EventListener
    void on(MemberEvents.Registered e) {
        Set<Long> orgIds = new HashSet<>();
        e.members().forEach(m -> orgIds.add(m.orgId()));
        mark("member", orgIds, null);
    }

    @EventListener
    void on(MemberEvents.Updated e) {
        mark("member", Set.of(e.member().orgId()), null);
    }

    @EventListener
    void on(MemberEvents.Moved e) {
        mark("member", Set.of(e.orgId()), null);
    }

    @EventListener
    void on(OrgEvents.OrgCreated e) {
        repo.markDirty("*", 0, null, null);
    }

    @EventListener
    void on(OrgEvents.OrgsSeeded e) {
        repo.markDirty("*", 0, null, null);
    }

    @EventListener
    void on(OrgEvents.OrgMoved e) {
        repo.markDirty("*", 0, null, null);
    }

    @EventListener
    void on(OrgEvents.OrgMerged e) {
        repo.markDirty("*", 0, null, null);
    }

    @EventListener
    void on(OrgEvents.OrgDissolved e) {
        repo.markDirty("*", 0, null, null);
    }

    private void mark(String source, Collection<Long> orgIds, FactsChanged months) {
        var from = months == null ? null : months.from();
        var to = months == null ? null : months.to();
        if (orgIds.size() > MANY || orgIds.contains(0L)) {
            repo.markDirty(source, 0, from, to);
            return;
        }
        repo.markDirty(source, orgIds, from, to); // one statement, however many orgs
    }
}
