package io.zhibu.command;

import java.util.List;

/**
 * Read receipts of a notice below one organization: how many addressees (organizations, or members counted from
 * the roster) have read it and how many not, per child, and the organizations that have not read it yet (to
 * organizations only).
 */
public record NoticeReceipts(long noticeId, String title, NoticeAudience audience, long orgId, String orgName,
                             long total, long read, long unread, List<Line> children, List<Line> unreadOrgs) {

    /** One organization: its addressees, how many have read, how many not. */
    public record Line(long orgId, String name, long total, long read, long unread) {
        static Line of(long orgId, String name, long total, long read) {
            return new Line(orgId, name, total, read, Math.max(0, total - read));
        }
    }
}
