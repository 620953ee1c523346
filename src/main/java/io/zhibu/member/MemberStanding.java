package io.zhibu.member;

/** 党籍状态 (§3.2): 正常 or 停止党籍. Exits are lifecycle events (next module step). */
public enum MemberStanding {
    NORMAL, SUSPENDED
}
