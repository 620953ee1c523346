package io.zhibu.serving;

import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;

/**
 * The rules of 双报到 in one place.
 * <ul>
 * <li>Who reports: members of a branch of an in-service domain — 机关 (AGENCY), 事业单位 (SCHOOL, HOSPITAL) and
 * 国企 (STATE_ENTERPRISE) — to a member-holding branch of the COMMUNITY domain (issue 21 point 1).</li>
 * <li>Points (rules.md §8.4 [L] "volunteering", item {@code VOLUNTEERING}, range +1…+5, yearly cap of the item): one
 * point per full two hours served, at least 1 for any time served, at most 5 per service.</li>
 * <li>A service lasts between 15 minutes and 12 hours ({@link #MIN_MINUTES}, {@link #MAX_MINUTES}).</li>
 * </ul>
 */
public final class ServingRules {
    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 12 * 60;
    public static final int MAX_POINTS = 5;

    private ServingRules() {
    }

    public static boolean inService(OrgDomain domain, OrgType type) {
        return type != null && type.holdsMembers() && (domain == OrgDomain.AGENCY || domain == OrgDomain.SCHOOL
                || domain == OrgDomain.HOSPITAL || domain == OrgDomain.STATE_ENTERPRISE);
    }

    public static boolean community(OrgDomain domain, OrgType type) {
        return type != null && type.holdsMembers() && domain == OrgDomain.COMMUNITY;
    }

    /** Points for a service of {@code minutes}: 1 per full 120 minutes, at least 1, at most 5 (§8.4 volunteering). */
    public static int points(int minutes) {
        if (minutes <= 0) {
            return 0;
        }
        return Math.max(1, Math.min(MAX_POINTS, minutes / 120));
    }

    public static boolean validMinutes(Integer minutes) {
        return minutes != null && minutes >= MIN_MINUTES && minutes <= MAX_MINUTES;
    }
}
