package io.zhibu.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * 通报 a bulletin for a subtree and period: the monthly bulletin (a month) or the quarterly assessment sheet (a
 * quarter) — headline figures with the change since the previous period, the children ranked, the branches named for
 * lagging, and the warnings opened and closed.
 */
public record Bulletin(String kind, long orgId, String orgName, String period, String previousPeriod,
                       Map<String, Long> figures, Integer meetingRate, Integer duesRate,
                       Map<String, Long> previousFigures, Integer previousMeetingRate, Integer previousDuesRate,
                       List<Dashboard.Child> children, List<Dashboards.BranchRank> laggingMeetings,
                       List<Dashboards.BranchRank> laggingDues, int meetingThreshold, int duesThreshold,
                       WarningSummary warnings, OffsetDateTime generatedAt) {

    /** Warnings of the subtree: opened and closed in the period, and still open by severity. */
    public record WarningSummary(long opened, long closed, Map<String, Long> openBySeverity, Map<String, Long> openedByRule) {
        public static final WarningSummary NONE = new WarningSummary(0, 0, Map.of(), Map.of());
    }

    public long figure(String metric) {
        return figures.getOrDefault(metric, 0L);
    }

    public long previousFigure(String metric) {
        return previousFigures.getOrDefault(metric, 0L);
    }
}
