package io.zhibu.supervision.internal;

import io.zhibu.shared.DataScope;
import io.zhibu.supervision.Bulletin;
import io.zhibu.supervision.Bulletins;
import io.zhibu.warning.WarningQuery;
import io.zhibu.warning.WarningViews;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The warning figures of a bulletin, from the warning module's period counts. */
@Component
class WarningBulletinFigures implements Bulletins.WarningFigures {
    private final WarningQuery warnings;

    WarningBulletinFigures(WarningQuery warnings) {
        this.warnings = warnings;
    }

    @Override
    public Bulletin.WarningSummary summary(DataScope scope, long orgId, LocalDate from, LocalDate to) {
        WarningViews.PeriodCounts period = warnings.openedAndClosed(scope, orgId, from, to);
        Map<String, Long> bySeverity = new TreeMap<>();
        warnings.openCounts(scope, orgId).forEach(c -> bySeverity.merge(c.severity().name(), c.count(), Long::sum));
        Map<String, Long> byRule = new TreeMap<>();
        period.opened().forEach(c -> byRule.merge(c.rule(), c.count(), Long::sum));
        return new Bulletin.WarningSummary(period.opened().stream().mapToLong(WarningViews.RuleSeverityCount::count).sum(),
                period.closed().stream().mapToLong(WarningViews.RuleSeverityCount::count).sum(), bySeverity, byRule);
    }
}
