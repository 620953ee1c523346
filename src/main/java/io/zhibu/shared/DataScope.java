package io.zhibu.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the current user may see: the org subtree rooted at {@code orgPath} ({@link OrgPath#ROOT} = everything),
 * and for members only their own record. Every query in every module is limited by it.
 */
public record DataScope(long userId, String username, Role role, Long scopeOrgId, String orgPath,
                        Long regionOrgId, Long selfMemberId) implements java.io.Serializable {

    private static final Set<Role> ROSTER_MANAGERS = EnumSet.of(Role.ADMIN, Role.ORG_STAFF, Role.BRANCH_SECRETARY);
    private static final Set<Role> ORG_MANAGERS = EnumSet.of(Role.ADMIN, Role.ORG_STAFF);

    /** The scope root's id, or 0 for the platform-wide scope. */
    public long scopeOrgIdOrZero() {
        return scopeOrgId == null ? 0 : scopeOrgId;
    }

    public boolean selfOnly() {
        return role == Role.MEMBER;
    }

    public boolean covers(String path) {
        return OrgPath.covers(orgPath, path);
    }

    public boolean canReadRoster() {
        return ROSTER_MANAGERS.contains(role) || role == Role.MEMBER;
    }

    public boolean canManageMembers() {
        return ROSTER_MANAGERS.contains(role);
    }

    public boolean canManageOrgs() {
        return ORG_MANAGERS.contains(role);
    }

    /** May see unmasked ID numbers and phones (every reveal is audited); members may reveal their own. */
    public boolean canReveal(Long memberId) {
        return ROSTER_MANAGERS.contains(role) || (role == Role.MEMBER && memberId != null && memberId.equals(selfMemberId));
    }

    /** 三权分立 (R9.6, issue 15): only the auditor reads the audit trail — not the platform administrator. */
    public boolean canReadAudit() {
        return role == Role.AUDITOR;
    }

    public boolean canReadOrgs() {
        return role != Role.SECURITY_ADMIN && role != Role.AUDITOR;
    }
}
