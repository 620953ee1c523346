package io.zhibu.development.internal;

import io.zhibu.db.tables.records.DevPersonRecord;
import io.zhibu.development.DevState;
import io.zhibu.development.DevTimeline;
import io.zhibu.development.DevelopmentProperties;
import io.zhibu.warning.DevDeadlineRule;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * R2.12 development deadlines: every open dossier with its steps (two set-based reads per keyset page of 20,000
 * dossiers), its obligations from the module's own date engine ({@link DevTimeline#deadlines()}: talk, reviews, branch meeting, approvals, oath, probation
 * end), and the warning level from {@link DevDeadlineRule}. 发展对象 eligibility is a permission, never a warning.
 */
@Component
class DevDeadlineWarnings implements WarningSource {
    private final DevelopmentRepository repo;
    private final DevelopmentProperties props;
    private final int page;

    @org.springframework.beans.factory.annotation.Autowired
    DevDeadlineWarnings(DevelopmentRepository repo, DevelopmentProperties props) {
        this(repo, props, 20_000);
    }

    DevDeadlineWarnings(DevelopmentRepository repo, DevelopmentProperties props, int page) {
        this.repo = repo;
        this.props = props;
        this.page = page;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.DEV_DEADLINE;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        // keyset pages by person id: memory stays bounded however many dossiers a province holds
        for (long after = 0; ; ) {
            List<DevPersonRecord> rows = repo.openAfter(after, page);
            if (rows.isEmpty()) {
                return;
            }
            long first = rows.getFirst().getId();
            after = rows.getLast().getId();
            Map<Long, List<DevTimeline.Done>> steps = repo.timelineSteps(first, after);
            for (DevPersonRecord p : rows) {
                DevTimeline t = new DevTimeline(steps.getOrDefault(p.getId(), List.of()), p.getState(),
                        p.getConversionRound(), p.getExtensionMonths(), props);
                for (DevTimeline.Due d : t.deadlines()) {
                    if ("TARGET_ELIGIBLE".equals(d.kind())) {
                        continue;
                    }
                    String level = DevDeadlineRule.level(d.dueOn(), d.latestOn(), today, settings);
                    if (level != null) {
                        sink.accept(new WarningCandidate(WarningRule.DEV_DEADLINE,
                                "person:" + p.getId() + ":" + d.kind() + ":" + d.dueOn(), p.getOrgId(), p.getOrgPath(),
                                null, p.getName(), level, d.dueOn(), d.kind()));
                    }
                }
            }
            if (rows.size() < page) {
                return;
            }
        }
    }
}
