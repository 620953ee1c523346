package io.zhibu.member;

/** Roster filters; {@code orgId} means the organization's whole subtree. */
public record MemberFilter(Long orgId, String q, MemberCategory category, io.zhibu.shared.Gender gender,
                           AgeBand ageBand, String education, Integer joinYear) {
    public static MemberFilter all() {
        return new MemberFilter(null, null, null, null, null, null, null);
    }
}
