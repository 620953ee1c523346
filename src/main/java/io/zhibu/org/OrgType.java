package io.zhibu.org;

/** Organization types (§1.1). */
public enum OrgType {
    /** 党委 (基层党委 or above). */
    COMMITTEE,
    /** 党总支. */
    GENERAL_BRANCH,
    /** 党支部. */
    BRANCH,
    /** 联合党支部: covers ≤5 units with fewer than 3 full members each. */
    JOINT_BRANCH,
    /** 临时党支部: no development, dues or discipline [L]. */
    TEMPORARY_BRANCH,
    /** 党小组, inside a branch. */
    PARTY_GROUP;

    /** Members' organization relation is held by branches (支部, 联合支部, 临时支部). */
    public boolean holdsMembers() {
        return this == BRANCH || this == JOINT_BRANCH || this == TEMPORARY_BRANCH;
    }

    public boolean canHaveChild(OrgType child) {
        return switch (this) {
            case COMMITTEE -> child != PARTY_GROUP;
            case GENERAL_BRANCH -> child == BRANCH || child == JOINT_BRANCH || child == TEMPORARY_BRANCH;
            case BRANCH, JOINT_BRANCH, TEMPORARY_BRANCH -> child == PARTY_GROUP;
            case PARTY_GROUP -> false;
        };
    }
}
