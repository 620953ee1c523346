package io.zhibu.org;

/** Member counts of an organization (own or subtree): total, full (正式) and probationary (预备). */
public record MemberCounts(long total, long full, long probationary) {
    public static final MemberCounts ZERO = new MemberCounts(0, 0, 0);
}
