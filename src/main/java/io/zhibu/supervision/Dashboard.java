package io.zhibu.supervision;

import java.util.List;
import java.util.Map;

/**
 * 督导看板 the key figures of an organization's whole subtree for a period, and the same figures for each child
 * organization (ranked), all read from the rollups. Rates are in per mille; null when nothing was due.
 */
public record Dashboard(long orgId, String orgName, String orgType, String period, List<Crumb> path,
                        Map<String, Long> figures, Integer meetingRate, Integer duesRate, String rankBy,
                        List<Child> children, long pendingChanges) {

    public record Crumb(long id, String name) {
    }

    /** A child organization's subtree figures; {@code drillable} when it has a dashboard of its own below. */
    public record Child(long orgId, String name, String type, boolean drillable, Map<String, Long> figures,
                        Integer meetingRate, Integer duesRate, int rank) {
        public long figure(String metric) {
            return figures.getOrDefault(metric, 0L);
        }

        public Integer deliberationRate() {
            return Dashboard.deliberationRate(figures);
        }

        public Integer servingRate() {
            return Dashboard.servingRate(figures);
        }
    }

    /** Members of the in-service branches (机关、事业单位、国企: the 双报到 units), from the domain figures. */
    public static final java.util.List<String> IN_SERVICE_DOMAINS = java.util.List.of("AGENCY", "SCHOOL", "HOSPITAL", "STATE_ENTERPRISE");

    /**
     * 双报到 report rate of the period (issue 21): members of the in-service branches whose report a community
     * confirmed ({@code serving.reported}) over those branches' members ({@code member.domain.*}); null when none.
     */
    public static Integer servingRate(Map<String, Long> f) {
        long members = 0;
        for (String d : IN_SERVICE_DOMAINS) {
            members += f.getOrDefault("member.domain." + d, 0L);
        }
        return perMille(Math.min(f.getOrDefault("serving.reported", 0L), members), members);
    }

    public Integer servingRate() {
        return servingRate(figures);
    }

    /** 四议两公开 落实率 of the subtree (villages' matters completed over started, rules.md §1.5). */
    public Integer deliberationRate() {
        return deliberationRate(figures);
    }

    public static Integer deliberationRate(Map<String, Long> f) {
        return perMille(f.getOrDefault("deliberation.completed", 0L), f.getOrDefault("deliberation.started", 0L));
    }

    public long figure(String metric) {
        return figures.getOrDefault(metric, 0L);
    }

    /** Per mille of {@code part} in {@code whole}; null when whole is 0. */
    public static Integer perMille(long part, long whole) {
        return whole == 0 ? null : (int) Math.round(part * 1000.0 / whole);
    }

    public static Integer meetingRate(Map<String, Long> f) {
        long held = f.getOrDefault("meeting.held", 0L);
        return perMille(held, held + f.getOrDefault("meeting.missing", 0L));
    }

    public static Integer duesRate(Map<String, Long> f) {
        return perMille(f.getOrDefault("dues.paid", 0L), f.getOrDefault("dues.due", 0L));
    }
}
