package io.zhibu.development.internal;

import io.zhibu.db.tables.records.DevPersonRecord;
import io.zhibu.db.tables.records.DevStepRecord;
import io.zhibu.development.Decision;
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
 * R2.12 development deadlines: every open dossier with its steps (two set-based reads), its obligations from the
 * module's own date engine ({@link DevTimeline#deadlines()}: talk, reviews, branch meeting, approvals, oath, probation
 * end), and the warning level from {@link DevDeadlineRule}. 发展对象 eligibility is a permission, never a warning.
 */
@Component
class DevDeadlineWarnings implements WarningSource {
    private final DevelopmentRepository repo;
    private final DevelopmentProperties props;

    DevDeadlineWarnings(DevelopmentRepository repo, DevelopmentProperties props) {
        this.repo = repo;
        this.props = props;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.DEV_DEADLINE;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        List<DevPersonRecord> open = repo.open("", null, Integer.MAX_VALUE);
        Map<Long, List<DevStepRecord>> steps = open.isEmpty() ? Map.of() : repo.openSteps("", null);
        for (DevPersonRecord p : open) {
            List<DevTimeline.Done> done = steps.getOrDefault(p.getId(), List.of()).stream()
                    .map(r -> new DevTimeline.Done(r.getStepNo(), r.getRound(), r.getDoneOn(),
                            r.getDecision() == null ? null : Decision.valueOf(r.getDecision()), r.getExtensionMonths()))
                    .toList();
            DevTimeline t = new DevTimeline(done, DevState.valueOf(p.getState()), p.getConversionRound(),
                    p.getExtensionMonths(), props);
            for (DevTimeline.Due d : t.deadlines()) {
                if ("TARGET_ELIGIBLE".equals(d.kind())) {
                    continue;
                }
                String level = DevDeadlineRule.level(d.dueOn(), d.latestOn(), today, settings);
                if (level != null) {
                    sink.accept(new WarningCandidate(WarningRule.DEV_DEADLINE,
                            "person:" + p.getId() + ":" + d.kind() + ":" + d.dueOn(), p.getOrgId(), p.getOrgPath(), null,
                            p.getName(), level, d.dueOn(), d.kind()));
                }
            }
        }
    }
}
