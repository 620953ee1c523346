package io.zhibu.venue.internal;

import io.zhibu.venue.VenueTier;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** 阵地不达标 facts: venues whose latest inspection is below the lowest tier, one query over the register. */
@Component
class VenueWarnings implements WarningSource {
    private final VenueRepository repo;

    VenueWarnings(VenueRepository repo) {
        this.repo = repo;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.VENUE_BELOW_STANDARD;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        for (VenueRepository.VenueLine v : repo.withTier(VenueTier.BELOW_STANDARD)) {
            sink.accept(new WarningCandidate(WarningRule.VENUE_BELOW_STANDARD, "venue:" + v.id(), v.orgId(), v.orgPath(),
                    null, v.name(), "BELOW", v.inspectedOn(), null));
        }
    }
}
