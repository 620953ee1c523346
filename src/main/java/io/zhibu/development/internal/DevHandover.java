package io.zhibu.development.internal;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.DevPersonRecord;
import io.zhibu.member.MemberEvents;
import io.zhibu.org.OrgService;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.rollup.FactsChanged;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 发展材料随转 (R2.5, R4.7 / 细则 art.12): when roster members move to another branch — a completed transfer inside the
 * platform, or a founding or merged branch — their open development dossier moves with them. The receiving branch
 * continues the cultivation or probation; every step and its date is kept, so the time counts continuously, and the
 * dossier's log records the handover. Runs inside the member module's transaction (events are synchronous).
 */
@Component
class DevHandover {
    private final DevelopmentRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    DevHandover(DevelopmentRepository repo, OrgService orgs, AuditLog audit, ApplicationEventPublisher events) {
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.events = events;
    }

    @EventListener
    void on(MemberEvents.Moved e) {
        if (e.memberIds().isEmpty()) {
            return;
        }
        List<DevPersonRecord> open = repo.openOfMembers(e.memberIds());
        if (open.isEmpty()) {
            return;
        }
        DataScope scope = CurrentScope.orNull();
        String actor = scope == null ? "system" : scope.username();
        for (DevPersonRecord p : open) {
            if (p.getOrgId() == e.orgId()) {
                continue;
            }
            long fromOrg = p.getOrgId();
            Map<Long, String> names = orgs.namesOf(List.of(fromOrg, e.orgId()));
            repo.moveTo(p.getId(), e.orgId(), e.orgPath(), e.regionOrgId());
            DevPersonRecord moved = repo.find(p.getId()).orElseThrow();
            String detail = names.get(fromOrg) + " → " + names.get(e.orgId()) + " (member " + p.getMemberId()
                    + " moved; state " + p.getState() + ", last step " + p.getLastStep() + " kept)";
            repo.log(moved, actor, "HANDOVER", null, detail);
            audit.success("development.handover", "dev_person", p.getId(), e.orgPath(), detail);
            events.publishEvent(FactsChanged.stock("dev", List.of(fromOrg, e.orgId())));
        }
    }
}
