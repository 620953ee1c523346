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
