package io.zhibu.shared;

/**
 * Roles. ADMIN / SECURITY_ADMIN / AUDITOR are the 等保 three-role separation (R9.6);
 * the others are the working roles, each with its data scope.
 */
public enum Role {
    /** 平台管理员: platform administrator, scope = the whole platform. */
    ADMIN,
    /** 安全管理员: manages accounts and roles, no roster access. */
    SECURITY_ADMIN,
    /** 审计管理员: reads the audit trail of their scope. */
    AUDITOR,
    /** 组织部门 / 上级党委 staff: scope = their organization's subtree. */
    ORG_STAFF,
    /** 支部书记 / 支委: scope = their branch. */
    BRANCH_SECRETARY,
    /** 党员: scope = themselves. */
    MEMBER
}
