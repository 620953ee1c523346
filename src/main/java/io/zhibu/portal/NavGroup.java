package io.zhibu.portal;

import java.util.List;

/**
 * The seven top-level menu groups (首页 · 组织与党员 · 组织生活 · 党费 · 学习积分 · 考核督导 · 系统). A module's
 * {@link io.zhibu.shared.web.NavItem} lands in the group its link belongs to (by path prefix), so modules contribute
 * entries without knowing the menu's shape; an unknown path lands in 系统 (e.g. the accounts console {@code /accounts}).
 */
public enum NavGroup {
    HOME("navgroup.home", List.of("/todos", "/inbox", "/notices")),
    ORG("navgroup.org", List.of("/orgs", "/members", "/transfers", "/development", "/venues")),
    LIFE("navgroup.life", List.of("/meetings", "/points/activities", "/serving")),
    DUES("navgroup.dues", List.of("/dues")),
    STUDY("navgroup.study", List.of("/learning", "/points")),
    OVERSIGHT("navgroup.oversight", List.of("/supervision", "/assessment", "/warnings", "/tasks", "/debriefs", "/notices/sent", "/projects", "/dispatch", "/observations")),
    SYSTEM("navgroup.system", List.of("/audit", "/accounts", "/swagger-ui"));

    private final String labelKey;
    private final List<String> prefixes;

    NavGroup(String labelKey, List<String> prefixes) {
        this.labelKey = labelKey;
        this.prefixes = prefixes;
    }

    public String labelKey() {
        return labelKey;
    }

    public String id() {
        return "navgroup-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The group of a menu link: the longest matching prefix wins (/points/activities is 组织生活, /points 学习积分). */
    public static NavGroup of(String href) {
        NavGroup best = SYSTEM;
        int len = -1;
        for (NavGroup g : values()) {
            for (String p : g.prefixes) {
                if ((href.equals(p) || href.startsWith(p + "/") || href.startsWith(p + "?")) && p.length() > len) {
                    best = g;
                    len = p.length();
                }
            }
        }
        return best;
    }
}
