package io.zhibu.meeting.internal;

import io.zhibu.warning.NoOrgLifeRule;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * R3.4 / R4.6 organization-life clock: members expected at their branch's held (locked) meetings of the last two
 * years who attended none — nor made one up — for 3 months (alert) or 6 consecutive months (自行脱党 review, decided by
 * the branch meeting and the superior, never by the platform). One GROUP BY over attendance; members who left the
 * branch drop out because they are no longer expected at its meetings.
 */
@Component
class NoOrgLifeWarnings implements WarningSource {
    /** Still expected at a meeting in the last two months: the member is still on the branch's list. */
    private static final int RECENT_MONTHS = 2;
    private final MeetingRepository repo;
    private final Clock clock;

    NoOrgLifeWarnings(MeetingRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.NO_ORG_LIFE;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        ZoneId zone = clock.getZone();
        var from = today.minusYears(2).atStartOfDay(zone).toOffsetDateTime();
        var to = today.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        var recent = today.minusMonths(RECENT_MONTHS).atStartOfDay(zone).toOffsetDateTime();
        repo.orgLifeLines(from, to, recent, l -> {
            LocalDate took = l.lastTookPart() == null ? null : l.lastTookPart().atZoneSameInstant(zone).toLocalDate();
            LocalDate first = l.firstExpected().atZoneSameInstant(zone).toLocalDate();
            String level = NoOrgLifeRule.level(took, first, today, settings);
            if (level != null) {
                LocalDate since = took != null ? took : first;
                sink.accept(new WarningCandidate(WarningRule.NO_ORG_LIFE, "member:" + l.memberId() + ":" + l.orgId(),
                        l.orgId(), l.orgPath(), l.memberId(), l.name(), level, since,
                        String.valueOf(NoOrgLifeRule.monthsWithout(since, today))));
            }
        });
    }
}
