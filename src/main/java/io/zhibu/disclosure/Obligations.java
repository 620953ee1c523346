package io.zhibu.disclosure;

import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who owes which categories: active organizations with their profile (village, other) and requirements, computed
 * from the tree in one pass (the parents looked up once) — for the rollups, the warning sweep and the lived year.
 */
@Component
public class Obligations {
    private final OrgService orgs;
    private final DisclosureProperties props;

    public Obligations(OrgService orgs, DisclosureProperties props) {
        this.orgs = orgs;
        this.props = props;
    }

    /** An organization that owes at least one category. */
    public record Owing(OrgNode org, DisclosureRules.Profile profile, List<DisclosureProperties.Requirement> requirements) {
    }

    /** The owing organizations among {@code orgIds} (null: every active organization). */
    public List<Owing> of(Collection<Long> orgIds) {
        List<OrgNode> nodes = orgIds == null ? orgs.activeNodes() : orgIds.isEmpty() ? List.of() : orgs.activeNodes(orgIds);
        Map<Long, OrgNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        Set<Long> missingParents = new HashSet<>();
        nodes.stream().map(OrgNode::parentId).filter(p -> p != null && !byId.containsKey(p)).forEach(missingParents::add);
        if (!missingParents.isEmpty()) {
            orgs.activeNodes(missingParents).forEach(n -> byId.put(n.id(), n));
        }
        List<Owing> out = new ArrayList<>();
        for (OrgNode n : nodes) {
            OrgNode parent = n.parentId() == null ? null : byId.get(n.parentId());
            DisclosureRules.Profile p = DisclosureRules.profile(n.type(), n.domain(), parent == null ? null : parent.type(),
                    parent == null ? null : parent.domain());
            if (p != DisclosureRules.Profile.NONE) {
                out.add(new Owing(n, p, props.of(p)));
            }
        }
        return out;
    }

    /** The owing organizations of a subtree (live, for the naive comparison and the lived year). */
    public List<Owing> under(String path) {
        List<Long> ids = orgs.activeNodes().stream().filter(n -> n.path().startsWith(path)).map(OrgNode::id).toList();
        return of(ids);
    }

    public DisclosureProperties properties() {
        return props;
    }
}
