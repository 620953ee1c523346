package io.zhibu.disclosure;

/** The three 公开 categories: 党务 (every branch-level organization), 村务 and 财务 (village-level organizations). */
public enum DisclosureCategory {
    /** 党务公开. */
    PARTY,
    /** 村务公开. */
    VILLAGE,
    /** 财务公开. */
    FINANCE
}
