package io.zhibu.member;

import java.time.LocalDate;
import java.util.List;

/**
 * Facts other modules keep projections of (dues accounts, study plans, rollups). Published synchronously inside the
 * writing transaction, so a listener's projection commits or rolls back with the change.
 * Org-tree moves are announced by the org module ({@code OrgEvents.OrgMoved}); listeners re-root paths themselves.
 */
public final class MemberEvents {
    private MemberEvents() {
    }

    /** A member as the roster holds them now. */
    public record MemberFacts(long memberId, long orgId, String orgPath, long regionOrgId, MemberCategory category,
                              LocalDate joinedOn, LocalDate fullMemberOn, MemberStanding standing) {
    }

    /** New members (one on create, many on seeding or import). */
    public record Registered(List<MemberFacts> members) {
    }

    /** A member's record changed (category, dates, standing or branch). */
    public record Updated(MemberFacts member) {
    }

    /** Members moved to another branch (founding a branch, merging branches). */
    public record Moved(List<Long> memberIds, long orgId, String orgPath, long regionOrgId) {
    }

    /** A dated lifecycle change was recorded by hand (转正, 处分, 停止党籍 …): other modules react (e.g. a 五必谈 talk). */
    public record LifecycleRecorded(long memberId, long orgId, String orgPath, MemberEventType type, LocalDate effectiveOn) {
    }
}
