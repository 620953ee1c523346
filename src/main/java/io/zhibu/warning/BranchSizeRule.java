package io.zhibu.warning;

/**
 * R1.2 支部规模: a branch needs at least 3 正式党员 (预备党员 do not count) unless it is a 联合党支部; warn when a
 * branch has more than 50 members. 临时党支部 are not checked.
 */
public final class BranchSizeRule {
    private BranchSizeRule() {
    }

    public static boolean underMinimum(boolean jointBranch, long fullMembers, RuleSettings s) {
        return !jointBranch && fullMembers < s.threshold("min");
    }

    public static boolean oversized(long members, RuleSettings s) {
        return members > s.threshold("max");
    }
}
