package io.zhibu.command;

import io.zhibu.command.internal.TaskRepository.Target;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who receives a task or a notice ({@link TaskTargets}): organizations strictly below the sender, active, found
 * with one query of the organization tree; a bad or foreign id is a 400 naming the field (never its name).
 */
@Component
class TargetResolver {
    /** How many receivers one task or notice may have (a province's branches would be split by level). */
    static final int MAX_RECEIVERS = 20_000;
    private static final Set<OrgType> BRANCHES = EnumSet.of(OrgType.BRANCH, OrgType.JOINT_BRANCH,
            OrgType.TEMPORARY_BRANCH);

    private final OrgService orgs;

    TargetResolver(OrgService orgs) {
        this.orgs = orgs;
    }

    record Resolved(List<Target> list, String summary) {
    }

    /** The receivers: strictly below the sender, active; a bad or foreign id is a 400 naming the field. */
    Resolved resolve(DataScope scope, Organization sender, TaskTargets targets) {
        if (targets == null || (targets.rootOrgId() == null && (targets.orgIds() == null || targets.orgIds().isEmpty()))) {
            throw InvalidInputException.of("targets", "validation.required");
        }
        String below = sender.path();
        List<Target> out = new ArrayList<>();
        String summary;
        if (targets.orgIds() != null && !targets.orgIds().isEmpty()) {
            if (targets.rootOrgId() != null) {
                throw InvalidInputException.of("targets", "command.targets.either");
            }
            Set<Long> ids = new LinkedHashSet<>(targets.orgIds());
            if (ids.size() > MAX_RECEIVERS) {
                throw InvalidInputException.of("targets.orgIds", "command.targets.tooMany", MAX_RECEIVERS);
            }
            Map<Long, OrgNode> found = orgs.activeNodes(ids).stream()
                    .filter(o -> o.path().startsWith(below) && o.path().length() > below.length())
                    .collect(Collectors.toMap(OrgNode::id, o -> o));
            for (Long id : ids) {
                OrgNode o = found.get(id);
                if (o == null) {
                    throw InvalidInputException.of("targets.orgIds", "command.targets.unknown");
                }
                out.add(new Target(o.id(), OrgPath.idAt(o.path(), 1), o.path(), o.name()));
            }
            summary = "orgIds:" + out.size();
        } else {
            Organization root;
            try {
                root = orgs.get(scope, targets.rootOrgId());
            } catch (NotFoundException e) {
                throw InvalidInputException.of("targets.rootOrgId", "command.targets.unknown");
            }
            if (!root.path().startsWith(below)) {
                throw InvalidInputException.of("targets.rootOrgId", "command.targets.unknown");
            }
            if (targets.level() != null && (targets.level() < 1 || targets.level() > 6)) {
                throw InvalidInputException.of("targets.level", "command.targets.level");
            }
            Set<OrgType> types = targets.type() != null ? EnumSet.of(targets.type())
                    : targets.level() != null ? EnumSet.allOf(OrgType.class) : BRANCHES;
            for (Organization o : orgs.activeIn(scope, root.id(), types)) {
                if (o.path().length() <= below.length() || o.type() == OrgType.PARTY_GROUP && targets.type() == null) {
                    continue;
                }
                if (targets.level() != null && o.depth() != root.depth() + targets.level()) {
                    continue;
                }
                if (targets.domain() != null && o.domain() != targets.domain()) {
                    continue;
                }
                out.add(new Target(o.id(), o.regionOrgId(), o.path(), o.name()));
            }
            if (out.size() > MAX_RECEIVERS) {
                throw InvalidInputException.of("targets", "command.targets.tooMany", MAX_RECEIVERS);
            }
            summary = "root:" + root.id() + (targets.level() == null ? "" : " level:" + targets.level())
                    + (targets.type() == null ? "" : " type:" + targets.type())
                    + (targets.domain() == null ? "" : " domain:" + targets.domain());
        }
        if (out.isEmpty()) {
            throw InvalidInputException.of("targets", "command.targets.empty");
        }
        return new Resolved(out, summary);
    }
}
