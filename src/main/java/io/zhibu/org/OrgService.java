package io.zhibu.org;

import io.zhibu.audit.AuditLog;
import io.zhibu.org.OrgCommands.CreateOrg;
import io.zhibu.org.OrgCommands.Dissolve;
import io.zhibu.org.OrgCommands.Merge;
import io.zhibu.org.OrgCommands.Move;
import io.zhibu.org.OrgCommands.Rename;
import io.zhibu.org.internal.OrgRepository;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 组织 the organization tree: reads limited to the caller's subtree, structural changes with history. */
@Service
public class OrgService {
    private final OrgRepository repo;
    private final OrgMembershipPort members;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    public OrgService(OrgRepository repo, OrgMembershipPort members, ApplicationEventPublisher events, AuditLog audit,
                      Clock clock) {
        this.repo = repo;
        this.members = members;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The organization if it exists and lies inside the scope; otherwise 404 (never 403: no existence leak). */
    @Transactional(readOnly = true)
    public Organization get(DataScope scope, long id) {
        requireOrgReader(scope);
        return repo.find(id).filter(o -> scope.covers(o.path()))
                .orElseThrow(() -> new NotFoundException("organization", id));
    }

    /**
     * The organization asked for, or — when none is named — the top of the caller's scope: its scope organization,
     * or for platform-wide users (no scope organization) the first root. Pages that default to "my organization"
     * use it so that an administrator lands on the root instead of a 404.
     */
    @Transactional(readOnly = true)
    public Organization getOrScopeRoot(DataScope scope, Long id) {
        if (id != null) {
            return get(scope, id);
        }
        if (scope.scopeOrgId() != null) {
            return get(scope, scope.scopeOrgId());
        }
        requireOrgReader(scope);
        return repo.roots().stream().findFirst().orElseThrow(() -> new NotFoundException("organization", 0L));
    }

    @Transactional(readOnly = true)
    public OrgDetail detail(DataScope scope, long id) {
        Organization org = get(scope, id);
        Organization parent = org.parentId() == null ? null : repo.find(org.parentId())
                .filter(p -> scope.covers(p.path())).orElse(null);
        MemberCounts own = org.type().holdsMembers() ? members.directCounts(id) : MemberCounts.ZERO;
        MemberCounts subtree = members.subtreeCounts(org.path());
        return new OrgDetail(org, parent, own, subtree, repo.activeChildCount(id),
                org.active() ? OrgFormationRules.flags(org.type(), own, subtree) : List.of());
    }

    @Transactional(readOnly = true)
    public List<Organization> children(DataScope scope, long id, boolean includeInactive) {
        Organization org = get(scope, id);
        return repo.children(org.id(), includeInactive);
    }

    /** Resolves the root of a user's data scope (used when a user signs in; no scope applies yet). */
    @Transactional(readOnly = true)
    public java.util.Optional<Organization> scopeRootFor(long orgId) {
        return repo.find(orgId);
    }

    /** The top of what the caller sees: its scope organization, or every root for platform-wide users. */
    @Transactional(readOnly = true)
    public List<Organization> scopeRoots(DataScope scope) {
        requireOrgReader(scope);
        if (scope.orgPath().isEmpty()) {
            return repo.roots();
        }
        return repo.find(scope.scopeOrgId()).map(List::of).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<Organization> search(DataScope scope, String q, Collection<OrgType> types, int limit) {
        requireOrgReader(scope);
        return repo.search(scope.orgPath(), q, types, Math.min(Math.max(limit, 1), 200));
    }

    /** Every active organization of the given types in the subtree of {@code rootId} (for set-based reports). */
    @Transactional(readOnly = true)
    public List<Organization> activeIn(DataScope scope, long rootId, Collection<OrgType> types) {
        Organization root = get(scope, rootId);
        return repo.search(root.path(), null, types, Integer.MAX_VALUE);
    }

    /**
     * Every active organization, parents first. Unscoped: for platform jobs (rollups, sweeps) that compute over the
     * whole tree and show results only through scoped queries.
     */
    @Transactional(readOnly = true)
    public List<OrgNode> activeNodes() {
        return repo.activeNodes();
    }

    /** Those of the given organizations that are active (unscoped, for the same platform jobs), in no order. */
    @Transactional(readOnly = true)
    public List<OrgNode> activeNodes(Collection<Long> ids) {
        return repo.activeNodes(ids);
    }

    /** Names of organizations whose ids the caller already holds from scoped data (e.g. roster rows). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> namesOf(Collection<Long> ids) {
        return ids.isEmpty() ? java.util.Map.of() : repo.names(ids);
    }

    @Transactional(readOnly = true)
    public List<OrgChangeEntry> history(DataScope scope, long id) {
        return repo.history(get(scope, id).id());
    }

    /** Resolves an organization by code inside the scope (for imports). */
    @Transactional(readOnly = true)
    public Organization getByCode(DataScope scope, String code) {
        return repo.findByCode(code).filter(o -> scope.covers(o.path()))
                .orElseThrow(() -> new NotFoundException("organization", code));
    }

    /**
     * Bulk registration of already-existing organizations (benchmark and demo seeding); admin only. Every parent must
     * already be stored and active (seed a tree level by level); no founding members. One history row per
     * organization, one {@link OrgEvents.OrgsSeeded} and one audit entry per call. Returns the ids in input order.
     */
    @Transactional
    public List<Long> seed(DataScope scope, List<CreateOrg> cmds) {
        if (scope.role() != Role.ADMIN) {
            throw new ForbiddenException("seeding is for the platform administrator");
        }
        Map<Long, Organization> parents = new HashMap<>();
        repo.findAll(cmds.stream().map(CreateOrg::parentId).filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(p -> parents.put(p.id(), p));
        List<OrgRepository.Seeded> rows = new ArrayList<>(cmds.size());
        for (int i = 0; i < cmds.size(); i++) {
            CreateOrg c = cmds.get(i);
            Organization parent = c.parentId() == null ? null : parents.get(c.parentId());
            String field = "orgs[" + i + "]";
            if (c.type() == null || c.domain() == null || c.establishedOn() == null) {
                throw InvalidInputException.of(field, "validation.required");
            }
            if (c.parentId() != null && (parent == null || !parent.active() || !parent.type().canHaveChild(c.type()))) {
                throw InvalidInputException.of(field + ".parentId", "org.parent.unknown");
            }
            rows.add(new OrgRepository.Seeded(parent, TextInput.required(c.name(), field + ".name", 100), c.type(),
                    c.domain(), TextInput.optional(c.code(), field + ".code", 32), blankToNull(c.regionCode()),
                    TextInput.optional(c.hostUnitName(), field + ".hostUnitName", 100), blankToNull(c.hostUnitCreditCode()),
                    c.establishedOn(), TextInput.optional(c.secretaryName(), field + ".secretaryName", 50),
                    c.termStartedOn(), c.termStartedOn() == null ? null : c.domain().termYears(c.type())));
        }
        List<Long> ids = repo.insertSeeded(rows, scope.username());
        events.publishEvent(new OrgEvents.OrgsSeeded(ids));
        audit.success("org.seed", "org", null, rows.isEmpty() || rows.getFirst().parent() == null ? null
                : rows.getFirst().parent().path(), ids.size() + " organizations");
        return ids;
    }

    @Transactional
    public Organization create(DataScope scope, CreateOrg cmd) {
        requireOrgManager(scope);
        List<Violation> errors = new ArrayList<>();
        String name = InvalidInputException.collect(errors, () -> TextInput.required(cmd.name(), "name", 100));
        String code = InvalidInputException.collect(errors, () -> TextInput.optional(cmd.code(), "code", 32));
        String hostUnit = InvalidInputException.collect(errors, () -> TextInput.optional(cmd.hostUnitName(), "hostUnitName", 100));
        String secretary = InvalidInputException.collect(errors, () -> TextInput.optional(cmd.secretaryName(), "secretaryName", 50));
        if (cmd.type() == null) {
            errors.add(new Violation("type", "validation.required"));
        }
        if (cmd.domain() == null) {
            errors.add(new Violation("domain", "validation.required"));
        }
        if (code != null && !code.matches("[A-Za-z0-9_-]+")) {
            errors.add(new Violation("code", "org.code.format"));
        } else if (code != null && repo.codeExists(code)) {
            errors.add(new Violation("code", "org.code.taken"));
        }
        if (!OrgFormationRules.jointBranchUnitsOk(cmd.type(), hostUnit)) {
            errors.add(new Violation("hostUnitName", "org.jointBranch.tooManyUnits", OrgFormationRules.hostUnitCount(hostUnit)));
        }
        if (cmd.regionCode() != null && !cmd.regionCode().isBlank() && !cmd.regionCode().matches("\\d{6}")) {
            errors.add(new Violation("regionCode", "org.regionCode.format"));
        }
        if (cmd.hostUnitCreditCode() != null && !cmd.hostUnitCreditCode().isBlank()
                && !CreditCode.isValid(cmd.hostUnitCreditCode().strip())) {
            errors.add(new Violation("hostUnitCreditCode", "org.creditCode.invalid"));
        }
        LocalDate today = LocalDate.now(clock);
        if (cmd.establishedOn() != null && cmd.establishedOn().isAfter(today)) {
            errors.add(new Violation("establishedOn", "validation.futureDate"));
        }
        if (cmd.termStartedOn() != null && cmd.termStartedOn().isAfter(today)) {
            errors.add(new Violation("termStartedOn", "validation.futureDate"));
        }
        Organization parent = null;
        if (cmd.parentId() == null) {
            if (scope.role() != Role.ADMIN) {
                errors.add(new Violation("parentId", "validation.required"));
            }
        } else {
            parent = repo.find(cmd.parentId()).filter(p -> scope.covers(p.path())).orElse(null);
            if (parent == null) {
                errors.add(new Violation("parentId", "org.parent.unknown"));
            } else if (!parent.active()) {
                errors.add(new Violation("parentId", "org.parent.inactive"));
            } else if (cmd.type() != null && !parent.type().canHaveChild(cmd.type())) {
                errors.add(new Violation("type", "org.type.notAllowedUnder", parent.name()));
            }
        }
        if (Boolean.TRUE.equals(cmd.existing()) && scope.role() != Role.ADMIN) {
            errors.add(new Violation("existing", "org.existing.adminOnly"));
        }
        List<Long> founders = cmd.foundingMemberIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(cmd.foundingMemberIds()));
        if (!founders.isEmpty() && (cmd.type() == null || !cmd.type().holdsMembers())) {
            errors.add(new Violation("foundingMemberIds", "org.founders.notABranch"));
        }
        if (!founders.isEmpty() && parent != null && members.countMembers(founders, scope.orgPath()) != founders.size()) {
            errors.add(new Violation("foundingMemberIds", "org.founders.unknown"));
        }
        if (errors.isEmpty() && !Boolean.TRUE.equals(cmd.existing()) && cmd.type() == OrgType.BRANCH) {
            long full = founders.isEmpty() ? 0 : members.countFullMembers(founders, scope.orgPath());
            if (!OrgFormationRules.canFormBranch(cmd.type(), full)) {
                errors.add(new Violation("foundingMemberIds", "org.branch.belowThree", full));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Integer termYears = cmd.termStartedOn() == null ? null : cmd.domain().termYears(cmd.type());
        long id = repo.insert(parent, name, cmd.type(), cmd.domain(), code, blankToNull(cmd.regionCode()), hostUnit,
                blankToNull(cmd.hostUnitCreditCode()), cmd.establishedOn() == null ? today : cmd.establishedOn(),
                secretary, cmd.termStartedOn(), termYears);
        Organization org = repo.find(id).orElseThrow();
        repo.recordChange(org, "CREATED", org.establishedOn(), null, org.name(), null, scope.username());
        events.publishEvent(new OrgEvents.OrgCreated(id, org.path(), org.regionOrgId(), founders, org.establishedOn()));
        audit.success("org.create", "org", id, org.path(), org.type() + " " + org.name()
                + (founders.isEmpty() ? "" : " founders=" + founders));
        return org;
    }

    @Transactional
    public Organization rename(DataScope scope, long id, Rename cmd) {
        requireOrgManager(scope);
        Organization org = get(scope, id);
        List<Violation> errors = new ArrayList<>();
        String name = InvalidInputException.collect(errors, () -> TextInput.required(cmd.name(), "name", 100));
        if (cmd.version() == null) {
            errors.add(new Violation("version", "validation.required")); // an update states the version it changes
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireActive(org);
        if (!repo.rename(id, name, cmd.version())) {
            throw new ConflictException("error.concurrentChange");
        }
        repo.recordChange(org, "RENAMED", LocalDate.now(clock), org.name(), name, null, scope.username());
        audit.success("org.rename", "org", id, org.path(), org.name() + " -> " + name);
        return repo.find(id).orElseThrow();
    }

    @Transactional
    public Organization move(DataScope scope, long id, Move cmd) {
        requireOrgManager(scope);
        Organization org = get(scope, id);
        requireActive(org);
        LocalDate on = effectiveDate(cmd.effectiveOn());
        String reason = TextInput.optional(cmd.reason(), "reason", 500);
        if (cmd.newParentId() == null) {
            throw InvalidInputException.of("newParentId", "validation.required");
        }
        Organization target = repo.find(cmd.newParentId()).filter(p -> scope.covers(p.path()))
                .orElseThrow(() -> InvalidInputException.of("newParentId", "org.parent.unknown"));
        if (org.id() == scope.scopeOrgIdOrZero()) {
            throw InvalidInputException.of("newParentId", "org.move.scopeRoot");
        }
        if (OrgPath.covers(org.path(), target.path())) {
            throw InvalidInputException.of("newParentId", "org.move.intoOwnSubtree");
        }
        if (!target.active()) {
            throw InvalidInputException.of("newParentId", "org.parent.inactive");
        }
        if (!target.type().canHaveChild(org.type())) {
            throw InvalidInputException.of("newParentId", "org.type.notAllowedUnder", target.name());
        }
        if (target.id() == (org.parentId() == null ? -1 : org.parentId())) {
            throw InvalidInputException.of("newParentId", "org.move.sameParent");
        }
        moveSubtree(org, target);
        repo.recordChange(org, "MOVED", on, String.valueOf(org.parentId()), String.valueOf(target.id()), reason, scope.username());
        audit.success("org.move", "org", id, target.path(), org.name() + " -> " + target.name());
        return repo.find(id).orElseThrow();
    }

    private void moveSubtree(Organization org, Organization newParent) {
        String newPath = OrgPath.child(newParent.path(), org.id());
        repo.setParent(org.id(), newParent.id());
        repo.movePaths(org.path(), newPath, newParent.regionOrgId());
        events.publishEvent(new OrgEvents.OrgMoved(org.id(), org.path(), newPath, newParent.regionOrgId()));
    }

    /** Merges {@code sourceId} into the target: child orgs re-parent, members move, the source closes as MERGED. */
    @Transactional
    public Organization merge(DataScope scope, long sourceId, Merge cmd) {
        requireOrgManager(scope);
        Organization source = get(scope, sourceId);
        requireActive(source);
        LocalDate on = effectiveDate(cmd.effectiveOn());
        String reason = TextInput.optional(cmd.reason(), "reason", 500);
        if (cmd.targetId() == null) {
            throw InvalidInputException.of("targetId", "validation.required");
        }
        Organization target = repo.find(cmd.targetId()).filter(p -> scope.covers(p.path()))
                .orElseThrow(() -> InvalidInputException.of("targetId", "org.parent.unknown"));
        if (target.id() == source.id() || OrgPath.covers(source.path(), target.path())) {
            throw InvalidInputException.of("targetId", "org.merge.intoItself");
        }
        if (!target.active()) {
            throw InvalidInputException.of("targetId", "org.parent.inactive");
        }
        if (source.id() == scope.scopeOrgIdOrZero()) {
            throw InvalidInputException.of("targetId", "org.move.scopeRoot");
        }
        if (source.type().holdsMembers() != target.type().holdsMembers()) {
            throw InvalidInputException.of("targetId", "org.merge.incompatible");
        }
        for (Organization child : repo.children(source.id(), false)) {
            if (!target.type().canHaveChild(child.type())) {
                throw InvalidInputException.of("targetId", "org.type.notAllowedUnder", target.name());
            }
        }
        for (Organization child : repo.children(source.id(), false)) {
            moveSubtree(child, target);
        }
        events.publishEvent(new OrgEvents.OrgMerged(source.id(), target.id(), target.path(), on));
        repo.close(source.id(), OrgStatus.MERGED, on, reason, target.id());
        repo.recordChange(source, "MERGED_INTO", on, source.name(), target.name(), reason, scope.username());
        repo.recordChange(target, "MERGED_FROM", on, source.name(), target.name(), reason, scope.username());
        audit.success("org.merge", "org", source.id(), target.path(), source.name() + " -> " + target.name());
        return repo.find(target.id()).orElseThrow();
    }

    /** Dissolves an organization that has no active child organizations and no members left; history stays. */
    @Transactional
    public Organization dissolve(DataScope scope, long id, Dissolve cmd) {
        requireOrgManager(scope);
        Organization org = get(scope, id);
        requireActive(org);
        LocalDate on = effectiveDate(cmd.effectiveOn());
        String reason = TextInput.required(cmd.reason(), "reason", 500);
        if (org.id() == scope.scopeOrgIdOrZero()) {
            throw InvalidInputException.of("id", "org.move.scopeRoot");
        }
        if (repo.activeChildCount(id) > 0) {
            throw new ConflictException("org.dissolve.hasChildren");
        }
        if (members.subtreeCounts(org.path()).total() > 0) {
            throw new ConflictException("org.dissolve.hasMembers");
        }
        repo.close(id, OrgStatus.DISSOLVED, on, reason, null);
        events.publishEvent(new OrgEvents.OrgDissolved(id, org.path()));
        repo.recordChange(org, "DISSOLVED", on, org.name(), null, reason, scope.username());
        audit.success("org.dissolve", "org", id, org.path(), reason);
        return repo.find(id).orElseThrow();
    }

    private LocalDate effectiveDate(LocalDate d) {
        LocalDate today = LocalDate.now(clock);
        if (d == null) {
            return today;
        }
        if (d.isAfter(today)) {
            throw InvalidInputException.of("effectiveOn", "validation.futureDate");
        }
        return d;
    }

    private static void requireActive(Organization org) {
        if (!org.active()) {
            throw new ConflictException("org.inactive");
        }
    }

    private static void requireOrgReader(DataScope scope) {
        if (!scope.canReadOrgs()) {
            throw new ForbiddenException("role cannot read organizations");
        }
    }

    private static void requireOrgManager(DataScope scope) {
        if (!scope.canManageOrgs()) {
            throw new ForbiddenException("role cannot change organizations");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
