package io.zhibu.points;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Read models and command bodies of the points module (党员积分, 积分定星, 支部活动). */
public final class PointsViews {
    private PointsViews() {
    }

    /** What a posting did: POSTED (maybe 0 points after a cap), DUPLICATE (the fact was already posted), IGNORED. */
    public enum Outcome { POSTED, DUPLICATE, IGNORED }

    public record Posting(Outcome outcome, Long entryId, int points) {
    }

    /**
     * One ledger line with how it was earned: the item, the fact it links to, the points asked and granted
     * ({@code capped} when a cap cut them), and for corrections the reversed entry.
     */
    public record Entry(long id, long memberId, int year, LocalDate date, PointItem item, int requested, int points,
                        boolean capped, int studyMinutes, BigDecimal quizScore, String linkType, String linkId,
                        String reason, Long reversesEntryId, boolean reversed, boolean automatic, String createdBy,
                        OffsetDateTime createdAt) {
    }

    /** Points per item for the year. */
    public record ItemTotal(PointItem item, int points, int count) {
    }

    /** The member's year: base + ledger = total (floor 0), the stars, the totals per item and the ledger. */
    public record MemberPoints(long memberId, String memberName, long orgId, int year, int base, int ledger, int total,
                               int stars, long rank, long rankOf, int studyMinutes, BigDecimal quizScore,
                               List<ItemTotal> items, List<Entry> entries) {
    }

    /** Stars of one member (for the member page). */
    public record Stars(long memberId, int year, int total, int stars) {
    }

    /** One line of the branch roster with points and stars. */
    public record RosterLine(long memberId, String memberName, int total, int stars, int studyMinutes,
                             BigDecimal quizScore) {
    }

    public record MemberRank(long rank, long memberId, String memberName, long orgId, String orgName, int total,
                             int stars, int studyMinutes, BigDecimal quizScore) {
    }

    /** A branch by the per-member average of its own members. */
    public record BranchRank(long rank, long orgId, String orgName, int members, long points, BigDecimal average,
                             long studyMinutes, BigDecimal quizScore) {
    }

    /** Manual entry by the branch: the item, the points (default: the item's), the reason; idempotency key. */
    public record ManualForm(PointItem item, Integer points, LocalDate date, String reason, String idempotencyKey) {
    }

    public record ReverseForm(String reason) {
    }

    public record RebuildResult(int year, int orgRows, long millis, boolean agreed) {
    }

    /** A configured item rule, for the rules page and the entry form. */
    public record Rule(PointItem item, boolean automatic, int points, int min, int max, Integer dailyCap,
                       Integer yearlyCap) {
    }

    public record Rules(int base, int dailyAutomaticCap, List<StarTiers.Tier> starTiers, List<Rule> items) {
    }

    // --- activity feed

    public record Photo(long id, String contentType, long sizeBytes) {
    }

    public record Activity(long id, long orgId, String orgName, String title, String body, Long meetingId,
                           String meetingTitle, List<Photo> photos, int likes, boolean likedByMe, String shareToken,
                           OffsetDateTime createdAt) {
    }

    /** The public, read-only view behind a share link: no member names, no author, only the branch's name. */
    public record SharedActivity(String orgName, String title, String body, String meetingTitle, List<Long> photoIds,
                                 int likes, OffsetDateTime createdAt) {
    }

    public record ActivityForm(Long orgId, String title, String body, Long meetingId) {
    }

    public record PhotoUpload(String fileName, byte[] bytes) {
    }
}
