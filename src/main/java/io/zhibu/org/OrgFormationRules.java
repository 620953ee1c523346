package io.zhibu.org;

import java.util.ArrayList;
import java.util.List;

/** Formation thresholds of §1.1–1.2 (R1.2, R1.3), one place for all of them. */
public final class OrgFormationRules {
    /** R1.2 / 支部工作条例: a unit with ≥3 full members forms a branch. */
    public static final int BRANCH_MIN_FULL_MEMBERS = 3;
    /** §1.1: a branch normally has ≤50 members. */
    public static final int BRANCH_MAX_MEMBERS = 50;
    /** §1.1: general branch 50–<100 members; a committee ≥100. */
    public static final int GENERAL_BRANCH_MIN = 50;
    public static final int COMMITTEE_MIN = 100;
    /** R1.3: ≥7 full members → a branch committee of 3–5 members. */
    public static final int BRANCH_COMMITTEE_THRESHOLD = 7;

    private OrgFormationRules() {
    }

    /**
     * R1.3 班子齐全: a branch with ≥7 full members (正式党员) needs a 支部委员会 — here a secretary, an organization
     * member and a propaganda member; a branch with fewer has one 书记 (and a 副书记 if needed) and no committee, so a
     * secretary alone is complete. {@code fullMembers} counts 正式党员 only (预备党员 do not count, R1.2).
     */
    public static boolean committeeComplete(long fullMembers, boolean secretary, boolean organizationMember,
                                            boolean propagandaMember) {
        if (!secretary) {
            return false;
        }
        return fullMembers < BRANCH_COMMITTEE_THRESHOLD || organizationMember && propagandaMember;
    }

    /** R1.3: whether a branch of this size must have a committee at all. */
    public static boolean needsCommittee(long fullMembers) {
        return fullMembers >= BRANCH_COMMITTEE_THRESHOLD;
    }

    /** §1.1 (支部工作条例 ch.2): a 联合党支部 covers at most 5 units. */
    public static final int JOINT_BRANCH_MAX_UNITS = 5;

    /** The host units named in a joint branch's host-unit field (separated by 、，,；; or /), blanks dropped. */
    public static int hostUnitCount(String hostUnits) {
        if (hostUnits == null || hostUnits.isBlank()) {
            return 0;
        }
        return (int) java.util.Arrays.stream(hostUnits.split("[、，,；;/]")).filter(u -> !u.isBlank()).count();
    }

    /** §1.1: a 联合党支部 names at most {@value #JOINT_BRANCH_MAX_UNITS} host units; other types are not limited. */
    public static boolean jointBranchUnitsOk(OrgType type, String hostUnits) {
        return type != OrgType.JOINT_BRANCH || hostUnitCount(hostUnits) <= JOINT_BRANCH_MAX_UNITS;
    }

    /** R1.2: an ordinary branch cannot be created with fewer than 3 full members (use a joint branch). */
    public static boolean canFormBranch(OrgType type, long fullMembers) {
        return type != OrgType.BRANCH || fullMembers >= BRANCH_MIN_FULL_MEMBERS;
    }

    /** Flags (message keys) shown on the org page for an existing organization. */
    public static List<String> flags(OrgType type, MemberCounts own, MemberCounts subtree) {
        List<String> flags = new ArrayList<>();
        switch (type) {
            case BRANCH -> {
                if (own.full() < BRANCH_MIN_FULL_MEMBERS) {
                    flags.add("org.flag.branchBelowThree");
                }
                if (own.total() > BRANCH_MAX_MEMBERS) {
                    flags.add("org.flag.branchOversized");
                }
                if (own.full() >= BRANCH_COMMITTEE_THRESHOLD) {
                    flags.add("org.flag.needsBranchCommittee");
                }
            }
            case JOINT_BRANCH, TEMPORARY_BRANCH -> {
                if (own.total() > BRANCH_MAX_MEMBERS) {
                    flags.add("org.flag.branchOversized");
                }
            }
            case GENERAL_BRANCH -> {
                if (subtree.total() < GENERAL_BRANCH_MIN) {
                    flags.add("org.flag.generalBranchSmall");
                } else if (subtree.total() >= COMMITTEE_MIN) {
                    flags.add("org.flag.generalBranchLarge");
                }
            }
            case COMMITTEE -> {
                if (subtree.total() < COMMITTEE_MIN) {
                    flags.add("org.flag.committeeSmall");
                }
            }
            case PARTY_GROUP -> {
            }
        }
        return flags;
    }
}
