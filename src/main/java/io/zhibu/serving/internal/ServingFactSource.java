package io.zhibu.serving.internal;

import io.zhibu.assessment.BranchFactSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The branch fact {@code serving.volunteer_hours} (issue 21 point 2, "hours as a branch fact"): hours its members
 * served in the year up to {@code asOf} — volunteer activities (checked in and out) and 双报到 community services
 * (recorded by the community) — one query each per subtree. Branches without service default to 0.
 */
@Component
class ServingFactSource implements BranchFactSource {
    static final String HOURS = "serving.volunteer_hours";
    private final ServingRepository repo;

    ServingFactSource(ServingRepository repo) {
        this.repo = repo;
    }

    @Override
    public List<FactDef> facts() {
        return List.of(new FactDef(HOURS, BigDecimal.ZERO, "h", "/serving?orgId={orgId}&year={year}"));
    }

    @Override
    public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
        List<BranchFact> out = new ArrayList<>();
        repo.volunteerMinutesByBranch(subtreePath, LocalDate.of(year, 1, 1), asOf).forEach((org, minutes) -> out.add(
                new BranchFact(org, HOURS, BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP),
                        "志愿服务 " + minutes + " 分钟")));
        return out;
    }
}
