package io.zhibu.org;

import io.zhibu.db.tables.records.OrgChangeRecord;
import io.zhibu.db.tables.records.OrgOrganizationRecord;
import io.zhibu.org.internal.OrgHistoryRepository;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The org tree of the caller's subtree as it stood on a past date, derived from the change history (组织沿革):
 * orgs founded after the date or dissolved/merged on or before it are left out; later renames and moves are
 * undone (the name and the parent before the earliest later change).
 */
@Service
public class OrgTreeAt {
    private final OrgHistoryRepository repo;

    public OrgTreeAt(OrgHistoryRepository repo) {
        this.repo = repo;
    }

    /** One org of the past tree; {@code depth} counts from the caller's scope roots. */
    public record Node(long id, String name, OrgType type, Long parentId, int depth) {
    }

    @Transactional(readOnly = true)
    public List<Node> treeAt(DataScope scope, LocalDate date) {
        if (!scope.canReadOrgs() || scope.selfOnly()) {
            throw new ForbiddenException("role cannot read the tree");
        }
        List<OrgOrganizationRecord> orgs = repo.orgs(scope.orgPath());
        Map<Long, String> name = new HashMap<>();
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, Boolean> alive = new HashMap<>();
        Map<Long, Boolean> ended = new HashMap<>();
        for (OrgOrganizationRecord o : orgs) {
            name.put(o.getId(), o.getName());
            parent.put(o.getId(), o.getParentId());
            alive.put(o.getId(), o.getEstablishedOn() == null || !o.getEstablishedOn().isAfter(date));
        }
        // walk the history backwards: undo every change that took effect after the date
        List<OrgChangeRecord> changes = repo.changes(scope.orgPath());
        for (int i = changes.size() - 1; i >= 0; i--) {
            OrgChangeRecord c = changes.get(i);
            long id = c.getOrgId();
            boolean after = c.getEffectiveOn().isAfter(date);
            switch (c.getChangeType()) {
                case "CREATED" -> {
                    if (after) {
                        alive.put(id, false); // founded later
                    }
                }
                case "DISSOLVED", "MERGED_INTO" -> {
                    if (!after) {
                        ended.put(id, true); // gone on or before the date
                    }
                }
                case "RENAMED" -> {
                    if (after && c.getOldValue() != null) {
                        name.put(id, c.getOldValue());
                    }
                }
                case "MOVED" -> {
                    if (after && c.getOldValue() != null && !"null".equals(c.getOldValue())) {
                        parent.put(id, Long.valueOf(c.getOldValue()));
                    }
                }
                default -> {
                }
            }
        }
        ended.keySet().forEach(id -> alive.put(id, false));
        Map<Long, OrgOrganizationRecord> byId = new LinkedHashMap<>();
        orgs.forEach(o -> byId.put(o.getId(), o));
        Map<Long, List<Long>> children = new HashMap<>();
        List<Long> roots = new ArrayList<>();
        for (OrgOrganizationRecord o : orgs) {
            if (!alive.get(o.getId())) {
                continue;
            }
            Long p = parent.get(o.getId());
            if (p != null && byId.containsKey(p) && alive.get(p)) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(o.getId());
            } else {
                roots.add(o.getId());
            }
        }
        List<Node> out = new ArrayList<>();
        for (Long r : roots) {
            walk(r, 0, byId, name, parent, children, out);
        }
        return out;
    }

    private static void walk(long id, int depth, Map<Long, OrgOrganizationRecord> byId, Map<Long, String> name,
                             Map<Long, Long> parent, Map<Long, List<Long>> children, List<Node> out) {
        out.add(new Node(id, name.get(id), byId.get(id).getType(), parent.get(id), depth));
        for (Long c : children.getOrDefault(id, List.of())) {
            walk(c, depth + 1, byId, name, parent, children, out);
        }
    }
}
