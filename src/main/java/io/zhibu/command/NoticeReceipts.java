package io.zhibu.command;

import java.util.List;

/**
 * Read receipts of a notice below one organization: how many addressees (organizations, or members counted from
 * the roster) have read it, per child, and the organizations that have not read it yet (to organizations only).
 */
public record NoticeReceipts(long noticeId, String title, NoticeAudience audience, long orgId, String orgName,
                             long total, long read, List<Line> children, List<Line> unread) {
    public long unreadCount() {
        return Math.max(0, total - read);
    }

    /** One organization: its addressees and how many have read. */
    public record Line(long orgId, String name, long total, long read) {
        public long unread() {
            return Math.max(0, total - read);
        }
    }
}
