package io.zhibu.supervision;

import io.zhibu.shared.DataScope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 通报 bulletins built from the rollups (so a city-wide bulletin costs what a dashboard costs): the monthly bulletin
 * and the quarterly assessment sheet. A branch is named for lagging when its rate for the period is below the
 * configured threshold (per mille; defaults 三会一课 80%, dues 90%).
 */
@Service
public class Bulletins {
    private final Dashboards dashboards;
    private final Optional<WarningFigures> warnings;
    private final Clock clock;
    private final int meetingThreshold;
    private final int duesThreshold;
    private final int named;

    public Bulletins(Dashboards dashboards, Optional<WarningFigures> warnings, Clock clock,
                     @Value("${zhibu.supervision.lagging.meeting-rate:800}") int meetingThreshold,
                     @Value("${zhibu.supervision.lagging.dues-rate:900}") int duesThreshold,
                     @Value("${zhibu.supervision.lagging.named:20}") int named) {
        this.dashboards = dashboards;
        this.warnings = warnings;
        this.clock = clock;
        this.meetingThreshold = meetingThreshold;
        this.duesThreshold = duesThreshold;
        this.named = named;
    }

    /** What the warning module tells bulletins (an optional port, implemented where the warnings live). */
    public interface WarningFigures {
        Bulletin.WarningSummary summary(DataScope scope, long orgId, java.time.LocalDate from, java.time.LocalDate to);
    }

    @Transactional(readOnly = true)
    public Bulletin bulletin(DataScope scope, Long orgId, String periodCode) {
        DashboardPeriod period = dashboards.period(periodCode == null || periodCode.isBlank()
                ? java.time.YearMonth.now(clock).minusMonths(1).toString() : periodCode);
        String kind = period.code().contains("Q") ? "QUARTERLY" : period.code().length() == 4 ? "ANNUAL" : "MONTHLY";
        DashboardPeriod previous = period.previous();
        Dashboard now = dashboards.dashboard(scope, orgId, period.code(), "MEETING_RATE");
        Dashboard before = dashboards.dashboard(scope, now.orgId(), previous.code(), "MEETING_RATE");
        List<Dashboards.BranchRank> all = dashboards.branchRanking(scope, now.orgId(), period.code(), "MEETING_RATE",
                Integer.MAX_VALUE);
        List<Dashboards.BranchRank> laggingMeetings = all.stream()
                .filter(b -> b.meetingRate() != null && b.meetingRate() < meetingThreshold)
                .sorted(Comparator.comparing(Dashboards.BranchRank::meetingRate)).limit(named).toList();
        List<Dashboards.BranchRank> laggingDues = all.stream()
                .filter(b -> b.duesRate() != null && b.duesRate() < duesThreshold)
                .sorted(Comparator.comparing(Dashboards.BranchRank::duesRate)).limit(named).toList();
        Bulletin.WarningSummary w = warnings.map(f -> f.summary(scope, now.orgId(), period.first().atDay(1),
                period.last().atEndOfMonth())).orElse(Bulletin.WarningSummary.NONE);
        return new Bulletin(kind, now.orgId(), now.orgName(), period.code(), previous.code(), now.figures(),
                now.meetingRate(), now.duesRate(), before.figures(), before.meetingRate(), before.duesRate(),
                now.children(), laggingMeetings, laggingDues, meetingThreshold, duesThreshold, w,
                OffsetDateTime.now(clock));
    }
}
