package io.zhibu.command;

/** Who a notice (通知公告) is for: organizations (their secretaries and staff read it) or the members of a subtree. */
public enum NoticeAudience {
    ORGS, MEMBERS
}
